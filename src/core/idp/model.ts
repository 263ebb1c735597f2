import { z } from 'zod';
import { WebUrl } from '../http/web-url-schema';
import { USER_ATTRIBUTES } from './user-properties';

/**
 * The mock tenant's data model. Zod schemas are the single source for both the types and the validation of
 * workspace files and IPC arguments.
 */

export { USER_ATTRIBUTES };
export const UserAttribute = z.enum(USER_ATTRIBUTES);
export type UserAttribute = z.infer<typeof UserAttribute>;

/** Every `user.*` a claim can take its value from. */
export type SourceAttribute = `user.${UserAttribute}` | 'user.objectid' | 'user.groups' | 'user.assignedroles';
export const SOURCE_ATTRIBUTES = [...USER_ATTRIBUTES.map((a) => `user.${a}` as const), 'user.objectid', 'user.groups', 'user.assignedroles'] as unknown as readonly [
  SourceAttribute,
  ...SourceAttribute[],
];
export const SourceAttribute = z.enum(SOURCE_ATTRIBUTES);

const Guid = z.uuid();

export const User = z.object({
  objectid: Guid,
  attributes: z
    .object({ userprincipalname: z.string().min(3), displayname: z.string() })
    .extend(
      Object.fromEntries(USER_ATTRIBUTES.filter((a) => a !== 'userprincipalname' && a !== 'displayname').map((a) => [a, z.string().optional()])) as Record<
        Exclude<UserAttribute, 'userprincipalname' | 'displayname'>,
        z.ZodOptional<z.ZodString>
      >,
    ),
  userType: z.enum(['Member', 'Guest']).default('Member'),
  accountEnabled: z.boolean().default(true),
  /** How the user authenticates to Entra; it shows in authnmethodsreferences and decides AuthnContext matches. */
  authMethod: z.enum(['password', 'mfa', 'x509']).default('password'),
  /** The Conditional Access outcome this user meets, to reproduce AADSTS53003 and AADSTS50076. */
  conditionalAccess: z.enum(['none', 'block', 'require-mfa']).default('none'),
  /**
   * For a guest: where their account lives, which Entra puts in the identityprovider claim — another Entra
   * tenant (https://sts.windows.net/{home}/), a Microsoft account (live.com), or email one-time passcode (mail).
   */
  guest: z.object({ source: z.enum(['entra-tenant', 'microsoft-account', 'email-one-time-passcode']), homeTenantId: z.uuid().optional() }).optional(),
  /** Directory roles the user holds, by role template ID (Global Administrator: 62e90394-…), for the group claim's "Directory roles". */
  directoryRoles: z.array(Guid).optional(),
});
export type User = z.infer<typeof User>;

export const Group = z.object({
  objectid: Guid,
  displayname: z.string().min(1),
  onpremisessamaccountname: z.string().optional(),
  /** Set for groups synced from on-premises AD: the group claim's "sAMAccountName"/"On premises group security identifier" use it. */
  onpremisessecurityidentifier: z.string().optional(),
  securityEnabled: z.boolean().default(true),
  /** Object IDs of member users and nested groups. */
  members: z.array(Guid).default([]),
});
export type Group = z.infer<typeof Group>;

export const Tenant = z.object({
  id: Guid,
  displayName: z.string().min(1),
  /** The tenant's verified domains; the first is the initial `*.onmicrosoft.com` one. */
  domains: z.array(z.string().min(3)).min(1),
  /** Set when the directory is synced from on-premises AD; used by the qualified sAMAccountName group formats. */
  onPremises: z.object({ netbiosName: z.string(), dnsDomain: z.string() }).optional(),
  users: z.array(User),
  groups: z.array(Group),
  /**
   * How SAML token lifetimes are written. '2022', today's Entra (the 2022 real response): the bearer
   * confirmation ends with the Conditions, NotBefore + 65 min. '2018', the older form: the bearer ends 5 min
   * after issue while the Conditions run to NotBefore + 1 h.
   */
  tokenTiming: z.enum(['2022', '2018']).default('2022'),
  /**
   * The Issuer of LogoutResponses: 'login-host', https://login.microsoftonline.com/{tenant}/ as Microsoft's single
   * sign-out page documents (not the entity ID SPs hold), or 'entity-id', https://sts.windows.net/{tenant}/.
   */
  logoutIssuer: z.enum(['login-host', 'entity-id']).default('login-host'),
  /**
   * The tenant-wide keys (CN=accounts.accesscontrol.windows.net) that sign the tenant's own metadata, published
   * there; SAML apps never sign with them. Made on first use.
   */
  signingKeys: z.array(z.lazy(() => AppCertificate)).default([]),
});
export type Tenant = z.infer<typeof Tenant>;

// ---- Claims -------------------------------------------------------------------------------------------

export const Operand = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('attribute'), attribute: SourceAttribute }),
  z.object({ kind: z.literal('constant'), value: z.string() }),
  /** The output of the previous transformation (only in the second one). */
  z.object({ kind: z.literal('previous') }),
]);
export type Operand = z.infer<typeof Operand>;

const single = { input: Operand };
export const Transformation = z.discriminatedUnion('fn', [
  z.object({ fn: z.literal('Join'), input: Operand, input2: Operand, separator: z.string() }),
  z.object({ fn: z.literal('ExtractMailPrefix'), ...single }),
  z.object({ fn: z.literal('ToLowercase'), ...single }),
  z.object({ fn: z.literal('ToUppercase'), ...single }),
  z.object({ fn: z.literal('Contains'), ...single, value: z.string(), output: Operand, elseOutput: Operand.optional() }),
  z.object({ fn: z.literal('StartWith'), ...single, value: z.string(), output: Operand, elseOutput: Operand.optional() }),
  z.object({ fn: z.literal('EndWith'), ...single, value: z.string(), output: Operand, elseOutput: Operand.optional() }),
  z.object({ fn: z.literal('ExtractAfter'), ...single, value: z.string() }),
  z.object({ fn: z.literal('ExtractBefore'), ...single, value: z.string() }),
  z.object({ fn: z.literal('ExtractBetween'), ...single, value: z.string(), value2: z.string() }),
  z.object({ fn: z.literal('ExtractAlpha'), ...single, mode: z.enum(['prefix', 'suffix']) }),
  z.object({ fn: z.literal('ExtractNumeric'), ...single, mode: z.enum(['prefix', 'suffix']) }),
  z.object({ fn: z.literal('IfEmpty'), ...single, output: Operand, elseOutput: Operand.optional() }),
  z.object({ fn: z.literal('IfNotEmpty'), ...single, output: Operand, elseOutput: Operand.optional() }),
  z.object({ fn: z.literal('Substring'), ...single, start: z.int().min(0), length: z.int().min(0) }),
  z.object({
    fn: z.literal('RegexReplace'),
    ...single,
    pattern: z.string(),
    replacement: z.string(),
    /** Named extra inputs usable as {name} in the replacement; Entra allows up to five. */
    extraInputs: z
      .array(z.object({ name: z.string().regex(/^\w+$/), operand: Operand }))
      .max(5)
      .default([]),
    noMatchOutput: Operand.optional(),
  }),
]);
export type Transformation = z.infer<typeof Transformation>;
export type TransformationName = Transformation['fn'];

export const ClaimSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('attribute'), attribute: SourceAttribute }),
  z.object({ kind: z.literal('constant'), value: z.string() }),
  z.object({
    kind: z.literal('transformation'),
    /** Entra chains at most two. */
    steps: z.array(Transformation).min(1).max(2),
    treatAsMultiValued: z.boolean().default(false),
  }),
]);
export type ClaimSource = z.infer<typeof ClaimSource>;

/** "Claim conditions": a value for users of a type (and, optionally, in one of some groups). */
export const ClaimCondition = z.object({
  /** Entra's "User type": All users, Members, All guests, Microsoft Entra guests, External guests. */
  userType: z.enum(['any', 'members', 'all-guests', 'entra-guests', 'external-guests']),
  /** "Scoped Groups": the user must be in one of them (directly or through nesting); empty: no group condition. */
  scopedGroups: z.array(Guid).default([]),
  source: ClaimSource,
});
export type ClaimCondition = z.infer<typeof ClaimCondition>;

export const ClaimRule = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  namespace: z.string().optional(),
  /** Advanced option "Include attribute name format". */
  nameFormat: z.enum(['uri', 'basic', 'unspecified']).optional(),
  source: ClaimSource,
  conditions: z.array(ClaimCondition).optional(),
});
export type ClaimRule = z.infer<typeof ClaimRule>;

export const NameIdFormatChoice = z.enum(['default', 'emailAddress', 'persistent', 'unspecified', 'windowsDomainQualifiedName', 'transient']);
export type NameIdFormatChoice = z.infer<typeof NameIdFormatChoice>;

export const GroupClaim = z.object({
  /** "Security groups", "Directory roles", "All groups" (which includes directory roles), "Groups assigned to the application". */
  which: z.enum(['all', 'security', 'directoryRoles', 'applicationGroups']),
  sourceAttribute: z.enum(['objectid', 'samaccountname', 'netbiosDomainQualified', 'dnsDomainQualified', 'cloudDisplayName', 'onPremisesSid']).default('objectid'),
  /** "Filter groups": only groups whose name starts with, or contains, the value (Entra matches the display name). */
  filter: z.object({ match: z.enum(['prefix', 'contains']), value: z.string().min(1) }).optional(),
  /** "Customize the name of the group claim". */
  name: z.string().optional(),
  namespace: z.string().optional(),
  emitAsRoles: z.boolean().default(false),
});
export type GroupClaim = z.infer<typeof GroupClaim>;

export const ClaimsConfig = z.object({
  nameId: z.object({ source: ClaimSource, format: NameIdFormatChoice }),
  attributes: z.array(ClaimRule),
  groups: GroupClaim.optional(),
  /** "Advanced SAML claims options". */
  advanced: z.object({ appendApplicationIdToIssuer: z.boolean().default(false), audienceOverride: z.string().min(1).optional() }).optional(),
});
export type ClaimsConfig = z.infer<typeof ClaimsConfig>;

// ---- Enterprise app -----------------------------------------------------------------------------------

export const AppCertificate = z.object({
  thumbprint: z.string().regex(/^[0-9A-F]{40}$/),
  certificatePem: z.string(),
  privateKeyPem: z.string(),
  notBefore: z.iso.datetime(),
  notAfter: z.iso.datetime(),
  active: z.boolean(),
});
export type AppCertificate = z.infer<typeof AppCertificate>;

export const AppRole = z.object({
  id: Guid,
  displayName: z.string().min(1),
  /** What the role claim carries. */
  value: z.string().min(1).regex(/^\S+$/, 'no spaces'),
  description: z.string().default(''),
  /** "Allowed member types": users and groups (what a SAML app uses), applications, or both. */
  allowedMemberTypes: z
    .array(z.enum(['User', 'Application']))
    .min(1)
    .default(['User']),
  enabled: z.boolean().default(true),
});
export type AppRole = z.infer<typeof AppRole>;

export const SigningOption = z.enum(['assertion', 'response', 'response-and-assertion']);
export type SigningOption = z.infer<typeof SigningOption>;

export const EnterpriseApp = z.object({
  objectId: Guid,
  appId: Guid,
  displayName: z.string().min(1),
  /** "Enabled for users to sign-in?" */
  enabled: z.boolean().default(true),
  /** "Assignment required?" — on by default, as in Entra. */
  assignmentRequired: z.boolean().default(true),
  /** Assignments to the app, each to one of its app roles or to the default access. */
  assignments: z.array(z.object({ principalId: Guid, principalType: z.enum(['user', 'group']), appRoleId: Guid.optional() })).default([]),
  /** App roles: what the role claim (and user.assignedroles) carries for the users and groups assigned to them. */
  appRoles: z.array(AppRole).optional(),
  saml: z.object({
    identifiers: z.array(z.object({ value: z.string().min(1), isDefault: z.boolean() })),
    replyUrls: z.array(z.object({ url: WebUrl, index: z.int().min(0).optional(), isDefault: z.boolean() })),
    signOnUrl: WebUrl.optional(),
    /** Where the app takes the user after an IdP-initiated sign-in: a URL, as the portal requires. */
    relayState: WebUrl.optional(),
    logoutUrl: WebUrl.optional(),
  }),
  claims: ClaimsConfig,
  signing: z.object({
    option: SigningOption.default('assertion'),
    algorithm: z.enum(['sha256', 'sha1']).default('sha256'),
    certificates: z.array(AppCertificate),
  }),
  /** "Verification certificates (optional)": when required, unsigned AuthnRequests fail with AADSTS76021. */
  requestVerification: z.object({ required: z.boolean(), certificates: z.array(z.string()) }).default({ required: false, certificates: [] }),
  /** Token encryption with the SP's certificate (AES-256, RSA-OAEP), as "Activate token encryption certificate". */
  encryption: z.object({ active: z.boolean(), certificatePem: z.string() }).optional(),
  /** Conditions NotOnOrAfter − IssueInstant; Entra's default token lifetime is one hour. */
  tokenLifetimeMinutes: z.int().min(10).max(1440).default(60),
});
export type EnterpriseApp = z.infer<typeof EnterpriseApp>;
