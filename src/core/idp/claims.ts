import { createHash, randomBytes } from 'node:crypto';
import { CoreError, err, ok, type Result } from '../base/errors';
import { NAMEID_FORMAT } from '../xml/namespaces';
import { aadsts, type AadstsError } from './aadsts';
import { AUTH_METHOD_URI, CLAIM, GROUP_OVERAGE_LIMIT, claimName } from './claim-uris';
import { assignedRoles, directoryRolesForClaim, filterGroups, groupClaimValue, groupsForClaim, transitiveGroups, userAttributeValues } from './directory';
import type { ClaimCondition, ClaimRule, ClaimSource, EnterpriseApp, NameIdFormatChoice, Tenant, User } from './model';
import { evaluateSource, type AttributeResolver } from './transformations';

export interface IssuedAttribute {
  name: string;
  nameFormat?: string;
  values: string[];
}

export interface IssuedClaims {
  nameId: { value: string; format: string };
  attributes: IssuedAttribute[];
}

export interface ClaimContext {
  tenant: Tenant;
  app: EnterpriseApp;
  user: User;
  /** NameIDPolicy Format of the AuthnRequest: honoured over the format chosen on the app. */
  requestedNameIdFormat?: string;
  /**
   * Values that replace the directory's for one flow (the harness's attribute sets), keyed by `user.*`; keys
   * `claim:<name>` set an issued claim itself (see flowOverrides).
   */
  overrides?: Readonly<Record<string, readonly string[]>>;
}

const CLAIM_KEY = 'claim:';

/** An attribute set as one flow's overrides: its source attributes, and its claims under `claim:<name>`. */
export function flowOverrides(set: { values: Readonly<Record<string, readonly string[]>>; claims?: Readonly<Record<string, readonly string[]>> | undefined }): Record<string, readonly string[]> {
  return { ...set.values, ...Object.fromEntries(Object.entries(set.claims ?? {}).map(([name, values]) => [`${CLAIM_KEY}${name}`, values])) };
}

/** Claims an attribute set sets directly: added, or their values replaced; an empty list leaves one out. */
function setClaims(attributes: IssuedAttribute[], overrides: ClaimContext['overrides']): IssuedAttribute[] {
  const direct = Object.entries(overrides ?? {}).filter(([k]) => k.startsWith(CLAIM_KEY));
  if (!direct.length) return attributes;
  const out = attributes.map((a) => ({ ...a }));
  for (const [key, values] of direct) {
    const name = key.slice(CLAIM_KEY.length);
    const same = out.find((a) => a.name === name);
    if (same) same.values = [...values];
    else out.push({ name, values: [...values] });
  }
  return out.filter((a) => a.values.length > 0);
}

const NAME_FORMAT = {
  uri: 'urn:oasis:names:tc:SAML:2.0:attrname-format:uri',
  basic: 'urn:oasis:names:tc:SAML:2.0:attrname-format:basic',
  unspecified: 'urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified',
} as const;

const FORMAT_URN: Record<Exclude<NameIdFormatChoice, 'default'>, string> = {
  emailAddress: NAMEID_FORMAT.emailAddress,
  persistent: NAMEID_FORMAT.persistent,
  unspecified: NAMEID_FORMAT.unspecified,
  windowsDomainQualifiedName: NAMEID_FORMAT.windows,
  transient: NAMEID_FORMAT.transient,
};

export function resolverFor(ctx: ClaimContext): AttributeResolver {
  return (attribute) => ctx.overrides?.[attribute] ?? userAttributeValues(ctx.tenant, ctx.app, ctx.user, attribute);
}

/** "Default" takes the format that goes with the source: email-shaped sources are emailAddress. */
function defaultFormat(source: ClaimSource): string {
  if (source.kind === 'attribute') {
    if (source.attribute === 'user.userprincipalname' || source.attribute === 'user.mail') return NAMEID_FORMAT.emailAddress;
    if (source.attribute === 'user.objectid') return NAMEID_FORMAT.persistent;
  }
  return NAMEID_FORMAT.unspecified;
}

/** Entra's pairwise persistent identifier: stable per user and app, opaque, 43 base64url characters. */
export function pairwiseId(tenantId: string, appId: string, userId: string): string {
  return createHash('sha256').update(`${tenantId}|${appId}|${userId}`).digest('base64url');
}

/**
 * The NameID format, by the precedence Microsoft's claims-customisation page documents: a NameIDPolicy Format in
 * the request is honoured; the format chosen on the app applies when the request names none (or unspecified),
 * and with "Default" Entra takes the source's. A request for persistent on an app left at "Default" gets the
 * pairwise identifier, as the 2018 real response shows. (Until this version the app's chosen format won.)
 */
function nameIdFormat(ctx: ClaimContext): { format: string; pairwise: boolean } {
  const { source, format } = ctx.app.claims.nameId;
  const requested = ctx.requestedNameIdFormat;
  if (requested && requested !== NAMEID_FORMAT.unspecified) return { format: requested, pairwise: requested === NAMEID_FORMAT.persistent && format === 'default' };
  if (format !== 'default') return { format: FORMAT_URN[format], pairwise: false };
  return { format: defaultFormat(source), pairwise: false };
}

function issueNameId(ctx: ClaimContext, resolve: AttributeResolver): Result<IssuedClaims['nameId'], AadstsError> {
  const { source } = ctx.app.claims.nameId;
  const { format: finalFormat, pairwise } = nameIdFormat(ctx);
  if (pairwise) return ok({ value: pairwiseId(ctx.tenant.id, ctx.app.appId, ctx.user.objectid), format: finalFormat });
  if (finalFormat === NAMEID_FORMAT.transient) {
    return ok({ value: `_${randomBytes(20).toString('hex')}`, format: finalFormat });
  }
  const values = evaluateSource(source, resolve);
  if (values.length === 0) {
    if (source.kind === 'transformation') {
      // A transformation that yields nothing makes Entra fall back to the pairwise ID rather than fail.
      return ok({ value: pairwiseId(ctx.tenant.id, ctx.app.appId, ctx.user.objectid), format: NAMEID_FORMAT.persistent });
    }
    const input = source.kind === 'attribute' ? source.attribute : 'constant';
    return err(aadsts(501241, { input }));
  }
  return ok({ value: values[0]!, format: finalFormat });
}

/** The identityprovider claim: the tenant for members; a guest's home (another tenant, live.com, or mail). */
function identityProvider(tenantId: string, user: User): string {
  if (user.userType !== 'Guest') return `https://sts.windows.net/${tenantId}/`;
  switch (user.guest?.source) {
    case 'entra-tenant':
      return user.guest.homeTenantId ? `https://sts.windows.net/${user.guest.homeTenantId}/` : 'https://sts.windows.net/';
    case 'email-one-time-passcode':
      return 'mail';
    default:
      return 'live.com';
  }
}

function alwaysIssued(ctx: ClaimContext): IssuedAttribute[] {
  const { tenant, user } = ctx;
  const methods: string[] = [user.authMethod === 'x509' ? AUTH_METHOD_URI.x509 : AUTH_METHOD_URI.password];
  if (user.authMethod === 'mfa') methods.push(AUTH_METHOD_URI.mfa);
  const idp = identityProvider(tenant.id, user);
  return [
    { name: CLAIM.tenantid, values: [tenant.id] },
    { name: CLAIM.objectidentifier, values: [user.objectid] },
    { name: CLAIM.displayname, values: [user.attributes.displayname] },
    { name: CLAIM.identityprovider, values: [idp] },
    { name: CLAIM.authnmethodsreferences, values: methods },
  ].filter((a) => a.values[0] !== '');
}

function groupClaim(ctx: ClaimContext): IssuedAttribute[] {
  const cfg = ctx.app.claims.groups;
  if (!cfg) return [];
  const groups = filterGroups(groupsForClaim(ctx.tenant, ctx.app, ctx.user, cfg.which), cfg.filter);
  const roles = directoryRolesForClaim(ctx.user, cfg.which);
  if (groups.length + roles.length === 0) return [];
  if (groups.length + roles.length > GROUP_OVERAGE_LIMIT) {
    return [{ name: CLAIM.groupsLink, values: [`https://graph.windows.net/${ctx.tenant.id}/users/${ctx.user.objectid}/getMemberObjects`] }];
  }
  const base = cfg.emitAsRoles ? CLAIM.role : CLAIM.groups;
  const name = cfg.name ? claimName(cfg.name, cfg.namespace) : base;
  return [{ name, values: [...groups.map((g) => groupClaimValue(ctx.tenant, g, cfg.sourceAttribute)), ...roles] }];
}

/** The role claim Entra adds for the app roles a user is assigned: one AttributeValue per role. */
function roleClaim(ctx: ClaimContext): IssuedAttribute[] {
  const roles = assignedRoles(ctx.tenant, ctx.app, ctx.user);
  return roles.length ? [{ name: CLAIM.role, values: roles.map((r) => r.value) }] : [];
}

/** Whether a claim condition's user type and scoped groups take this user. */
function conditionApplies(ctx: ClaimContext, c: ClaimCondition): boolean {
  const { user } = ctx;
  const guest = user.userType === 'Guest';
  const entraGuest = guest && user.guest?.source === 'entra-tenant';
  const typeOk =
    c.userType === 'any' ||
    (c.userType === 'members' && !guest) ||
    (c.userType === 'all-guests' && guest) ||
    (c.userType === 'entra-guests' && entraGuest) ||
    (c.userType === 'external-guests' && guest && !entraGuest);
  if (!typeOk) return false;
  if (!c.scopedGroups?.length) return true;
  const mine = new Set(transitiveGroups(ctx.tenant, user.objectid).map((g) => g.objectid));
  return c.scopedGroups.some((g) => mine.has(g));
}

/**
 * A claim's source, after its conditions: Entra evaluates the conditions whose source is an attribute first,
 * then those whose source is a transformation, each set top to bottom, and the last that matches wins; when
 * none matches, the claim's own source applies (saml-claims-customization, "Emit claims based on conditions").
 */
export function effectiveSource(ctx: ClaimContext, rule: ClaimRule): ClaimSource {
  const conditions = rule.conditions ?? [];
  const ordered = [...conditions.filter((c) => c.source.kind !== 'transformation'), ...conditions.filter((c) => c.source.kind === 'transformation')];
  return ordered.filter((c) => conditionApplies(ctx, c)).at(-1)?.source ?? rule.source;
}

/** Entra sends one Attribute per claim name: app roles and groups emitted as roles share the role claim. */
function mergeSameName(attributes: IssuedAttribute[]): IssuedAttribute[] {
  const out: IssuedAttribute[] = [];
  for (const a of attributes) {
    const same = out.find((o) => o.name === a.name);
    if (same) same.values = [...new Set([...same.values, ...a.values])];
    else out.push({ ...a, values: [...a.values] });
  }
  return out;
}

/**
 * The NameID and attributes Entra would issue for this user and app: the claims Entra always adds, then the
 * configured claims in their order, then the group claim. Claims with no value are left out, as Entra does.
 */
export function issueClaims(ctx: ClaimContext): Result<IssuedClaims, AadstsError> {
  const resolve = resolverFor(ctx);
  try {
    const nameId = issueNameId(ctx, resolve);
    if (!nameId.ok) return nameId;
    const configured: IssuedAttribute[] = ctx.app.claims.attributes.map((rule) => ({
      name: claimName(rule.name, rule.namespace),
      ...(rule.nameFormat ? { nameFormat: NAME_FORMAT[rule.nameFormat] } : {}),
      values: evaluateSource(effectiveSource(ctx, rule), resolve),
    }));
    const attributes = setClaims(mergeSameName([...alwaysIssued(ctx), ...configured, ...roleClaim(ctx), ...groupClaim(ctx)].filter((a) => a.values.length > 0)), ctx.overrides);
    return ok({ nameId: nameId.value, attributes });
  } catch (e) {
    if (e instanceof CoreError && e.code === 'AADSTS501621') return err(aadsts(501621));
    if (e instanceof CoreError && e.code === 'CLAIM_REGEX_INVALID') return err(aadsts(50124, { reason: e.message }));
    throw e;
  }
}
