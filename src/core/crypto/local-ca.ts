import 'reflect-metadata';
import { webcrypto, randomBytes, createHash, X509Certificate } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { derToPem } from './pem';
import { AsnConvert } from '@peculiar/asn1-schema';
import { GeneralName, GeneralSubtree, GeneralSubtrees, NameConstraints, id_ce_nameConstraints } from '@peculiar/asn1-x509';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

const ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;

export interface TlsMaterial {
  /** The local certificate authority a browser or an SP is told to trust (its key stays in the workspace). */
  caPem: string;
  caKeyPem: string;
  /** The server certificate the host presents: localhost, 127.0.0.1 and the virtual hosts' real names. */
  certPem: string;
  keyPem: string;
}

const serial = (): string => {
  const s = randomBytes(16);
  s[0] = s[0]! & 0x7f;
  return s.toString('hex');
};

async function pemKey(key: CryptoKey): Promise<string> {
  return derToPem(Buffer.from(await webcrypto.subtle.exportKey('pkcs8', key)), 'PRIVATE KEY');
}

/** How long the local CA lives: long enough not to nag, short enough that a forgotten trust lapses. */
export const CA_LIFETIME_DAYS = 730;

/** The loopback addresses the CA may sign for, besides the host names it is made for. */
const LOOPBACK_RANGES = ['127.0.0.0/8', '::1/128'];

/**
 * A critical Name Constraints extension: the CA can sign for localhost, loopback addresses and the given host
 * names (and their subdomains) only. Were its key stolen, it could not vouch for any other site.
 */
function nameConstraints(hosts: readonly string[]): x509.Extension {
  const names = [...new Set(['localhost', ...hosts.map((h) => h.toLowerCase())])];
  const permitted = new GeneralSubtrees([
    ...names.map((n) => new GeneralSubtree({ base: new GeneralName({ dNSName: n }) })),
    ...LOOPBACK_RANGES.map((ip) => new GeneralSubtree({ base: new GeneralName({ iPAddress: ip }) })),
  ]);
  return new x509.Extension(id_ce_nameConstraints, true, AsnConvert.serialize(new NameConstraints({ permittedSubtrees: permitted })));
}

/**
 * A certificate authority of this workspace's own, for the names the harness serves only (Name Constraints),
 * valid two years: a browser or an SP trusts it once, and it signs the host's certificate.
 */
export async function createLocalCa(now: Date, hosts: readonly string[]): Promise<Pick<TlsMaterial, 'caPem' | 'caKeyPem'>> {
  const notBefore = new Date(now.getTime() - 60_000);
  const keys = (await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as CryptoKeyPair;
  const notAfter = new Date(notBefore.getTime() + CA_LIFETIME_DAYS * 86400_000);
  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: 'CN=SAML Harness local CA, O=SAML Harness',
    notBefore,
    notAfter,
    signingAlgorithm: ALG,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      nameConstraints(hosts),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { caPem: derToPem(Buffer.from(ca.rawData)), caKeyPem: await pemKey(keys.privateKey) };
}

/**
 * The server certificate the HTTPS listener presents, signed by the workspace's CA: localhost, 127.0.0.1 and
 * `hosts` (Entra's and the vendors' real names, for those who map them to 127.0.0.1 in a hosts file).
 */
export async function issueServerCertificate(ca: Pick<TlsMaterial, 'caPem' | 'caKeyPem'>, now: Date, hosts: readonly string[]): Promise<Pick<TlsMaterial, 'certPem' | 'keyPem'>> {
  const caCert = new x509.X509Certificate(ca.caPem);
  const der = Buffer.from(ca.caKeyPem.replace(/-----[^-]+-----/g, '').replace(/\s/g, ''), 'base64');
  const caKey = await webcrypto.subtle.importKey('pkcs8', der, ALG, false, ['sign']);
  const keys = (await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as CryptoKeyPair;
  const notBefore = new Date(now.getTime() - 60_000);
  // Browsers refuse server certificates valid for more than 398 days; none outlives its CA.
  const notAfter = new Date(Math.min(notBefore.getTime() + 397 * 86400_000, new Date(caCert.notAfter).getTime()));
  const names = [...new Set(['localhost', ...hosts.map((h) => h.toLowerCase())])];
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: 'CN=localhost, O=SAML Harness',
    issuer: caCert.subject,
    notBefore,
    notAfter,
    signingAlgorithm: ALG,
    publicKey: keys.publicKey,
    signingKey: caKey,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension([...names.map((n) => ({ type: 'dns' as const, value: n })), { type: 'ip' as const, value: '127.0.0.1' }]),
      await x509.AuthorityKeyIdentifierExtension.create(caCert),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { certPem: derToPem(Buffer.from(cert.rawData)), keyPem: await pemKey(keys.privateKey) };
}

/** Whether the server certificate still serves these names at this time (else it is made again from the CA). */
export function serverCertificateCovers(certPem: string, hosts: readonly string[], at: Date): boolean {
  const cert = new X509Certificate(certPem);
  if (new Date(cert.validTo) <= at) return false;
  const san = cert.subjectAltName ?? '';
  return ['localhost', ...hosts].every((h) => san.includes(`DNS:${h.toLowerCase()}`));
}

/**
 * Why the CA must be made anew, if it must: it has expired (or would before a new server certificate), it has no
 * Name Constraints (made by an earlier version, it could sign for any site), or it may not sign one of the names.
 */
export function caNeedsRenewal(caPem: string, hosts: readonly string[], at: Date): string | undefined {
  const ca = new x509.X509Certificate(caPem);
  if (ca.notAfter.getTime() - at.getTime() < 30 * 86400_000) return `it expires on ${ca.notAfter.toISOString().slice(0, 10)}`;
  const ext = ca.getExtension(id_ce_nameConstraints);
  if (!ext) return 'it has no Name Constraints: it could sign a certificate for any site';
  const permitted = AsnConvert.parse(ext.value, NameConstraints).permittedSubtrees ?? [];
  const dns = new Set(permitted.flatMap((s) => (s.base.dNSName ? [s.base.dNSName.toLowerCase()] : [])));
  const missing = hosts.map((h) => h.toLowerCase()).filter((h) => !dns.has(h) && ![...dns].some((d) => h.endsWith(`.${d}`)));
  return missing.length ? `it may not sign for ${missing.join(', ')}` : undefined;
}

/** The SHA-256 of a certificate's public key, base64: what Chromium's --ignore-certificate-errors-spki-list takes. */
export function spkiSha256(certPem: string): string {
  const key = new X509Certificate(certPem).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(key).digest('base64');
}
