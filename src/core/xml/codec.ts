import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { CoreError, err, ok, type Result } from '../base/errors';
import { LIMITS } from './limits';

export class CodecError extends CoreError {
  constructor(code: 'BASE64_INVALID' | 'BASE64_TOO_LARGE' | 'INFLATE_FAILED' | 'INFLATE_TOO_LARGE' | 'NOT_UTF8', message: string) {
    super(code, message);
  }
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Decodes base64 as SAML bindings carry it: whitespace (line breaks from some IdPs) is ignored, nothing else is. */
export function decodeBase64(input: string): Result<Buffer, CodecError> {
  if (input.length > LIMITS.maxBase64Chars) {
    return err(new CodecError('BASE64_TOO_LARGE', `The base64 value is ${input.length} characters; the limit is ${LIMITS.maxBase64Chars}.`));
  }
  const compact = input.replace(/\s+/g, '');
  // URL-safe alphabet shows up when a message was copied out of a URL by hand.
  const normal = compact.replace(/-/g, '+').replace(/_/g, '/');
  if (normal.length === 0 || !BASE64.test(normal) || normal.length % 4 === 1) {
    const bad = normal.search(/[^A-Za-z0-9+/=]/);
    const where = bad >= 0 ? ` (unexpected "${normal[bad]}" at position ${bad})` : '';
    return err(new CodecError('BASE64_INVALID', `The value is not valid base64${where}.`));
  }
  return ok(Buffer.from(normal, 'base64'));
}

export function encodeBase64(data: string | Buffer): string {
  return Buffer.from(data).toString('base64');
}

export function utf8(buf: Buffer): Result<string, CodecError> {
  try {
    return ok(new TextDecoder('utf-8', { fatal: true }).decode(buf));
  } catch {
    return err(new CodecError('NOT_UTF8', 'The decoded bytes are not UTF-8 text.'));
  }
}

export function inflateRaw(data: Buffer): Result<Buffer, CodecError> {
  try {
    return ok(inflateRawSync(data, { maxOutputLength: LIMITS.maxInflatedBytes }));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') {
      return err(new CodecError('INFLATE_TOO_LARGE', `The message inflates past ${LIMITS.maxInflatedBytes} bytes.`));
    }
    return err(new CodecError('INFLATE_FAILED', 'The value is not DEFLATE-compressed as the HTTP-Redirect binding requires.'));
  }
}

export function deflateRaw(xml: string): Buffer {
  return deflateRawSync(Buffer.from(xml, 'utf8'));
}

/** HTTP-Redirect binding: base64(DEFLATE(xml)), URL-encoded by the caller's URLSearchParams. */
export function encodeRedirectMessage(xml: string): string {
  return deflateRaw(xml).toString('base64');
}

export function decodeRedirectMessage(value: string): Result<string, CodecError> {
  const bytes = decodeBase64(value);
  if (!bytes.ok) return bytes;
  const inflated = inflateRaw(bytes.value);
  if (!inflated.ok) return inflated;
  return utf8(inflated.value);
}

/** HTTP-POST binding: plain base64(xml). */
export function encodePostMessage(xml: string): string {
  return encodeBase64(xml);
}

export function decodePostMessage(value: string): Result<string, CodecError> {
  const bytes = decodeBase64(value);
  if (!bytes.ok) return bytes;
  return utf8(bytes.value);
}

/**
 * Decodes a message whatever binding it came from: tries raw XML, then POST (base64), then Redirect (DEFLATE).
 * Support engineers paste all three forms.
 */
export function decodeAnyMessage(value: string): Result<{ xml: string; encoding: 'xml' | 'base64' | 'deflate' }, CodecError> {
  const trimmed = value.trim();
  if (trimmed.startsWith('<')) return ok({ xml: trimmed, encoding: 'xml' });
  const bytes = decodeBase64(trimmed);
  if (!bytes.ok) return bytes;
  const asText = utf8(bytes.value);
  if (asText.ok && asText.value.trimStart().startsWith('<')) return ok({ xml: asText.value, encoding: 'base64' });
  const inflated = inflateRaw(bytes.value);
  if (!inflated.ok) return inflated;
  const text = utf8(inflated.value);
  if (!text.ok) return text;
  return ok({ xml: text.value, encoding: 'deflate' });
}
