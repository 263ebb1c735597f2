import 'reflect-metadata';
import { webcrypto, randomBytes } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { derToPem } from './pem';
import { sha1Thumbprint } from './certificate';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

const RSA_SHA256 = {
  name: 'RSASSA-PKCS1-v1_5',
  hash: 'SHA-256',
  publicExponent: new Uint8Array([1, 0, 1]),
  modulusLength: 2048,
} as const;

/** What Entra puts in the subject of the certificates it creates for SAML apps. */
export const ENTRA_CERT_SUBJECT = 'CN=Microsoft Azure Federated SSO Certificate';

export interface GeneratedCertificate {
  certificatePem: string;
  privateKeyPem: string;
  thumbprint: string;
  notBefore: string;
  notAfter: string;
}

/**
 * A self-signed RSA-2048 certificate, as Entra makes for each SAML app: valid three years by default,
 * SHA-256 with RSA. The key is generated here and stays in the workspace.
 */
export async function generateSelfSignedCertificate(opts: {
  now: Date;
  years?: number;
  /** An exact end of validity instead of `years` (the portal lets one pick the date). */
  notAfter?: Date;
  subject?: string;
}): Promise<GeneratedCertificate> {
  const keys = (await webcrypto.subtle.generateKey(RSA_SHA256, true, ['sign', 'verify'])) as CryptoKeyPair;
  const notBefore = new Date(Math.floor(opts.now.getTime() / 1000) * 1000);
  const notAfter = opts.notAfter ? new Date(opts.notAfter) : new Date(notBefore);
  if (!opts.notAfter) notAfter.setUTCFullYear(notAfter.getUTCFullYear() + (opts.years ?? 3));
  const serial = randomBytes(16);
  serial[0] = serial[0]! & 0x7f; // positive INTEGER
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial.toString('hex'),
    name: opts.subject ?? ENTRA_CERT_SUBJECT,
    notBefore,
    notAfter,
    signingAlgorithm: RSA_SHA256,
    keys,
    // Entra's per-app certificates are bare v3: no extensions at all (read off the real ones). With none given,
    // the DER omits the extensions field rather than writing an empty sequence strict parsers refuse.
    extensions: [],
  });
  const der = Buffer.from(cert.rawData);
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
  return {
    certificatePem: derToPem(der),
    privateKeyPem: derToPem(pkcs8, 'PRIVATE KEY'),
    thumbprint: sha1Thumbprint(der),
    notBefore: notBefore.toISOString(),
    notAfter: notAfter.toISOString(),
  };
}
