import { generateSelfSignedCertificate } from '../crypto/generate';
import { aadsts, type AadstsError } from './aadsts';
import type { AppCertificate, EnterpriseApp } from './model';
import { CoreError, err, ok, type Result } from '../base/errors';
import { X509Certificate, createPrivateKey } from 'node:crypto';

export async function createAppCertificate(now: Date, opts: { years?: number; notAfter?: Date; active?: boolean } = {}): Promise<AppCertificate> {
  const g = await generateSelfSignedCertificate({ now, years: opts.years ?? 3, ...(opts.notAfter ? { notAfter: opts.notAfter } : {}) });
  return {
    thumbprint: g.thumbprint,
    certificatePem: g.certificatePem,
    privateKeyPem: g.privateKeyPem,
    notBefore: g.notBefore,
    notAfter: g.notAfter,
    active: opts.active ?? false,
  };
}

const validAt = (c: AppCertificate, at: Date): boolean => new Date(c.notBefore) <= at && at <= new Date(c.notAfter);

/**
 * The certificate Entra signs with: the active one; if it has expired and an inactive one is valid, that one
 * (Entra's documented fallback). None at all is AADSTS50003; none valid is AADSTS50146.
 */
export function signingCertificate(app: EnterpriseApp, at: Date): Result<AppCertificate, AadstsError> {
  const certs = app.signing.certificates;
  if (certs.length === 0) return err(aadsts(50003));
  const active = certs.find((c) => c.active);
  if (active && validAt(active, at)) return ok(active);
  const fallback = certs.find((c) => validAt(c, at));
  return fallback ? ok(fallback) : err(aadsts(50146));
}

/** Certificates published in metadata: every one, active first, as a rollover needs SPs to trust both. */
export function publishedCertificates(app: EnterpriseApp): AppCertificate[] {
  return [...app.signing.certificates].sort((a, b) => Number(b.active) - Number(a.active));
}

export function activateCertificate(app: EnterpriseApp, thumbprint: string): EnterpriseApp {
  return {
    ...app,
    signing: { ...app.signing, certificates: app.signing.certificates.map((c) => ({ ...c, active: c.thumbprint === thumbprint })) },
  };
}

/**
 * A signing certificate the user brings (a PEM certificate and its RSA private key), pinned on an app so that an
 * SP configured once keeps trusting a fresh workspace: refused when the key is not the certificate's, or the
 * certificate cannot be read.
 */
export function pinnedAppCertificate(certificatePem: string, privateKeyPem: string): Result<AppCertificate, CoreError> {
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(certificatePem);
  } catch (e) {
    return err(new CoreError('PINNED_CERT_UNREADABLE', `The signing certificate cannot be read (PEM expected): ${(e as Error).message}`));
  }
  let matches: boolean;
  try {
    matches = cert.checkPrivateKey(createPrivateKey(privateKeyPem));
  } catch (e) {
    return err(new CoreError('PINNED_KEY_UNREADABLE', `The private key cannot be read (PEM, PKCS#8 or PKCS#1 expected): ${(e as Error).message}`));
  }
  if (!matches) return err(new CoreError('PINNED_KEY_MISMATCH', `The private key is not the key of the certificate ${cert.subject} (thumbprint ${cert.fingerprint.replace(/:/g, '')}).`));
  if (cert.publicKey.asymmetricKeyType !== 'rsa') return err(new CoreError('PINNED_CERT_NOT_RSA', 'Entra signs with RSA keys; the certificate holds another kind of key.'));
  return ok({
    thumbprint: cert.fingerprint.replace(/:/g, ''),
    certificatePem: cert.toString(),
    privateKeyPem,
    notBefore: new Date(cert.validFrom).toISOString(),
    notAfter: new Date(cert.validTo).toISOString(),
    active: true,
  });
}
