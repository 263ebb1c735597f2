import type { FlowResult } from '../flows/flows';
import { logoutIssuerNote } from '../idp/logout-issuer';
import { idpUrls } from '../idp/urls';

/**
 * A run in which Entra answered a logout with its documented LogoutResponse Issuer (the login host, not the
 * entity ID the SP holds) says so, with the fix for each SP stack: the SP's error page alone would not.
 */
export function withLogoutIssuerNote(result: FlowResult, tenantId: string): FlowResult {
  const loginHostIssuer = idpUrls(tenantId).logoutIssuer;
  const answered = result.hops.flatMap((h) => h.saml).some((m) => m.kind === 'LogoutResponse' && m.issuer === loginHostIssuer);
  const note = answered ? logoutIssuerNote(loginHostIssuer, tenantId) : undefined;
  return note && !result.notes?.includes(note) ? { ...result, notes: [...(result.notes ?? []), note] } : result;
}
