import { z } from 'zod';
import { WebUrl } from '../../http/web-url-schema';
import type { SourceAttribute } from '../../idp/model';
import { diffUsers } from '../../provisioning/diff';
import { RepeatedAttributes, SpPolicy } from '../../sp/model';
import { attributeViolation, describeViolation, violationCollision } from '../attribute-rules';
import { attrClaim, isEmail } from '../common-claims';
import type { AttributeSpec, SignInContext, SignInResult, VendorProfile } from '../profile';
import * as setup from '../setup-common';
import { modelledError as m, vendorError, withCollision } from '../vendor-errors';
import { keepSignIn, signedInUser } from '../../provisioning/sign-in';

/** A user-defined SP: the integrator models a vendor the harness does not ship. */
export const GenericSpDefinition = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  displayName: z.string().min(1),
  entityId: z.string().min(1),
  acsUrl: WebUrl,
  /** Where users start an SP-initiated sign-in (the SP's own login URL). */
  loginUrl: WebUrl.optional(),
  logoutUrl: WebUrl.optional(),
  relayState: WebUrl.optional(),
  idpConfigMethod: z.enum(['metadata-xml', 'metadata-url', 'signon-url-and-certificate']).default('metadata-xml'),
  flows: z.object({ spInitiated: z.boolean(), idpInitiated: z.boolean(), logout: z.boolean() }).default({ spInitiated: true, idpInitiated: true, logout: true }),
  // A user-defined SP merges repeated Attribute elements unless its definition says otherwise, as most SP libraries do.
  policy: SpPolicy.extend({ repeatedAttributes: RepeatedAttributes.default('merge') })
    .partial()
    .default({ repeatedAttributes: 'merge' }),
  nameIdMustBeEmail: z.boolean().default(false),
  attributes: z
    .array(z.object({ name: z.string().min(1), required: z.boolean(), accepted: z.array(z.string()).optional(), multiValued: z.boolean().optional(), source: z.string().optional() }))
    .default([]),
  provisioning: z.enum(['jit', 'login-only']).default('jit'),
});
export type GenericSpDefinition = z.infer<typeof GenericSpDefinition>;

const Settings = z.object({});
export type GenericSettings = z.infer<typeof Settings>;

const ERRORS = {
  SSO_NOT_CONFIGURED: m('SSO_NOT_CONFIGURED', 'SSO not configured', 'Single sign-on is not configured for this application.', 403),
  SAML_CHECK_FAILED: m('SAML_CHECK_FAILED', 'SAML response refused', 'The SAML response was refused.', 403),
  NAMEID_NOT_EMAIL: m('NAMEID_NOT_EMAIL', 'NameID is not an email', 'The NameID must be an email address.', 400),
  ATTRIBUTE_MISSING: m('ATTRIBUTE_MISSING', 'Missing attribute', 'A required attribute is missing from the SAML response.', 400),
  ATTRIBUTE_NOT_ACCEPTED: m('ATTRIBUTE_NOT_ACCEPTED', 'Attribute value not accepted', 'An attribute has a value this application does not accept.', 400),
  USER_NOT_FOUND: m('USER_NOT_FOUND', 'Unknown user', 'There is no account for this user, and accounts are not created at sign-in.', 403),
} as const;

/** The profile a definition describes; everything vendor-like comes from the definition. */
export function genericProfile(def: GenericSpDefinition): VendorProfile<GenericSettings> {
  const attributes: AttributeSpec[] = def.attributes.map((a) => ({
    name: a.name,
    required: a.required,
    description: a.source ?? '',
    ...(a.accepted ? { accepted: a.accepted } : {}),
    ...(a.multiValued ? { multiValued: true } : {}),
  }));
  const err = (code: keyof typeof ERRORS, reason: string) => vendorError(ERRORS, code, reason);
  const signIn = (ctx: SignInContext<GenericSettings>): SignInResult => {
    const { identity, directory } = ctx;
    if (def.nameIdMustBeEmail && !isEmail(identity.nameId)) return { ok: false, error: err('NAMEID_NOT_EMAIL', `the NameID is "${identity.nameId}"`) };
    const v = attributeViolation(attributes, identity);
    if (v) return { ok: false, error: withCollision(err(v.kind === 'missing' ? 'ATTRIBUTE_MISSING' : 'ATTRIBUTE_NOT_ACCEPTED', describeViolation(v)), violationCollision(v)) };
    const before = directory.byId(identity.nameId);
    if (!before && def.provisioning === 'login-only') return { ok: false, error: err('USER_NOT_FOUND', `${identity.nameId} has no account`) };
    const now = ctx.now.toISOString();
    const fields: Record<string, string | string[]> = {};
    for (const a of attributes) {
      const vs = identity.attributes[a.name] ?? [];
      if (vs.length) fields[a.name] = vs.length === 1 ? vs[0]! : vs;
    }
    const after = signedInUser(before, now, { id: identity.nameId, email: isEmail(identity.nameId) ? identity.nameId : '', fields, groups: [] });
    const diff = diffUsers(before, after);
    keepSignIn(directory, before, after, diff);
    return { ok: true, diff };
  };
  return {
    id: def.id,
    displayName: def.displayName,
    brand: { name: def.displayName, color: '#4b5563', product: 'Generic SAML SP' },
    guide: '(defined in the harness)',
    placeholders: {},
    urls: () => ({
      identifier: def.entityId,
      replyUrl: def.acsUrl,
      homeUrl: new URL('/', def.acsUrl).toString(),
      ...(def.loginUrl ? { spLoginUrl: def.loginUrl } : {}),
      ...(def.logoutUrl ? { logoutUrl: def.logoutUrl } : {}),
      ...(def.relayState ? { relayState: def.relayState } : {}),
    }),
    idpConfigMethods: [def.idpConfigMethod],
    flows: def.flows,
    policy: { ...def.policy, allowIdpInitiated: def.flows.idpInitiated },
    nameId: { description: def.nameIdMustBeEmail ? 'an email address' : 'any', emailRequired: def.nameIdMustBeEmail },
    attributes,
    errors: ERRORS,
    settings: { schema: Settings, defaults: () => ({}) },
    recommendedApp: () => ({
      identifiers: [def.entityId],
      replyUrls: [def.acsUrl],
      ...(def.relayState ? { relayState: def.relayState } : {}),
      ...(def.logoutUrl ? { logoutUrl: def.logoutUrl } : {}),
      signingOption: def.policy.wantResponseSigned ? (def.policy.wantAssertionsSigned === false ? 'response' : 'response-and-assertion') : 'assertion',
      claims: {
        nameId: { source: { kind: 'attribute', attribute: def.nameIdMustBeEmail ? 'user.mail' : 'user.userprincipalname' }, format: def.nameIdMustBeEmail ? 'emailAddress' : 'default' },
        attributes: def.attributes.filter((a) => a.source?.startsWith('user.')).map((a) => attrClaim(a.name, a.source as SourceAttribute)),
      },
    }),
    setupChecks: (ctx) => [
      setup.identifierCheck(ctx, 'Basic SAML Configuration'),
      setup.replyUrlCheck(ctx, 'Basic SAML Configuration'),
      ...attributes.map((a) => setup.claimCheck(ctx, 'Attributes & Claims', a)),
      setup.claimValuesCheck(ctx, 'Attributes & Claims', attributes),
      setup.signingOptionCheck(ctx, 'SAML Certificates', def.policy.wantResponseSigned ? 'response-and-assertion' : 'assertion-signed'),
      setup.assignmentCheck(ctx, 'Users and groups'),
      setup.idpConfigCheck(ctx, 'IdP configuration at the SP'),
    ],
    acceptIdpConfig: () => undefined,
    signIn,
    samlFailure: (report) => err('SAML_CHECK_FAILED', report.failure ? `${report.failure.title}: ${report.failure.reason}` : 'refused'),
    gate: (_s, configured) => (configured ? undefined : err('SSO_NOT_CONFIGURED', 'no IdP configuration was entered')),
    pages: { signedInFacts: (identity) => [['NameID', identity.nameId], ...Object.entries(identity.attributes).map(([k, v]) => [k, v.join(', ')] as [string, string])] },
  };
}
