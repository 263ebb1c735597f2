import { describe, expect, it } from 'vitest';
import { deflateRawSync } from 'node:zlib';
import { decodeAnyMessage, decodeBase64, decodePostMessage, decodeRedirectMessage, encodePostMessage, encodeRedirectMessage } from '../../src/core/xml/codec';

const XML = '<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_a"/>';

describe('SAML binding codecs', () => {
  it('round-trips the Redirect (DEFLATE + base64) and POST (base64) encodings', () => {
    expect(decodeRedirectMessage(encodeRedirectMessage(XML))).toEqual({ ok: true, value: XML });
    expect(decodePostMessage(encodePostMessage(XML))).toEqual({ ok: true, value: XML });
  });

  it('tolerates line breaks and URL-safe base64, refuses other characters and says where', () => {
    const b64 = encodePostMessage(XML);
    expect(decodePostMessage(b64.replace(/(.{20})/g, '$1\r\n'))).toEqual({ ok: true, value: XML });
    expect(decodeBase64(b64.replace(/\+/g, '-').replace(/\//g, '_')).ok).toBe(true);
    expect(decodeBase64('abc$def')).toMatchObject({ ok: false, error: { code: 'BASE64_INVALID', message: expect.stringContaining('"$" at position 3') as string } });
  });

  it('stops a deflate bomb at the limit instead of inflating it', () => {
    const bomb = deflateRawSync(Buffer.alloc(20 * 1024 * 1024, 0x61)).toString('base64');
    expect(bomb.length).toBeLessThan(100_000);
    expect(decodeRedirectMessage(bomb)).toMatchObject({ ok: false, error: { code: 'INFLATE_TOO_LARGE' } });
  });

  it('says when a Redirect value is not DEFLATE data', () => {
    expect(decodeRedirectMessage(encodePostMessage(XML))).toMatchObject({ ok: false, error: { code: 'INFLATE_FAILED' } });
  });

  it('decodes whatever a support engineer pastes: raw XML, base64, or the Redirect form', () => {
    expect(decodeAnyMessage(`  ${XML}`)).toEqual({ ok: true, value: { xml: XML, encoding: 'xml' } });
    expect(decodeAnyMessage(encodePostMessage(XML))).toEqual({ ok: true, value: { xml: XML, encoding: 'base64' } });
    expect(decodeAnyMessage(encodeRedirectMessage(XML))).toEqual({ ok: true, value: { xml: XML, encoding: 'deflate' } });
  });
});
