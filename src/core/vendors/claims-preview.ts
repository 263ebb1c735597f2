import { issueClaims } from '../idp/claims';
import type { EnterpriseApp, Tenant, User } from '../idp/model';
import { attributeViolations, describeViolation } from './attribute-rules';
import type { AttributeSpec } from './profile';

/** One claim as Entra would issue it, with what the vendor accepts for it. */
export interface PreviewedClaim {
  name: string;
  values: string[];
  /** The values the vendor accepts, when it constrains them. */
  accepted?: string[];
  caseInsensitive?: boolean;
}

/** The claims a run would send, read before the run, and what the vendor would refuse in them. */
export interface ClaimsPreview {
  nameId: { value: string; format: string } | undefined;
  claims: PreviewedClaim[];
  /** Why the vendor would refuse these claims, one line each (empty when it would take them). */
  warnings: string[];
  /** Entra would not issue a token at all (a transformation fails): its AADSTS message. */
  entraError?: string;
}

/**
 * What Entra would issue to this user for this app, with an attribute set's values applied as in a run, set
 * against the vendor's attribute rules (required names, accepted values, their case, single values).
 */
export function previewClaims(ctx: { tenant: Tenant; app: EnterpriseApp; user: User; overrides?: Readonly<Record<string, readonly string[]>>; specs: readonly AttributeSpec[] }): ClaimsPreview {
  const issued = issueClaims({ tenant: ctx.tenant, app: ctx.app, user: ctx.user, ...(ctx.overrides ? { overrides: ctx.overrides } : {}) });
  if (!issued.ok) return { nameId: undefined, claims: [], warnings: [], entraError: issued.error.message };
  const specOf = (name: string) => ctx.specs.find((s) => s.name === name);
  const claims = issued.value.attributes.map((a): PreviewedClaim => {
    const spec = specOf(a.name);
    return { name: a.name, values: a.values, ...(spec?.accepted ? { accepted: [...spec.accepted] } : {}), ...(spec?.caseInsensitiveValues ? { caseInsensitive: true } : {}) };
  });
  const identity = { nameId: issued.value.nameId.value, attributes: Object.fromEntries(issued.value.attributes.map((a) => [a.name, a.values])), assertionId: '' };
  return { nameId: issued.value.nameId, claims, warnings: attributeViolations(ctx.specs, identity).map(describeViolation) };
}
