import { createEnterpriseApp } from '../idp/app-defaults';
import { newGuid } from '../base/ids';
import { CoreError } from '../base/errors';
import type { EnterpriseApp } from '../idp/model';
import { createVendorApp } from '../vendors/vendor-app';
import { VENDORS, vendorProfile } from '../vendors/registry';
import type { HarnessRuntime } from './harness-runtime';

/** The apps and vendors of the workspace, their lookups and saves: what these operations read of the runtime. */
export type AppContext = Pick<HarnessRuntime, 'ws' | 'clock' | 'store' | 'harness' | 'vendors' | 'app' | 'entry' | 'vendor' | 'saveApp' | 'saveVendor'>;

/** "New application": a non-gallery app, or one from the gallery (a shipped vendor's template, set up as its guide says). */
export async function createApp(rt: AppContext, input: { displayName: string; template?: string }): Promise<EnterpriseApp> {
  const name = input.displayName.trim();
  if (!name) throw new CoreError('APP_NAME_REQUIRED', 'Give the application a name.');
  let app: EnterpriseApp;
  if (input.template) {
    const profile = vendorProfile(input.template);
    if (!profile) throw new CoreError('TEMPLATE_UNKNOWN', `No gallery app "${input.template}"; the gallery has ${Object.keys(VENDORS).join(', ')}.`);
    app = await createVendorApp(profile, {}, profile.settings.defaults(), rt.clock.now());
    app.displayName = name;
  } else {
    app = await createEnterpriseApp({ displayName: name }, rt.clock.now());
  }
  rt.ws.apps.push(app);
  await rt.saveApp(app.objectId);
  return app;
}

/** Deletes an app; a vendor SP that was set up against it keeps its own configuration but no longer names it. */
export async function deleteApp(rt: AppContext, objectId: string): Promise<void> {
  const app = rt.app(objectId);
  rt.ws.apps = rt.ws.apps.filter((a) => a !== app);
  await rt.store.deleteApp(objectId);
  for (const v of rt.ws.vendors.filter((x) => x.appObjectId === objectId)) {
    delete v.appObjectId;
    await rt.saveVendor(v.id);
  }
}

/** Deletes a user-defined SP (shipped vendors stay: their templates are the gallery). */
export async function deleteGenericSp(rt: AppContext, vendorId: string): Promise<void> {
  const entry = rt.entry(vendorId);
  if (entry.profile !== 'generic') throw new CoreError('VENDOR_NOT_DELETABLE', `${vendorId} is a shipped vendor; only service providers you defined can be deleted.`);
  const sp = rt.vendor(vendorId);
  rt.harness.sites.remove(sp.site.id);
  rt.vendors.delete(vendorId);
  rt.ws.vendors = rt.ws.vendors.filter((v) => v !== entry);
  await rt.store.deleteVendor(vendorId);
}

/**
 * Roles in place of an attribute: app roles made from the values a vendor accepts for one of its claims, and
 * that claim sourced from user.assignedroles — how ImageKit's guide has a premium tenant provision roles. Users
 * and groups are then assigned to the roles.
 */
export async function rolesFromAcceptedValues(rt: AppContext, objectId: string, claim: string): Promise<void> {
  const app = rt.app(objectId);
  const vendor = rt.ws.vendors.find((v) => v.appObjectId === objectId);
  const spec = vendor ? rt.vendor(vendor.id).profile.attributes.find((a) => a.name === claim) : undefined;
  if (!spec?.accepted?.length) throw new CoreError('NO_ACCEPTED_VALUES', `${app.displayName} has no vendor claim "${claim}" with accepted values to make roles of.`);
  const rule = app.claims.attributes.find((r) => r.name === claim);
  if (!rule) throw new CoreError('CLAIM_NOT_FOUND', `${app.displayName} has no claim "${claim}".`);
  const existing = app.appRoles ?? [];
  const made = spec.accepted
    .filter((v) => !existing.some((r) => r.value === v))
    .map((value) => ({
      id: newGuid(),
      displayName: value.charAt(0).toUpperCase() + value.slice(1).replace(/_/g, ' '),
      value,
      description: `${claim} = ${value}`,
      allowedMemberTypes: ['User' as const],
      enabled: true,
    }));
  app.appRoles = [...existing, ...made];
  rule.source = { kind: 'attribute', attribute: 'user.assignedroles' };
  delete rule.conditions;
  await rt.saveApp(objectId);
}
