import type { SafeHtml } from '../http/html';
import type { z } from 'zod';
import type { ClaimsConfig, EnterpriseApp, SigningOption, Tenant, User } from '../idp/model';
import type { SpDirectory } from '../provisioning/directory';
import type { ProvisioningDiff } from '../provisioning/diff';
import type { Identity, IdpTrust, SpPolicy } from '../sp/model';
import type { ValidationReport } from '../sp/report';
import type { Collision } from '../sp/collision';

/** How a vendor takes the IdP's configuration. */
export type IdpConfigMethod = 'metadata-xml' | 'metadata-url' | 'signon-url-and-certificate' | 'sent-to-support';

/** What the admin entered on the vendor's settings page. */
export type IdpConfigInput =
  | { method: 'metadata-xml'; metadataXml: string }
  | { method: 'metadata-url'; metadataUrl: string }
  | { method: 'signon-url-and-certificate'; signOnUrl: string; certificate: string }
  | { method: 'sent-to-support'; metadataXml: string };

/** The vendor's real URLs for given placeholder values ({org}, {subdomain}, …). */
export interface VendorUrls {
  /** Identifier (Entity ID) to enter in Entra: the SP's entity ID. */
  identifier: string;
  /** Reply URL (ACS) to enter in Entra. */
  replyUrl: string;
  /** Sign on URL to enter in Entra, when the guide says to (it makes My Apps start SP-initiated). */
  signOnUrl?: string;
  relayState?: string;
  logoutUrl?: string;
  /** Where a user starts an SP-initiated sign-in at the vendor. */
  spLoginUrl?: string;
  /** The vendor's signed-in landing page. */
  homeUrl: string;
}

export interface AttributeSpec {
  /** The attribute name the vendor reads, exactly (names are case-sensitive unless said otherwise). */
  name: string;
  required: boolean;
  description: string;
  /** Values the vendor accepts, exactly. */
  accepted?: readonly string[];
  caseInsensitiveValues?: boolean;
  multiValued?: boolean;
}

export interface VendorErrorDef {
  code: string;
  /** The vendor's own name or title for it. */
  name: string;
  /** What the vendor shows. */
  text: string;
  httpStatus: number;
  /** How faithful the text is: the vendor's published wording, or modelled where it publishes none. */
  provenance: 'published' | 'modelled';
}

/** An error as the vendor returns it, with the harness's explanation of the fault behind it. */
export interface VendorError {
  code: string;
  name: string;
  message: string;
  httpStatus: number;
  /** Why, in the harness's words: which attribute, which value, which rule. */
  reason: string;
  /** The value sent against the value held, when the refusal comes down to two. */
  collided?: Collision;
}

export interface SetupCheck {
  id: string;
  /** The step of the vendor's guide the check comes from. */
  step: string;
  title: string;
  status: 'pass' | 'fail' | 'skipped';
  reason: string;
}

export interface SetupContext {
  tenant: Tenant;
  app: EnterpriseApp;
  urls: VendorUrls;
  /** The user about to test, for assignment and claim values. */
  user?: User;
  /** What the vendor side holds of the IdP (metadata pasted, certificate, …). */
  idpConfig?: IdpConfigInput;
  /** Trust derived from that configuration, when it could be read. */
  trust?: IdpTrust;
  now: Date;
}

/** The Entra enterprise app as the vendor's guide says to configure it. */
export interface RecommendedApp {
  identifiers: string[];
  replyUrls: string[];
  signOnUrl?: string;
  relayState?: string;
  logoutUrl?: string;
  claims: ClaimsConfig;
  signingOption: SigningOption;
}

export interface SignInContext<S> {
  settings: S;
  directory: SpDirectory;
  identity: Identity;
  report: ValidationReport;
  /** The response answered an AuthnRequest of this SP (SP-initiated) rather than arriving unsolicited. */
  solicited: boolean;
  now: Date;
  faults: ReadonlySet<string>;
}

export type SignInResult = { ok: true; diff?: ProvisioningDiff; details?: Record<string, unknown> } | { ok: false; error: VendorError };

export interface Brand {
  name: string;
  /** Primary colour of the vendor's pages. */
  color: string;
  product: string;
}

/**
 * A vendor as data plus small rule functions. Everything vendor-specific is here; the SP core, sites and
 * flows know nothing of any vendor, so adding one touches neither.
 */
export interface VendorProfile<S> {
  id: string;
  displayName: string;
  brand: Brand;
  /** The vendor's guide in shared/reference/vendor-docs. */
  guide: string;
  /** The same guide's public page, linked from the SP's screen (the desktop app opens only these outside). */
  guideUrl?: string;
  placeholders: Readonly<Record<string, { label: string; example: string }>>;
  urls(params: Readonly<Record<string, string>>): VendorUrls;
  idpConfigMethods: readonly IdpConfigMethod[];
  flows: { spInitiated: boolean; idpInitiated: boolean; logout: boolean };
  /** What the vendor's SAML implementation insists on. */
  policy: Partial<SpPolicy>;
  nameId: { description: string; emailRequired: boolean };
  attributes: readonly AttributeSpec[];
  errors: Readonly<Record<string, VendorErrorDef>>;
  settings: { schema: z.ZodType<S>; defaults(): S };
  /** Each setting's name as the vendor's settings page labels it. */
  settingLabels?: Readonly<Record<string, string>>;
  /** The vendor's settings page can delete the IdP configuration it holds (ImageKit's "Delete": SSO is off). */
  idpConfigDeletable?: boolean;
  /** Faults of the vendor's back end that the harness can switch on, by name. */
  faults?: Readonly<Record<string, string>>;
  recommendedApp(params: Readonly<Record<string, string>>, settings: S): RecommendedApp;
  setupChecks(ctx: SetupContext, settings: S): SetupCheck[];
  /** Vendor-side validation of what the admin entered; an error in the vendor's words. */
  acceptIdpConfig(input: IdpConfigInput): VendorError | undefined;
  /** Before an AuthnRequest is sent from the vendor's login page (e.g. ImageKit refuses unknown users). */
  beforeSignOn?(settings: S, directory: SpDirectory, email: string): VendorError | undefined;
  /** The SAML checks passed: the vendor's rules, provisioning included. */
  signIn(ctx: SignInContext<S>): SignInResult;
  /** The SAML checks failed: the vendor's error for it. */
  samlFailure(report: ValidationReport): VendorError;
  /** A POST to the ACS with no SAMLResponse at all. */
  missingResponse?(): VendorError;
  /** After the admin's IdP configuration was accepted (Hugging Face: the configuration must be tested again). */
  onIdpConfigured?(settings: S): void;
  /** Buttons of the vendor's settings page beyond the IdP configuration ("Enable", "Save role mapping"). */
  actions?: Readonly<Record<string, VendorAction<S>>>;
  /** Whether the vendor takes SAML right now; `configured` says whether it holds an IdP configuration. */
  gate(settings: S, configured: boolean): VendorError | undefined;
  pages: VendorPages;
}

/** A settings-page action: checks its input as the vendor does, changes the settings, or refuses. */
export interface VendorAction<S> {
  label: string;
  /** What the action takes, if anything; validated before it runs. */
  input?: z.ZodType;
  run(settings: S, input: unknown): VendorError | undefined;
}

export interface VendorPages {
  /** The rows of the signed-in page: role, groups, account… */
  signedInFacts(identity: Identity, details: Readonly<Record<string, unknown>> | undefined): Array<[string, string]>;
  /** The vendor's own error body, where it has a recognisable one (Cloudinary's 400 with code and description). */
  errorBody?(error: VendorError | { code: string; message: string }): SafeHtml;
  /** The vendor's SSO login page asks for an email before redirecting to the IdP. */
  signOnIntro?: string;
}
