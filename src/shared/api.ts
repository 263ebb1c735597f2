/**
 * The one contract between the UI and the core: method names, argument schemas, result types. Electron's
 * preload exposes it over IPC, web mode over HTTP; main and the web host validate every argument with these
 * schemas before calling the core.
 */
import { z } from 'zod';
import { EnterpriseApp, Group, SigningOption, User } from '../core/idp/model';
import { GenericSpDefinition } from '../core/vendors/generic/profile';
import { AttributeSet, IdpConfigInput } from '../core/workspace/schema';
import type { SpMetadata } from '../core/idp/sp-metadata';
import type { ClaimsPreview } from '../core/vendors/claims-preview';
import type { AttackPackRun, Diagnosis, FlowRunView, PresetView, RunComparison, RunLogPage, ScenarioFileView, ScenarioRunView, SetupCheckView, VendorView, WorkspaceView } from './views';

export const FlowKind = z.enum(['sp-initiated', 'idp-initiated', 'sp-logout']);

/** What the UI may change of an app: everything but its keys and IDs. */
const AppBasics = EnterpriseApp.pick({
  objectId: true,
  displayName: true,
  enabled: true,
  assignmentRequired: true,
  assignments: true,
  saml: true,
  claims: true,
  tokenLifetimeMinutes: true,
  requestVerification: true,
  appRoles: true,
}).extend({
  signing: z.object({ option: SigningOption, algorithm: z.enum(['sha256', 'sha1']) }),
});
export type AppBasics = z.infer<typeof AppBasics>;

/** Every method: its argument schema. The result types are in ApiMethods below. */
export const API_ARGS = {
  'workspace.get': z.object({}),
  /** Back up the records to backups/<time>/ and start again from the demo workspace. */
  'workspace.reset': z.object({}),
  'tenant.saveUser': z.object({ user: User }),
  'tenant.deleteUser': z.object({ objectid: z.uuid() }),
  'tenant.saveGroup': z.object({ group: Group }),
  'tenant.deleteGroup': z.object({ objectid: z.uuid() }),
  'apps.save': z.object({ app: AppBasics }),
  'apps.createCertificate': z.object({ objectId: z.uuid() }),
  'apps.activateCertificate': z.object({ objectId: z.uuid(), thumbprint: z.string().regex(/^[0-9A-F]{40}$/) }),
  'apps.metadata': z.object({ objectId: z.uuid() }),
  'apps.create': z.object({ displayName: z.string().min(1).max(256), template: z.string().optional() }),
  'apps.delete': z.object({ objectId: z.uuid() }),
  /** App roles from the accepted values of a vendor's claim, and that claim sourced from user.assignedroles. */
  'apps.rolesFromAcceptedValues': z.object({ objectId: z.uuid(), claim: z.string().min(1) }),
  /** "Upload metadata file": read an SP's metadata into the form; nothing is saved until the form is. */
  /** "Certificate (Raw)": the DER bytes of an app's certificate, base64, with the portal's file name. */
  'apps.certificate': z.object({ objectId: z.uuid(), thumbprint: z.string().regex(/^[0-9A-F]{40}$/) }),
  'apps.readSpMetadata': z.object({ xml: z.string().min(1).max(5_000_000) }),
  'vendors.configure': z.object({ vendorId: z.string(), input: IdpConfigInput }),
  'vendors.clearConfig': z.object({ vendorId: z.string() }),
  'vendors.supportApplies': z.object({ vendorId: z.string() }),
  'vendors.saveSettings': z.object({ vendorId: z.string(), settings: z.record(z.string(), z.unknown()) }),
  'vendors.action': z.object({ vendorId: z.string(), action: z.string().min(1), input: z.unknown().optional() }),
  'vendors.setFault': z.object({ vendorId: z.string(), fault: z.string(), on: z.boolean() }),
  'vendors.setupChecks': z.object({ vendorId: z.string(), userId: z.uuid().optional() }),
  /** The claims a run would send this vendor for a user (UPN or object ID), an attribute set applied; nothing runs. */
  'vendors.previewClaims': z.object({
    vendorId: z.string(),
    user: z.string().min(1),
    attributeSetId: z.string().optional(),
    /** An attribute set being edited, not yet saved: previewed instead of a saved one. */
    draft: AttributeSet.pick({ values: true, claims: true }).optional(),
  }),
  'vendors.saveGeneric': z.object({ definition: GenericSpDefinition }),
  'vendors.deleteGeneric': z.object({ vendorId: z.string().min(1) }),
  /** Delete users from an SP's own directory, as its admin would: the next sign-in provisions them anew. */
  'vendors.deleteUsers': z.object({ vendorId: z.string().min(1), userIds: z.array(z.string().min(1)).min(1) }),
  'runs.list': z.object({}),
  /** The sign-in logs: the newest runs that match, a page at a time. */
  'runs.query': z.object({
    text: z.string().max(500).optional(),
    user: z.string().optional(),
    app: z.string().optional(),
    status: z.enum(['success', 'failure']).optional(),
    code: z.string().optional(),
    source: z.enum(['run', 'reproduced', 'replayed', 'external', 'browser']).optional(),
    offset: z.int().min(0).default(0),
    limit: z.int().min(1).max(500).default(100),
  }),
  /** One logged run, whole: trace, XML, report, page. */
  'runs.get': z.object({ runId: z.string().regex(/^[0-9a-f]{16}$/) }),
  /**
   * A page of a run as the browser drew it, scripts removed, for a sandboxed frame: the page it ended on, or
   * the page of one hop (the storyboard). The UI draws it from this text; no route serves it.
   */
  'runs.page': z.object({ runId: z.string().regex(/^[0-9a-f]{16}$/), hop: z.int().min(0).max(999).optional() }),
  'runs.compare': z.object({ a: z.string().regex(/^[0-9a-f]{16}$/), b: z.string().regex(/^[0-9a-f]{16}$/) }),
  'attributeSets.save': z.object({ set: AttributeSet }),
  'attributeSets.delete': z.object({ id: z.string() }),
  'flows.run': z.object({
    vendorId: z.string(),
    flow: FlowKind,
    user: z.string().optional(),
    attributeSetId: z.string().optional(),
    /** Reuse the browser of an earlier run (its Entra and SP sessions), e.g. to log out. */
    browserOf: z.string().optional(),
    /** SP-initiated: the SP sends no login_hint, so Entra shows its account picker. */
    accountPicker: z.boolean().optional(),
  }),
  'runs.export': z.object({ runId: z.string().regex(/^[0-9a-f]{16}$/), format: z.enum(['har', 'saml-tracer', 'scenario']) }),
  'attacks.run': z.object({ vendorId: z.string().min(1) }),
  'presets.list': z.object({}),
  'presets.run': z.object({ id: z.string().min(1) }),
  'scenarios.list': z.object({}),
  'scenarios.save': z.object({ text: z.string().min(2).max(5_000_000), fileName: z.string().optional() }),
  'scenarios.run': z.union([z.object({ file: z.string().min(1) }), z.object({ text: z.string().min(2).max(5_000_000) })]),
  'diagnose.run': z.object({
    text: z
      .string()
      .min(1)
      .max(200 * 1024 * 1024),
    vendor: z.string().optional(),
    at: z.union([z.literal('now'), z.literal('issue-instant'), z.iso.datetime({ offset: true })]).default('now'),
    certificates: z.array(z.string()).default([]),
    idpMetadata: z.string().max(5_000_000).optional(),
    spKey: z.string().max(100_000).optional(),
  }),
} as const;

export type ApiMethod = keyof typeof API_ARGS;
export type ApiArgs<M extends ApiMethod> = z.input<(typeof API_ARGS)[M]>;

export interface ApiResults {
  'workspace.get': WorkspaceView;
  'workspace.reset': WorkspaceView & { backup: string };
  'tenant.saveUser': WorkspaceView;
  'tenant.deleteUser': WorkspaceView;
  'tenant.saveGroup': WorkspaceView;
  'tenant.deleteGroup': WorkspaceView;
  'apps.save': WorkspaceView;
  'apps.createCertificate': WorkspaceView;
  'apps.activateCertificate': WorkspaceView;
  'apps.metadata': { xml: string; pretty: string; url: string };
  'apps.create': WorkspaceView & { created: string };
  'apps.delete': WorkspaceView;
  'apps.rolesFromAcceptedValues': WorkspaceView;
  'apps.certificate': { fileName: string; base64: string };
  'apps.readSpMetadata': SpMetadata;
  'vendors.configure': VendorView;
  'vendors.clearConfig': VendorView;
  'vendors.supportApplies': VendorView;
  'vendors.saveSettings': VendorView;
  'vendors.action': VendorView;
  'vendors.setFault': VendorView;
  'vendors.setupChecks': SetupCheckView[];
  'vendors.previewClaims': ClaimsPreview | null;
  'vendors.saveGeneric': WorkspaceView;
  'vendors.deleteGeneric': WorkspaceView;
  'vendors.deleteUsers': VendorView;
  'runs.list': FlowRunView[];
  'runs.query': RunLogPage;
  'runs.get': FlowRunView;
  'runs.page': { html: string };
  'runs.compare': RunComparison;
  'attributeSets.save': WorkspaceView;
  'attributeSets.delete': WorkspaceView;
  'flows.run': FlowRunView;
  'runs.export': { fileName: string; text: string };
  'attacks.run': AttackPackRun;
  'presets.list': PresetView[];
  'presets.run': ScenarioRunView;
  'scenarios.list': ScenarioFileView[];
  'scenarios.save': { saved: string; files: ScenarioFileView[] };
  'scenarios.run': ScenarioRunView;
  'diagnose.run': Diagnosis;
}

/** Failures cross the boundary as values with a code, never as thrown errors (IPC loses their fields). */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; code: string; message: string; detail?: Record<string, unknown> };

export interface Api {
  call<M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<ApiResult<ApiResults[M]>>;
}

export { channel } from './channels';
/** The web transport posts to /api/rpc/<method>. */
export const RPC_PATH = '/api/rpc/';
