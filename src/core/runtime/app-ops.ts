import { createEnterpriseApp } from '../idp/app-defaults';
import { CoreError } from '../errors';
import type { EnterpriseApp } from '../idp/model';
import { createVendorApp } from '../vendors/vendor-app';
import { VENDORS, vendorProfile } from '../vendors/registry';
import type { HarnessRuntime } from './harness-runtime';

/** "New application": a non-gallery app, or one from the gallery (a shipped vendor's template, set up as its guide says). */
export async function createApp(rt: HarnessRuntime, input: { displayName: string; template?: string }): Promise<EnterpriseApp> {
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
export async function deleteApp(rt: HarnessRuntime, objectId: string): Promise<void> {
  const app = rt.app(objectId);
  rt.ws.apps = rt.ws.apps.filter((a) => a !== app);
  await rt.store.deleteApp(objectId);
  for (const v of rt.ws.vendors.filter((x) => x.appObjectId === objectId)) {
    delete v.appObjectId;
    await rt.saveVendor(v.id);
  }
}

/** Deletes a user-defined SP (shipped vendors stay: their templates are the gallery). */
export async function deleteGenericSp(rt: HarnessRuntime, vendorId: string): Promise<void> {
  const entry = rt.entry(vendorId);
  if (entry.profile !== 'generic') throw new CoreError('VENDOR_NOT_DELETABLE', `${vendorId} is a shipped vendor; only service providers you defined can be deleted.`);
  const sp = rt.vendor(vendorId);
  rt.harness.sites.remove(sp.site.id);
  rt.vendors.delete(vendorId);
  rt.ws.vendors = rt.ws.vendors.filter((v) => v !== entry);
  await rt.store.deleteVendor(vendorId);
}
