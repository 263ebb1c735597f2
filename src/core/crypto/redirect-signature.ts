import { createSign, createVerify } from 'node:crypto';
import { privateKeyObject, publicKeyObject } from './key-objects';

/** SigAlg URIs of the HTTP-Redirect binding and the Node hash names behind them. */
export const REDIRECT_SIG_ALGS: Readonly<Record<string, string>> = {
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256': 'RSA-SHA256',
  'http://www.w3.org/2000/09/xmldsig#rsa-sha1': 'RSA-SHA1',
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512': 'RSA-SHA512',
};

type MessageParam = 'SAMLRequest' | 'SAMLResponse';

/** The octets a Redirect signature covers, in the order the binding fixes, from the query as it was sent. */
export function redirectSignedOctets(rawQuery: string, param: MessageParam): string | undefined {
  const raw = new Map<string, string>();
  for (const part of rawQuery.replace(/^\?/, '').split('&')) {
    const eq = part.indexOf('=');
    if (eq > 0) raw.set(part.slice(0, eq), part);
  }
  const message = raw.get(param);
  const sigAlg = raw.get('SigAlg');
  if (!message || !sigAlg) return undefined;
  return [message, raw.get('RelayState'), sigAlg].filter((p): p is string => p !== undefined).join('&');
}

/** Builds a signed Redirect query: message, RelayState and SigAlg, then Signature over exactly those bytes. */
export function signRedirectQuery(
  param: MessageParam,
  encodedMessage: string,
  relayState: string | undefined,
  privateKeyPem: string,
  sigAlg = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
): string {
  const parts = [`${param}=${encodeURIComponent(encodedMessage)}`];
  if (relayState !== undefined) parts.push(`RelayState=${encodeURIComponent(relayState)}`);
  parts.push(`SigAlg=${encodeURIComponent(sigAlg)}`);
  const octets = parts.join('&');
  const signature = createSign(REDIRECT_SIG_ALGS[sigAlg] ?? 'RSA-SHA256')
    .update(octets)
    .sign(privateKeyObject(privateKeyPem), 'base64');
  return `${octets}&Signature=${encodeURIComponent(signature)}`;
}

export type RedirectSignatureCheck = { status: 'unsigned' } | { status: 'valid'; certificateIndex: number; sigAlg: string } | { status: 'invalid'; reason: string };

export function verifyRedirectSignature(rawQuery: string, param: MessageParam, certificatesPem: readonly string[]): RedirectSignatureCheck {
  const params = new URLSearchParams(rawQuery);
  const signature = params.get('Signature');
  const sigAlg = params.get('SigAlg');
  if (!signature) return { status: 'unsigned' };
  if (!sigAlg || !REDIRECT_SIG_ALGS[sigAlg]) return { status: 'invalid', reason: `unsupported SigAlg ${sigAlg ?? '(missing)'}` };
  const octets = redirectSignedOctets(rawQuery, param);
  if (!octets) return { status: 'invalid', reason: 'SigAlg or the message parameter is missing' };
  for (const [i, pem] of certificatesPem.entries()) {
    try {
      if (createVerify(REDIRECT_SIG_ALGS[sigAlg]!).update(octets).verify(publicKeyObject(pem), signature, 'base64')) {
        return { status: 'valid', certificateIndex: i, sigAlg };
      }
    } catch {
      // A certificate that cannot be read verifies nothing; try the next.
    }
  }
  return { status: 'invalid', reason: 'no trusted certificate verifies the signature' };
}
