import { z } from 'zod';
import { ClaimsConfig, EnterpriseApp, Group, SigningOption, User } from '../idp/model';
import { SpDirectoryData } from '../provisioning/directory';
import { GenericSpDefinition } from '../vendors/generic/profile';
import { AttributeSet } from '../workspace/schema';
import { AuthnRequestSpec, LogoutRequestSpec } from './crafted-requests';

export const SCENARIO_FORMAT = 'saml-harness/scenario';
/** The version of the scenario format this build writes; older files are migrated on load, newer ones refused. */
export const SCENARIO_VERSION = 1;

/**
 * The app's signing certificates, as a state rather than keys: a shared scenario carries no private key, and a
 * replay creates certificates valid at the scenario's clock.
 * 'rolled-over': a new certificate became active in Entra after the vendor was given the previous one;
 * 'none': the app's certificates were deleted after the vendor was given one;
 * 'expiring': valid, but only until a minute after the scenario's clock (the portal lets one pick the date).
 */
export const CertificateState = z.enum(['valid', 'expired', 'none', 'rolled-over', 'expiring']);
export type CertificateState = z.infer<typeof CertificateState>;

/** The enterprise app, as configured in Entra. Users and groups in its assignments are the scenario's. */
export const ScenarioApp = z.object({
  displayName: z.string().min(1),
  enabled: z.boolean().default(true),
  assignmentRequired: z.boolean().default(true),
  assignments: EnterpriseApp.shape.assignments,
  saml: EnterpriseApp.shape.saml,
  claims: ClaimsConfig,
  signing: z.object({ option: SigningOption, algorithm: z.enum(['sha256', 'sha1']).default('sha256'), certificate: CertificateState.default('valid') }),
  /** "Verification certificates": require AuthnRequests signed with the SP's key. */
  requireSignedRequests: z.boolean().default(false),
  tokenLifetimeMinutes: z.int().min(10).max(1440).default(60),
});
export type ScenarioApp = z.infer<typeof ScenarioApp>;

/** "app" stands for what this scenario's enterprise app gives at run time (its metadata, Login URL, certificate). */
const FromApp = z.literal('app');
/**
 * Metadata of the wrong kind, made at run time: "other-app" is another enterprise app of the same tenant,
 * "other-tenant" the same app set up in another tenant (each with its own certificate), "tenant" the tenant's
 * own metadata (federationmetadata.xml without ?appid=, listing the tenant-wide keys).
 */
const WrongMetadata = z.enum(['other-app', 'other-tenant', 'tenant']);

/** What the admin entered on the vendor's settings page. */
export const IdpConfigSpec = z.discriminatedUnion('method', [
  z.object({ method: z.literal('metadata-xml'), metadataXml: z.union([FromApp, WrongMetadata, z.string().min(1)]) }),
  z.object({ method: z.literal('metadata-url'), metadataUrl: z.union([FromApp, z.string().min(1)]) }),
  z.object({
    method: z.literal('signon-url-and-certificate'),
    signOnUrl: z.union([FromApp, z.string()]),
    /** "app-without-pem-lines": the certificate's Base64 body without its BEGIN/END lines. */
    certificate: z.union([FromApp, z.literal('app-without-pem-lines'), z.string()]),
  }),
  z.object({ method: z.literal('sent-to-support'), metadataXml: z.union([FromApp, z.string().min(1)]) }),
]);
export type IdpConfigSpec = z.infer<typeof IdpConfigSpec>;

export const ScenarioVendor = z.object({
  /** imagekit, cloudinary, huggingface, imagen, or generic (with its definition). */
  profile: z.string().min(1),
  params: z.record(z.string(), z.string()).default({}),
  definition: GenericSpDefinition.optional(),
  /** The vendor's settings page; checked against the profile's own schema when the scenario runs. */
  settings: z.record(z.string(), z.unknown()).default({}),
  /** null: the vendor holds no IdP configuration. */
  idpConfig: IdpConfigSpec.nullable(),
  /** How far the vendor's server clock runs ahead of Entra's, in seconds (negative: behind). */
  clockAheadSeconds: z.int().min(-86400).max(86400).optional(),
  /** For "sent to support": whether support applied it. */
  supportApplied: z.boolean().default(true),
  directory: SpDirectoryData.default({ users: [], groups: [] }),
  faults: z.array(z.string()).default([]),
  /** Settings-page buttons pressed after the IdP configuration, in order ("enable", "save-role-mapping"). */
  actions: z.array(z.object({ action: z.string().min(1), input: z.unknown().optional() })).default([]),
});
export type ScenarioVendor = z.infer<typeof ScenarioVendor>;

export const ScenarioFlowKind = z.enum(['sp-initiated', 'idp-initiated', 'sp-logout', 'acs-without-response']);
export type ScenarioFlowKind = z.infer<typeof ScenarioFlowKind>;

export const ScenarioFlow = z.object({
  kind: ScenarioFlowKind,
  /** The user's UPN; it must be in the demo tenant or in this scenario's users. */
  user: z.string().optional(),
  /** An attribute set applied to the user for this flow. */
  attributeSet: AttributeSet.pick({ name: true, values: true, claims: true }).optional(),
  relayState: z.string().optional(),
  /** SP-initiated with IsPassive (the SP asks whether a session exists). */
  passive: z.boolean().optional(),
  /** The answer to Entra's MFA prompt, when Conditional Access asks for one (default: approve). */
  mfa: z.enum(['approve', 'deny', 'unavailable']).optional(),
  /** The SP sends this AuthnRequest instead of its own. */
  authnRequest: AuthnRequestSpec.optional(),
  /** The SP sends this LogoutRequest instead of its own. */
  logoutRequest: LogoutRequestSpec.optional(),
});
export type ScenarioFlow = z.infer<typeof ScenarioFlow>;

export const OutcomeSource = z.enum(['entra', 'sp', 'setup', 'network', 'harness']);

export const ScenarioExpectation = z.discriminatedUnion('status', [
  z.object({ status: z.literal('signed-in') }),
  z.object({ status: z.literal('signed-out') }),
  z.object({ status: z.literal('error'), code: z.string().min(1), source: OutcomeSource.optional() }),
]);
export type ScenarioExpectation = z.infer<typeof ScenarioExpectation>;

export const Scenario = z.object({
  format: z.literal(SCENARIO_FORMAT),
  version: z.literal(SCENARIO_VERSION),
  name: z.string().min(1),
  description: z.string().default(''),
  /** The time the scenario runs at (ISO 8601); null: the time it is run. */
  clock: z.iso.datetime({ offset: true }).nullable().default(null),
  /** Users and groups added to (or replacing, by object ID or UPN) the demo tenant's. */
  tenant: z.object({ users: z.array(User).default([]), groups: z.array(Group).default([]) }).default({ users: [], groups: [] }),
  app: ScenarioApp,
  vendor: ScenarioVendor,
  flow: ScenarioFlow,
  expect: ScenarioExpectation,
});
export type Scenario = z.infer<typeof Scenario>;
export type ScenarioInput = z.input<typeof Scenario>;
