import 'reflect-metadata';
import { webcrypto, randomBytes, createHash, X509Certificate } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { derToPem } from './pem';

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

/** A certificate authority of this workspace's own, valid ten years: a browser or an SP trusts it once. */
export async function createLocalCa(now: Date): Promise<Pick<TlsMaterial, 'caPem' | 'caKeyPem'>> {
  const notBefore = new Date(now.getTime() - 60_000);
  const keys = (await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as CryptoKeyPair;
  const notAfter = new Date(notBefore);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + 10);
  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: 'CN=SAML Harness local CA, O=SAML Harness',
    notBefore,
    notAfter,
    signingAlgorithm: ALG,
    keys,
    extensions: [new x509.BasicConstraintsExtension(true, 0, true), new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true), await x509.SubjectKeyIdentifierExtension.create(keys.publicKey)],
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
  // Browsers refuse server certificates valid for more than 398 days.
  const notAfter = new Date(notBefore.getTime() + 397 * 86400_000);
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

/** The SHA-256 of a certificate's public key, base64: what Chromium's --ignore-certificate-errors-spki-list takes. */
export function spkiSha256(certPem: string): string {
  const key = new X509Certificate(certPem).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(key).digest('base64');
}
