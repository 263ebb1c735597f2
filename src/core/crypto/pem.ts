import { CoreError, err, ok, type Result } from '../base/errors';

const PEM_CERT = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/;

export function derToPem(der: Buffer | Uint8Array, label = 'CERTIFICATE'): string {
  const b64 = Buffer.from(der).toString('base64');
  const lines = b64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

export function base64ToPem(b64: string): string {
  return derToPem(Buffer.from(b64.replace(/\s+/g, ''), 'base64'));
}

/** The base64 body of a certificate, as it sits in <X509Certificate> and in Entra's "Certificate (Base64)" download. */
export function pemToBase64(pem: string): string {
  const m = PEM_CERT.exec(pem);
  return (m ? m[1]! : pem).replace(/\s+/g, '');
}

export type CertificateForm = 'pem' | 'base64' | 'der';

/**
 * Reads a certificate however a user pasted or uploaded it: PEM with BEGIN/END lines, the bare base64 body
 * (as copied out of metadata XML), or raw DER bytes (Entra's "Certificate (Raw)").
 */
export function readCertificateInput(input: string | Uint8Array): Result<{ der: Buffer; form: CertificateForm }> {
  if (typeof input !== 'string') return ok({ der: Buffer.from(input), form: 'der' });
  const text = input.trim();
  if (text === '') return err(new CoreError('CERT_EMPTY', 'No certificate was given.'));
  const m = PEM_CERT.exec(text);
  if (m) return ok({ der: Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64'), form: 'pem' });
  if (text.includes('-----BEGIN')) {
    const label = /-----BEGIN ([A-Z ]+)-----/.exec(text)?.[1] ?? 'unknown';
    return err(new CoreError('CERT_WRONG_PEM', `This is a PEM "${label}" block, not a certificate.`, { label }));
  }
  const compact = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) {
    return err(new CoreError('CERT_NOT_BASE64', 'The certificate is neither PEM nor base64.'));
  }
  return ok({ der: Buffer.from(compact, 'base64'), form: 'base64' });
}
