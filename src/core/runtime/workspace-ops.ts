import { rewriteAsDemo } from '../demo/demo-reset';
import { CoreError } from '../base/errors';
import type { HarnessRuntime } from './harness-runtime';

/** The workspace on disk and the vendors mounted on the host: what these operations read of the runtime, and no more. */
export type WorkspaceContext = Pick<HarnessRuntime, 'store' | 'clock' | 'ws' | 'harness' | 'vendors' | 'vendor' | 'mountVendor' | 'saveVendor' | 'problems'>;

/**
 * "Reset to the demo workspace": the records are copied to backups/<time>/ first, then replaced by the demo
 * tenant (same tenant ID) with an app and SP per vendor, on disk and in the running host. Saved scenarios and the local CA stay.
 * Returns the backup folder, relative to the workspace.
 */
export async function resetToDemo(rt: WorkspaceContext): Promise<string> {
  if (rt.store.readOnly) throw new CoreError('WORKSPACE_READ_ONLY', `The workspace ${rt.store.dir} is open read-only; it was not reset.`);
  const backup = await rt.store.backup();
  // The tenant keeps its ID: the running host's Entra URLs carry it, and so do the SPs' copies of the metadata.
  const demo = await rewriteAsDemo(rt.store, { tenantId: rt.ws.tenant.id, backup }, rt.clock.now());
  for (const sp of rt.vendors.values()) rt.harness.sites.remove(sp.site.id);
  rt.vendors.clear();
  Object.assign(rt.ws, demo);
  for (const entry of rt.ws.vendors) await rt.mountVendor(entry);
  // The files that had failed to load are still kept aside, but no longer part of this workspace's story.
  rt.problems.splice(0);
  return backup;
}

/** Deletes users from a vendor SP's directory (as its admin would), so the next sign-in provisions them anew. */
export async function deleteVendorUsers(rt: WorkspaceContext, vendorId: string, userIds: readonly string[]): Promise<number> {
  const directory = rt.vendor(vendorId).directory.data;
  const missing = userIds.filter((id) => !directory.users.some((u) => u.id === id));
  if (missing.length) throw new CoreError('SP_USER_NOT_FOUND', `${rt.vendor(vendorId).profile.displayName} has no user ${missing.map((m) => `"${m}"`).join(', ')}.`);
  const before = directory.users.length;
  directory.users = directory.users.filter((u) => !userIds.includes(u.id));
  await rt.saveVendor(vendorId);
  return before - directory.users.length;
}
