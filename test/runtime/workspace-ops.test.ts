import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HarnessRuntime } from '../../src/core/runtime/harness-runtime';
import { handleApiCall } from '../../src/core/runtime/api-handlers';
import type { FlowRunView } from '../../src/shared/views';

let dir: string;
let rt: HarnessRuntime;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'harness-reset-'));
  rt = await HarnessRuntime.open({ dir });
});
afterEach(async () => {
  await rt.close();
  await rm(dir, { recursive: true, force: true });
});

const ADELE = 'adele.vance@contoso.com';
const diffOf = (run: FlowRunView) => {
  const o = run.result.outcome;
  return o.status === 'signed-in' ? (o.details?.diff as { action: string } | undefined)?.action : `${o.status}`;
};

describe('deleting users at a vendor', () => {
  it('forgets the user, so the next sign-in creates it again', async () => {
    expect(diffOf(await rt.runFlow({ vendorId: 'cloudinary', flow: 'idp-initiated', user: ADELE }))).toBe('created');
    expect(diffOf(await rt.runFlow({ vendorId: 'cloudinary', flow: 'idp-initiated', user: ADELE }))).toBe('unchanged');
    const users = rt.vendorView('cloudinary').users;
    expect(users).toHaveLength(1);
    const deleted = await handleApiCall(rt, 'vendors.deleteUsers', { vendorId: 'cloudinary', userIds: [users[0]!.id] });
    expect(deleted).toMatchObject({ ok: true, value: { users: [] } });
    // Saved at once: a restart does not bring the user back.
    const saved = JSON.parse(await readFile(join(dir, 'vendors', 'cloudinary.json'), 'utf8')) as { data: { state: { directory: { users: unknown[] } } } };
    expect(saved.data.state.directory.users).toEqual([]);
    expect(diffOf(await rt.runFlow({ vendorId: 'cloudinary', flow: 'idp-initiated', user: ADELE }))).toBe('created');
  });

  it('names a user the vendor does not have, and deletes nothing', async () => {
    await rt.runFlow({ vendorId: 'cloudinary', flow: 'idp-initiated', user: ADELE });
    const r = await handleApiCall(rt, 'vendors.deleteUsers', { vendorId: 'cloudinary', userIds: [rt.vendorView('cloudinary').users[0]!.id, 'nobody'] });
    expect(r).toMatchObject({ ok: false, code: 'SP_USER_NOT_FOUND' });
    expect(r.ok ? '' : r.message).toContain('"nobody"');
    expect(rt.vendorView('cloudinary').users).toHaveLength(1);
  });
});

describe('reset to the demo workspace', () => {
  it('backs up the records first, then puts the demo back on disk and in the running host', async () => {
    const imagekit = rt.view().apps.find((a) => a.vendorId === 'imagekit')!;
    rt.app(imagekit.objectId).displayName = 'ImageKit (customer copy)';
    await rt.saveApp(imagekit.objectId);
    await rt.runFlow({ vendorId: 'cloudinary', flow: 'idp-initiated', user: ADELE });
    const tenantId = rt.ws.tenant.id;
    rt.ws.tenant.users = rt.ws.tenant.users.filter((u) => u.attributes.userprincipalname !== 'megan.bowen@contoso.com');
    await rt.saveTenant();

    const r = await handleApiCall(rt, 'workspace.reset', {});
    if (!r.ok) throw new Error(r.message);
    const { backup } = r.value as { backup: string };
    expect(backup).toMatch(/^backups\/\d{8}T\d{6}Z$/);
    const backedUp = await readFile(join(dir, backup, 'apps', `${imagekit.objectId}.json`), 'utf8');
    expect(backedUp).toContain('ImageKit (customer copy)');
    expect(await readdir(join(dir, backup))).toEqual(expect.arrayContaining(['tenant.json', 'apps', 'vendors', 'attribute-sets.json']));

    expect(rt.ws.tenant.id, 'the host serves this tenant ID').toBe(tenantId);
    expect(rt.ws.tenant.users.map((u) => u.attributes.userprincipalname)).toContain('megan.bowen@contoso.com');
    expect(rt.view().apps.map((a) => a.displayName)).not.toContain('ImageKit (customer copy)');
    expect(rt.vendorView('cloudinary').users).toEqual([]);
    expect(existsSync(join(dir, 'apps', `${imagekit.objectId}.json`))).toBe(false);
    // The host serves the new tenant: a sign-in works and provisions again.
    const after = await rt.runFlow({ vendorId: 'cloudinary', flow: 'idp-initiated', user: ADELE });
    expect(diffOf(after), JSON.stringify(after.result.outcome)).toBe('created');

    // And the reset is what a restart reads.
    await rt.close();
    rt = await HarnessRuntime.open({ dir });
    expect(rt.ws.tenant.users.map((u) => u.attributes.userprincipalname)).toContain('megan.bowen@contoso.com');
    expect(rt.view().apps.map((a) => a.displayName)).not.toContain('ImageKit (customer copy)');
  });
});
