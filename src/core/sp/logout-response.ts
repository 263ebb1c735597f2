import { verifyRedirectSignature } from '../crypto/redirect-signature';
import { decodeRedirectMessage } from '../xml/codec';
import { attr } from '../xml/dom';
import { NS, STATUS } from '../xml/namespaces';
import { parseXml } from '../xml/parse';
import { readStatus } from './response-structure';

export type LogoutResult = { ok: true; inResponseTo: string } | { ok: false; reason: string };

/** The SP's check of the IdP's LogoutResponse over HTTP-Redirect: decodes, is signed by the IdP, says Success. */
export function checkLogoutResponse(rawQuery: string, trustedPems: readonly string[], outstanding: (id: string) => boolean): LogoutResult {
  const params = new URLSearchParams(rawQuery);
  const value = params.get('SAMLResponse');
  if (!value) return { ok: false, reason: 'no SAMLResponse in the query' };
  const decoded = decodeRedirectMessage(value);
  if (!decoded.ok) return { ok: false, reason: decoded.error.message };
  const parsed = parseXml(decoded.value);
  if (!parsed.ok) return { ok: false, reason: parsed.error.message };
  const root = parsed.value.documentElement;
  if (root.namespaceURI !== NS.samlp || root.localName !== 'LogoutResponse') return { ok: false, reason: `a <${root.localName}>, not a LogoutResponse` };
  const sig = verifyRedirectSignature(rawQuery, 'SAMLResponse', trustedPems);
  if (sig.status !== 'valid') return { ok: false, reason: sig.status === 'unsigned' ? 'the LogoutResponse is not signed' : `its signature does not verify: ${sig.reason}` };
  const status = readStatus(root);
  if (status?.code !== STATUS.success) return { ok: false, reason: `the IdP answered ${status?.code ?? 'no status'}` };
  const inResponseTo = attr(root, 'InResponseTo');
  if (!inResponseTo || !outstanding(inResponseTo)) return { ok: false, reason: `InResponseTo "${inResponseTo ?? ''}" answers no LogoutRequest of this SP` };
  return { ok: true, inResponseTo };
}
