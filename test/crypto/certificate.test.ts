import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { describeCertificate } from '../../src/core/crypto/certificate';
import { certificateSerial, generateSelfSignedCertificate, ENTRA_CERT_SUBJECT } from '../../src/core/crypto/generate';
import { pemToBase64 } from '../../src/core/crypto/pem';
import { createEnterpriseApp } from '../../src/core/idp/app-defaults';
import { createAppCertificate, signingCertificate } from '../../src/core/idp/app-certificates';

describe('SAML signing certificates', () => {
  it("are RSA-2048, self-signed, valid three years, named as Entra names them, with the portal's SHA-1 thumbprint", async () => {
    const now = new Date('2026-03-01T10:20:30Z');
    const cert = await generateSelfSignedCertificate({ now });
    const info = describeCertificate(cert.certificatePem);
    if (!info.ok) throw info.error;
    expect(info.value).toMatchObject({
      subject: ENTRA_CERT_SUBJECT,
      issuer: ENTRA_CERT_SUBJECT,
      keyType: 'rsa',
      keyBits: 2048,
      notBefore: '2026-03-01T10:20:30.000Z',
      notAfter: '2029-03-01T10:20:30.000Z',
    });
    const der = Buffer.from(pemToBase64(cert.certificatePem), 'base64');
    expect(cert.thumbprint).toBe(createHash('sha1').update(der).digest('hex').toUpperCase());
    expect(cert.thumbprint).toMatch(/^[0-9A-F]{40}$/);
  });

  it('read as PEM, bare base64 or raw DER, and refuse a key or garbage with the reason', async () => {
    const cert = await generateSelfSignedCertificate({ now: new Date() });
    const b64 = pemToBase64(cert.certificatePem);
    expect(describeCertificate(b64)).toMatchObject({ ok: true, value: { form: 'base64', thumbprint: cert.thumbprint } });
    expect(describeCertificate(Buffer.from(b64, 'base64'))).toMatchObject({ ok: true, value: { form: 'der', thumbprint: cert.thumbprint } });
    expect(describeCertificate(cert.privateKeyPem)).toMatchObject({ ok: false, error: { code: 'CERT_WRONG_PEM' } });
    expect(describeCertificate('hello world!')).toMatchObject({ ok: false, error: { code: 'CERT_NOT_BASE64' } });
    expect(describeCertificate('aGVsbG8=')).toMatchObject({ ok: false, error: { code: 'CERT_UNREADABLE' } });
  });

  it('the active certificate signs; an expired active one gives way to a valid inactive one', async () => {
    const now = new Date();
    const app = await createEnterpriseApp({ displayName: 'x' }, now);
    const active = app.signing.certificates[0]!;
    expect(signingCertificate(app, now)).toEqual({ ok: true, value: active });
    const spare = await createAppCertificate(now);
    app.signing.certificates.push(spare);
    const fourYearsOn = new Date(now.getTime() + 4 * 365 * 86400_000);
    expect(signingCertificate(app, fourYearsOn)).toMatchObject({ ok: false, error: { code: 50146 } });
    const expired = await createAppCertificate(new Date(now.getTime() - 4 * 365 * 86400_000), { active: true });
    app.signing.certificates = [expired, spare];
    expect(signingCertificate(app, now)).toEqual({ ok: true, value: spare });
  });
});

describe('app certificate serial numbers', () => {
  it('are positive DER INTEGERs in their shortest form, every time (a leading zero byte is refused by strict parsers)', () => {
    for (let i = 0; i < 20_000; i++) {
      const s = certificateSerial();
      expect(s).toHaveLength(16);
      expect(s[0]! >= 0x40 && s[0]! < 0x80, s.toString('hex')).toBe(true);
    }
  });
});
