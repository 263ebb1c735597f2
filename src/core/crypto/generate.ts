import 'reflect-metadata';
import { webcrypto, randomBytes } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { derToPem } from './pem';
import { sha1Thumbprint } from './certificate';
import { AsnConvert } from '@peculiar/asn1-schema';
import { AlgorithmIdentifier, Certificate, Name, SubjectPublicKeyInfo, TBSCertificate, Validity, Version } from '@peculiar/asn1-x509';

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
const SHA256_WITH_RSA = new AlgorithmIdentifier({ algorithm: '1.2.840.113549.1.1.11', parameters: new Uint8Array([0x05, 0x00]).buffer });

/**
 * Entra's per-app certificates are bare v3: the TBSCertificate has no extensions field at all (read off the real
 * ones). A generator given an empty list still writes an empty [3] SEQUENCE, which RFC 5280 forbids and strict
 * parsers refuse, so the certificate is assembled here, field by field, and signed with the key.
 */
/**
 * 16 random bytes as a positive INTEGER in its shortest form: the top byte neither 0 (a leading zero is
 * non-minimal DER, which strict parsers refuse) nor 0x80 or above (a negative number).
 */
export function certificateSerial(): Buffer {
  const serial = randomBytes(16);
  serial[0] = (serial[0]! & 0x3f) | 0x40;
  return serial;
}

async function bareV3Certificate(keys: CryptoKeyPair, subject: string, notBefore: Date, notAfter: Date): Promise<Buffer> {
  const serial = certificateSerial();
  const name = AsnConvert.parse(new x509.Name(subject).toArrayBuffer(), Name);
  const tbs = new TBSCertificate({
    version: Version.v3,
    serialNumber: new Uint8Array(serial).buffer,
    signature: SHA256_WITH_RSA,
    issuer: name,
    validity: new Validity({ notBefore, notAfter }),
    subject: name,
    subjectPublicKeyInfo: AsnConvert.parse(await webcrypto.subtle.exportKey('spki', keys.publicKey), SubjectPublicKeyInfo),
  });
  const signature = await webcrypto.subtle.sign(RSA_SHA256.name, keys.privateKey, AsnConvert.serialize(tbs));
  return Buffer.from(AsnConvert.serialize(new Certificate({ tbsCertificate: tbs, signatureAlgorithm: SHA256_WITH_RSA, signatureValue: signature })));
}

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
  const der = await bareV3Certificate(keys, opts.subject ?? ENTRA_CERT_SUBJECT, notBefore, notAfter);
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
  return {
    certificatePem: derToPem(der),
    privateKeyPem: derToPem(pkcs8, 'PRIVATE KEY'),
    thumbprint: sha1Thumbprint(der),
    notBefore: notBefore.toISOString(),
    notAfter: notAfter.toISOString(),
  };
}
