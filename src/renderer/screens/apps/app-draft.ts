import type { AppBasics } from '../../../shared/api';
import type { AppView } from '../../../shared/views';

/** The editable part of an app: everything but certificates and derived URLs. */
export function toBasics(app: AppView): AppBasics {
  return {
    objectId: app.objectId,
    displayName: app.displayName,
    enabled: app.enabled,
    assignmentRequired: app.assignmentRequired,
    assignments: app.assignments,
    saml: app.saml,
    claims: app.claims,
    signing: { option: app.signing.option, algorithm: app.signing.algorithm },
    tokenLifetimeMinutes: app.tokenLifetimeMinutes,
    requestVerification: app.requestVerification,
    ...(app.appRoles ? { appRoles: app.appRoles } : {}),
  };
}
