import { X509Certificate, createHash } from 'node:crypto';
import { CoreError, err, ok, type Result } from '../base/errors';
import { derToPem, readCertificateInput, type CertificateForm } from './pem';

export interface CertificateInfo {
  subject: string;
  issuer: string;
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  /** SHA-1 of the DER, upper-case hex without separators, as the Entra portal shows it. */
  thumbprint: string;
  thumbprintSha256: string;
  keyType: string;
  keyBits: number | undefined;
  pem: string;
  base64: string;
  form: CertificateForm;
}

export function sha1Thumbprint(der: Buffer): string {
  return createHash('sha1').update(der).digest('hex').toUpperCase();
}

/**
 * Reading a certificate costs about 0.6 ms (X.509 parsing); the same few certificates come back with every
 * response (KeyInfo, the SP's trust, metadata), so readings of text input are remembered.
 */
const CACHE_SIZE = 256;
const cache = new Map<string, Result<CertificateInfo>>();

export function describeCertificate(input: string | Uint8Array): Result<CertificateInfo> {
  if (typeof input !== 'string') return readCertificate(input);
  const hit = cache.get(input);
  if (hit) return hit;
  const result = readCertificate(input);
  if (result.ok) Object.freeze(result.value);
  cache.set(input, result);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return result;
}

function readCertificate(input: string | Uint8Array): Result<CertificateInfo> {
  const read = readCertificateInput(input);
  if (!read.ok) return read;
  const { der, form } = read.value;
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(der);
  } catch {
    return err(new CoreError('CERT_UNREADABLE', 'The data decodes, but it is not an X.509 certificate.'));
  }
  // A damaged certificate can parse and still fail when its key or dates are read: that is unreadable too.
  try {
    const key = cert.publicKey;
    return ok({
      subject: cert.subject.replace(/\n/g, ', '),
      issuer: cert.issuer.replace(/\n/g, ', '),
      serialNumber: cert.serialNumber,
      notBefore: new Date(cert.validFrom).toISOString(),
      notAfter: new Date(cert.validTo).toISOString(),
      thumbprint: sha1Thumbprint(der),
      thumbprintSha256: createHash('sha256').update(der).digest('hex').toUpperCase(),
      keyType: key.asymmetricKeyType ?? 'unknown',
      keyBits: key.asymmetricKeyDetails?.modulusLength,
      pem: derToPem(der),
      base64: der.toString('base64'),
      form,
    });
  } catch (e) {
    return err(new CoreError('CERT_UNREADABLE', `The certificate is damaged: ${e instanceof Error ? e.message : String(e)}.`));
  }
}

export function isValidAt(info: Pick<CertificateInfo, 'notBefore' | 'notAfter'>, at: Date): boolean {
  return new Date(info.notBefore) <= at && at <= new Date(info.notAfter);
}
