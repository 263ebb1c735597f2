/** What the UI sees of the workspace: no private key ever crosses to the renderer. */
import type { ClaimRule, ClaimSource, EnterpriseApp, Group, GroupClaim, Operand, SourceAttribute, Tenant, Transformation, User } from '../core/idp/model';
import type { FlowResult } from '../core/flows/flows';
import type { SpUser } from '../core/provisioning/directory';
import type { ProvisioningDiff } from '../core/provisioning/diff';
import type { ValidationReport, CheckResult } from '../core/sp/report';
import type { Hop } from '../core/flows/user-agent';
import type { SamlMessageView } from '../core/flows/saml-message-view';
import type { AttributeSpec, Brand, IdpConfigInput, IdpConfigMethod, SetupCheck, VendorErrorDef, VendorUrls } from '../core/vendors/profile';
import type { GenericSpDefinition } from '../core/vendors/generic/profile';
import type { AttributeSet } from '../core/workspace/schema';
import type { LoadProblem } from '../core/workspace/store';
import type { Scenario, ScenarioExpectation } from '../core/scenarios/schema';
import type { ScenarioOutcome } from '../core/scenarios/runner';
import type { Collision } from '../core/runs/collisions';
import type { FlowRunView } from '../core/runs/model';
import type { SettingChange } from '../core/runs/settings-diff';

export type { Collision, SettingChange };

export type { Scenario, ScenarioExpectation, ScenarioOutcome };
export type {
  ClaimRule,
  ClaimSource,
  GroupClaim,
  Operand,
  SourceAttribute,
  Transformation,
  Group,
  Tenant,
  User,
  FlowResult,
  AttributeSet,
  LoadProblem,
  SpUser,
  GenericSpDefinition,
  ProvisioningDiff,
  ValidationReport,
  CheckResult,
  Hop,
  SamlMessageView,
};

export interface CertificateView {
  thumbprint: string;
  certificatePem: string;
  notBefore: string;
  notAfter: string;
  active: boolean;
}

export type AppView = Omit<EnterpriseApp, 'signing'> & {
  signing: { option: EnterpriseApp['signing']['option']; algorithm: EnterpriseApp['signing']['algorithm']; certificates: CertificateView[] };
  /** The App Federation Metadata URL and the My Apps user access URL. */
  metadataUrl: string;
  userAccessUrl: string;
  /** The vendor this app is set up for, if any. */
  vendorId?: string;
};

export interface VendorView {
  id: string;
  profile: string;
  displayName: string;
  brand: Brand;
  guide: string;
  guideUrl?: string;
  params: Record<string, string>;
  appObjectId?: string;
  urls: VendorUrls;
  idpConfigMethods: readonly IdpConfigMethod[];
  flows: { spInitiated: boolean; idpInitiated: boolean; logout: boolean };
  attributes: readonly AttributeSpec[];
  errors: VendorErrorDef[];
  faults: Array<{ name: string; description: string; on: boolean }>;
  settings: Record<string, unknown>;
  /** Each setting's label, as the vendor's settings page words it. */
  settingLabels: Record<string, string>;
  /** The vendor's settings-page buttons that take no input ("Enable"), by action ID. */
  actions: Array<{ id: string; label: string }>;
  /** The vendor's page can delete the IdP configuration it holds (ImageKit's "Delete"). */
  idpConfigDeletable: boolean;
  /** What the admin entered at the vendor (metadata and certificates are public), with a one-line summary. */
  idpConfig?: { method: IdpConfigMethod; summary: string; input: IdpConfigInput };
  supportApplied?: boolean;
  /** The vendor holds a usable IdP configuration (trust). */
  configured: boolean;
  users: SpUser[];
  groups: string[];
  definition?: GenericSpDefinition;
}

export type SetupCheckView = SetupCheck;

export interface WorkspaceView {
  dir: string;
  /** The enterprise-app gallery: one template per shipped vendor, from the vendor registry. */
  gallery: Array<{ id: string; name: string }>;
  tenant: Tenant;
  apps: AppView[];
  vendors: VendorView[];
  attributeSets: AttributeSet[];
  problems: LoadProblem[];
  idp: {
    tenantId: string;
    loginUrl: string;
    issuer: string;
    logoutUrl: string;
    /** The Issuer of the tenant's LogoutResponses, and, when it is not the Identifier above, the pitfall and its fixes. */
    logoutResponseIssuer: string;
    logoutIssuerPitfall?: { summary: string; fixes: ReadonlyArray<{ stack: string; symptom: string; fix: string }> };
    /** The same endpoints in the forms a real browser and SP on this machine reach (loopback http, and https if on). */
    reachable: Array<{ form: 'http' | 'https'; loginUrl: string; logoutUrl: string; myAppsUrl: string; /** Append the app's appId. */ metadataBase: string }>;
    /** The local CA file to trust, when HTTPS is served. */
    caFile?: string;
  };
}

/** A one-click reproduction of one code. */
export type { PresetView } from '../core/scenarios/presets/preset-view';

export interface ScenarioFileView {
  file: string;
  name: string;
  description: string;
  vendor?: string;
  expect?: ScenarioExpectation;
  /** Why the file does not load (it is left as it is). */
  problem?: string;
}

export interface ScenarioRunView {
  run: FlowRunView;
  matches: boolean;
  expected: ScenarioExpectation;
  outcome: ScenarioOutcome;
  scenario: Scenario;
  /** The scenario file's text, and a name for it. */
  text: string;
  fileName: string;
  /** For an error: the values that collided, as sent against as held. */
  collisions: Collision[];
  /** For a preset: what it changed in the working set-up it starts from. */
  changedFromBaseline?: SettingChange[];
}

export type { Diagnosis } from '../core/diagnose/diagnose';
export type { Fix } from '../core/diagnose/verdict-types';
export type { ClaimsPreview } from '../core/vendors/claims-preview';
export type { AttackPackRun, AttackResult } from '../core/attacks/run-pack';

export type { FlowRunView, RunLogEntry, RunLogFilter, RunLogPage, RunComparison } from '../core/runs/model';
