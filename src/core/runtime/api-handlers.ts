import { CoreError, isCoreError } from '../base/errors';
import { activateCertificate, createAppCertificate } from '../idp/app-certificates';
import { appFederationMetadata } from '../idp/app-metadata';
import { EnterpriseApp } from '../idp/model';
import type { VendorError } from '../vendors/profile';
import { API_ARGS, type ApiArgs, type ApiMethod, type ApiResult, type ApiResults } from '../../shared/api';
import type { HarnessRuntime } from './harness-runtime';
import { genericProfile } from '../vendors/generic/profile';
import { createVendorApp } from '../vendors/vendor-app';
import { listPresets, listWorkspaceScenarios, readScenarioText, runPreset, runScenarioView, runWorkspaceScenario, saveWorkspaceScenario } from './scenario-ops';
import { diagnoseText, exportRun } from './trace-ops';
import { compareLogged, loggedRun, queryLog, runPage } from './log-ops';
import { attackWorkspaceVendor } from './attack-ops';
import { createApp, deleteApp, deleteGenericSp, rolesFromAcceptedValues } from './app-ops';
import { parseSpMetadata } from '../idp/sp-metadata';
import { deleteVendorUsers, resetToDemo } from './workspace-ops';
import { previewClaims } from '../vendors/claims-preview';
import { flowOverrides } from '../idp/claims';
import { prettyXml } from '../xml/pretty';
import { pemToBase64 } from '../crypto/pem';
import { fieldName } from './field-names';
import { deleteGroup, deleteUser, saveGroup, saveUser } from './tenant-ops';
import { duplicateRoleValue } from '../idp/directory-rules';

type Handlers = { [M in ApiMethod]: (rt: HarnessRuntime, args: import('zod').infer<(typeof API_ARGS)[M]>) => Promise<ApiResults[M]> };

const vendorFailure = (e: VendorError | CoreError): never => {
  if (e instanceof CoreError) throw e;
  throw new CoreError(e.code, e.message, { reason: e.reason, httpStatus: e.httpStatus });
};

/** What each API method does to the runtime; arguments arrive already validated against API_ARGS. */
const HANDLERS: Handlers = {
  'workspace.get': async (rt) => rt.view(),
  'workspace.reset': async (rt) => {
    const backup = await resetToDemo(rt);
    return { ...rt.view(), backup };
  },
  'tenant.saveUser': async (rt, { user }) => {
    await saveUser(rt, user);
    return rt.view();
  },
  'tenant.deleteUser': async (rt, { objectid }) => {
    await deleteUser(rt, objectid);
    return rt.view();
  },
  'tenant.saveGroup': async (rt, { group }) => {
    await saveGroup(rt, group);
    return rt.view();
  },
  'tenant.deleteGroup': async (rt, { objectid }) => {
    await deleteGroup(rt, objectid);
    return rt.view();
  },
  'apps.save': async (rt, { app }) => {
    const current = rt.app(app.objectId);
    const next = EnterpriseApp.parse({ ...current, ...app, signing: { ...current.signing, ...app.signing } });
    const duplicate = duplicateRoleValue(next.appRoles ?? []);
    if (duplicate) throw new CoreError('APP_ROLE_VALUE_TAKEN', duplicate.problem, { field: 'role-value', value: duplicate.role.value });
    Object.assign(current, next);
    await rt.saveApp(app.objectId);
    return rt.view();
  },
  'apps.createCertificate': async (rt, { objectId }) => {
    rt.app(objectId).signing.certificates.push(await createAppCertificate(rt.clock.now()));
    await rt.saveApp(objectId);
    return rt.view();
  },
  'apps.activateCertificate': async (rt, { objectId, thumbprint }) => {
    const app = rt.app(objectId);
    if (!app.signing.certificates.some((c) => c.thumbprint === thumbprint)) throw new CoreError('CERT_NOT_FOUND', `No certificate ${thumbprint} on ${app.displayName}.`);
    Object.assign(app, activateCertificate(app, thumbprint));
    await rt.saveApp(objectId);
    return rt.view();
  },
  'apps.metadata': async (rt, { objectId }) => {
    const app = rt.app(objectId);
    const xml = appFederationMetadata(rt.ws.tenant, app, rt.harness.urls, rt.clock.now());
    if (!xml.ok) throw xml.error;
    // Shown formatted; downloaded and copied as served (one line, a byte-order mark, a signature over it).
    return { xml: xml.value, pretty: prettyXml(xml.value.replace(/^\uFEFF/, '')), url: rt.harness.urls.appMetadata(app.appId) };
  },
  'apps.create': async (rt, input) => {
    const app = await createApp(rt, { displayName: input.displayName, ...(input.template ? { template: input.template } : {}) });
    return { ...rt.view(), created: app.objectId };
  },
  'apps.delete': async (rt, { objectId }) => {
    await deleteApp(rt, objectId);
    return rt.view();
  },
  'apps.rolesFromAcceptedValues': async (rt, { objectId, claim }) => {
    await rolesFromAcceptedValues(rt, objectId, claim);
    return rt.view();
  },
  'apps.certificate': async (rt, { objectId, thumbprint }) => {
    const app = rt.app(objectId);
    const cert = app.signing.certificates.find((c) => c.thumbprint === thumbprint);
    if (!cert) throw new CoreError('CERT_NOT_FOUND', `No certificate ${thumbprint} on ${app.displayName}.`);
    return { fileName: `${app.displayName.replace(/[^\w.-]+/g, '_')}.cer`, base64: pemToBase64(cert.certificatePem) };
  },
  'apps.readSpMetadata': async (rt, { xml }) => {
    const md = parseSpMetadata(xml, rt.clock.now());
    if (!md.ok) throw md.error;
    return md.value;
  },
  'vendors.configure': async (rt, { vendorId, input }) => {
    const r = await rt.vendor(vendorId).applyIdpConfig(input);
    if (!r.ok) vendorFailure(r.error);
    await rt.saveVendor(vendorId);
    return rt.vendorView(vendorId);
  },
  'vendors.clearConfig': async (rt, { vendorId }) => {
    rt.vendor(vendorId).clearIdpConfig();
    await rt.saveVendor(vendorId);
    return rt.vendorView(vendorId);
  },
  'vendors.supportApplies': async (rt, { vendorId }) => {
    const r = await rt.vendor(vendorId).supportApplies();
    if (!r.ok) throw r.error;
    await rt.saveVendor(vendorId);
    return rt.vendorView(vendorId);
  },
  'vendors.saveSettings': async (rt, { vendorId, settings }) => {
    const sp = rt.vendor(vendorId);
    const parsed = sp.profile.settings.schema.safeParse({ ...(sp.state.settings as object), ...settings });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new CoreError('SETTINGS_INVALID', `${issue.path.join('.')}: ${issue.message}`);
    }
    sp.state.settings = parsed.data;
    await rt.saveVendor(vendorId);
    return rt.vendorView(vendorId);
  },
  'vendors.action': async (rt, { vendorId, action, input }) => {
    const r = rt.vendor(vendorId).runAction(action, input);
    if (!r.ok) vendorFailure(r.error);
    await rt.saveVendor(vendorId);
    return rt.vendorView(vendorId);
  },
  'vendors.setFault': async (rt, { vendorId, fault, on }) => {
    const sp = rt.vendor(vendorId);
    if (!sp.profile.faults?.[fault]) throw new CoreError('FAULT_UNKNOWN', `${sp.profile.displayName} has no fault "${fault}".`);
    sp.setFault(fault, on);
    await rt.saveVendor(vendorId);
    return rt.vendorView(vendorId);
  },
  'vendors.setupChecks': async (rt, { vendorId, userId }) => {
    const entry = rt.entry(vendorId);
    if (!entry.appObjectId) return [];
    return rt.vendor(vendorId).setupChecks(rt.ws.tenant, rt.app(entry.appObjectId), userId ? rt.user(userId) : undefined);
  },
  'vendors.previewClaims': async (rt, { vendorId, user, attributeSetId, draft }) => {
    const entry = rt.entry(vendorId);
    if (!entry.appObjectId) return null;
    const set = draft ?? (attributeSetId ? rt.ws.attributeSets.find((s) => s.id === attributeSetId) : undefined);
    if (attributeSetId && !set) throw new CoreError('ATTRIBUTE_SET_NOT_FOUND', `No attribute set "${attributeSetId}".`);
    return previewClaims({
      tenant: rt.ws.tenant,
      app: rt.app(entry.appObjectId),
      user: rt.user(user),
      ...(set ? { overrides: flowOverrides(set) } : {}),
      specs: rt.vendor(vendorId).profile.attributes,
    });
  },
  'vendors.saveGeneric': async (rt, { definition }) => {
    const existing = rt.ws.vendors.find((v) => v.id === definition.id);
    if (existing && existing.profile !== 'generic') throw new CoreError('VENDOR_ID_TAKEN', `"${definition.id}" is a shipped vendor.`);
    if (existing) existing.definition = definition;
    else {
      // An Identifier is unique in a tenant: an app already set up for this entity ID is the SP's app.
      const linked = rt.ws.apps.find((a) => a.saml.identifiers.some((i) => i.value === definition.entityId)) ?? (await createVendorApp(genericProfile(definition), {}, {}, rt.clock.now()));
      if (!rt.ws.apps.includes(linked)) {
        rt.ws.apps.push(linked);
        await rt.saveApp(linked.objectId);
      }
      rt.ws.vendors.push({ id: definition.id, profile: 'generic', params: {}, appObjectId: linked.objectId, definition, state: { settings: {}, directory: { users: [], groups: [] }, faults: [] } });
    }
    await rt.mountVendor(rt.entry(definition.id));
    await rt.saveVendor(definition.id);
    return rt.view();
  },
  'vendors.deleteGeneric': async (rt, { vendorId }) => {
    await deleteGenericSp(rt, vendorId);
    return rt.view();
  },
  'vendors.deleteUsers': async (rt, { vendorId, userIds }) => {
    await deleteVendorUsers(rt, vendorId, userIds);
    return rt.vendorView(vendorId);
  },
  'runs.list': async (rt) => rt.recentRuns(),
  'runs.query': async (rt, { offset, limit, ...filter }) => queryLog(rt, filter, { offset, limit }),
  'runs.get': async (rt, { runId }) => loggedRun(rt, runId),
  'runs.page': async (rt, { runId, hop }) => runPage(rt, runId, hop),
  'runs.compare': async (rt, { a, b }) => compareLogged(rt, a, b),
  'attributeSets.save': async (rt, { set }) => {
    const sets = rt.ws.attributeSets;
    const i = sets.findIndex((s) => s.id === set.id);
    if (i >= 0) sets[i] = set;
    else sets.push(set);
    await rt.saveAttributeSets();
    return rt.view();
  },
  'attributeSets.delete': async (rt, { id }) => {
    rt.ws.attributeSets = rt.ws.attributeSets.filter((s) => s.id !== id);
    await rt.saveAttributeSets();
    return rt.view();
  },
  'flows.run': async (rt, args) =>
    rt.runFlow({
      vendorId: args.vendorId,
      flow: args.flow,
      ...(args.user ? { user: args.user } : {}),
      ...(args.attributeSetId ? { attributeSetId: args.attributeSetId } : {}),
      ...(args.browserOf ? { browserOf: args.browserOf } : {}),
      ...(args.accountPicker ? { accountPicker: true } : {}),
    }),
  'runs.export': async (rt, { runId, format }) => exportRun(rt, runId, format),
  'attacks.run': async (rt, { vendorId }) => attackWorkspaceVendor(rt, vendorId),
  'presets.list': async () => listPresets(),
  'presets.run': async (rt, { id }) => runPreset(rt, id),
  'scenarios.list': async (rt) => listWorkspaceScenarios(rt),
  'scenarios.save': async (rt, { text, fileName }) => saveWorkspaceScenario(rt, readScenarioText(text, fileName ?? 'the scenario'), fileName),
  'scenarios.run': async (rt, args) => ('file' in args ? runWorkspaceScenario(rt, args.file) : runScenarioView(rt, readScenarioText(args.text, 'the scenario'))),
  'diagnose.run': async (rt, { text, vendor, at, certificates, idpMetadata, spKey }) =>
    diagnoseText(rt, text, { at, certificates, ...(vendor ? { vendor } : {}), ...(idpMetadata ? { idpMetadata } : {}), ...(spKey ? { spKey } : {}) }),
};

export function isApiMethod(name: string): name is ApiMethod {
  return Object.hasOwn(API_ARGS, name);
}

/**
 * One call from the UI, whatever the transport: validates the arguments against the shared schema, runs the
 * handler, and turns every failure into a value with a code.
 */
export async function handleApiCall(rt: HarnessRuntime, method: string, rawArgs: unknown): Promise<ApiResult<unknown>> {
  if (!isApiMethod(method)) return { ok: false, code: 'UNKNOWN_METHOD', message: `No API method "${method}".` };
  const parsed = API_ARGS[method].safeParse(rawArgs ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.join('.');
    const field = fieldName(path);
    if (field !== path) return { ok: false, code: 'BAD_ARGUMENTS', message: `${field} ${issue.message}.`, detail: { field: path } };
    return { ok: false, code: 'BAD_ARGUMENTS', message: `${method}: ${path || 'arguments'} — ${issue.message}` };
  }
  try {
    const handler = HANDLERS[method] as (rt: HarnessRuntime, args: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(rt, parsed.data) };
  } catch (e) {
    if (isCoreError(e)) return { ok: false, code: e.code, message: e.message, detail: { ...e.detail } };
    return { ok: false, code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * The same call, typed by method as the renderer's client types it: its arguments checked by the compiler, its
 * result the method's (the Node API, the CLI and tests in this process call the API this way).
 */
export function callApi<M extends ApiMethod>(rt: HarnessRuntime, method: M, args: ApiArgs<M>): Promise<ApiResult<ApiResults[M]>> {
  return handleApiCall(rt, method, args) as Promise<ApiResult<ApiResults[M]>>;
}
