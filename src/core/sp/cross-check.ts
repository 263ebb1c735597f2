import { SAML, ValidateInResponseTo } from '@node-saml/node-saml';
import type { ReportBuilder } from './report';
import type { ValidationContext } from './validation-context';

/** node-saml compares times with the real clock; a report made "as of" another time cannot be compared. */
const COMPARABLE_MS = 60_000;

/**
 * @node-saml/node-saml's own verdict on the same response, with the same trust and policy. It is shown beside
 * the harness's checks — where they disagree is itself a finding — but does not decide the verdict.
 */
export async function crossCheckWithNodeSaml(samlResponse: string, r: ReportBuilder, ctx: ValidationContext): Promise<void> {
  if (!ctx.policy.crossCheck) return r.info('crossCheck.nodeSaml', 'skipped', 'turned off for this SP');
  if (Math.abs(ctx.now.getTime() - Date.now()) > COMPARABLE_MS) {
    return r.info('crossCheck.nodeSaml', 'skipped', 'node-saml checks times against the real clock, and this report is evaluated at another time');
  }
  const saml = new SAML({
    callbackUrl: ctx.sp.acsUrl,
    issuer: ctx.sp.entityId,
    audience: ctx.sp.entityId,
    idpCert: [...ctx.idp.certificates],
    wantAssertionsSigned: ctx.policy.wantAssertionsSigned,
    wantAuthnResponseSigned: ctx.policy.wantResponseSigned,
    acceptedClockSkewMs: ctx.policy.clockSkewSeconds * 1000,
    validateInResponseTo: ValidateInResponseTo.never,
    ...(ctx.idp.entityId ? { idpIssuer: ctx.idp.entityId } : {}),
    ...(ctx.sp.encryption ? { decryptionPvk: ctx.sp.encryption.privateKeyPem } : {}),
  });
  try {
    const { profile } = await saml.validatePostResponseAsync({ SAMLResponse: samlResponse });
    r.info('crossCheck.nodeSaml', 'pass', `accepted${profile?.nameID ? ` (NameID ${profile.nameID})` : ''}`);
  } catch (e) {
    r.info('crossCheck.nodeSaml', 'fail', `refused: ${e instanceof Error ? e.message : String(e)}`);
  }
}
