import { afterEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir, writeFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HarnessRuntime } from '../../src/core/runtime/harness-runtime';
import { handleApiCall } from '../../src/core/runtime/api-handlers';
import { writeJsonAtomic } from '../../src/core/workspace/atomic-write';

let dirs: string[] = [];
let open: HarnessRuntime[] = [];
afterEach(async () => {
  await Promise.all(open.map((r) => r.close()));
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  dirs = [];
  open = [];
});
const tempDir = async () => {
  const d = await mkdtemp(join(tmpdir(), 'harness-ws-'));
  dirs.push(d);
  return d;
};
const start = async (dir: string) => {
  const rt = await HarnessRuntime.open({ dir });
  open.push(rt);
  return rt;
};
const ok = async (rt: HarnessRuntime, method: string, args: unknown) => {
  const r = await handleApiCall(rt, method, args);
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.value;
};

describe('the workspace on disk', () => {
  it('a fresh folder is seeded with the demo tenant and one app per vendor, one file each', async () => {
    const dir = await tempDir();
    const rt = await start(dir);
    expect(rt.view().vendors.map((v) => v.id)).toEqual(['imagekit', 'cloudinary', 'huggingface', 'imagen', 'generic']);
    expect((await readdir(join(dir, 'apps'))).length).toBe(5);
    expect((await readdir(join(dir, 'vendors'))).sort()).toEqual(['cloudinary.json', 'generic.json', 'huggingface.json', 'imagekit.json', 'imagen.json']);
    const tenant = JSON.parse(await readFile(join(dir, 'tenant.json'), 'utf8')) as { format: string; version: number };
    expect(tenant).toMatchObject({ format: 'saml-harness/tenant', version: 1 });
  });

  it('a restart keeps everything: directory edits, app changes, vendor configuration, provisioned users', async () => {
    const dir = await tempDir();
    const first = await start(dir);
    const adele = first.user('adele.vance@contoso.com');
    await ok(first, 'tenant.saveUser', { user: { ...adele, attributes: { ...adele.attributes, jobtitle: 'Principal Engineer' } } });
    const imagekitApp = first.view().apps.find((a) => a.vendorId === 'imagekit')!;
    await ok(first, 'apps.createCertificate', { objectId: imagekitApp.objectId });
    const metadata = (await ok(first, 'apps.metadata', { objectId: imagekitApp.objectId })) as { xml: string };
    await ok(first, 'vendors.configure', { vendorId: 'imagekit', input: { method: 'metadata-xml', metadataXml: metadata.xml } });
    const run = (await ok(first, 'flows.run', { vendorId: 'imagekit', flow: 'idp-initiated', user: 'adele.vance@contoso.com' })) as { result: { outcome: { status: string } } };
    expect(run.result.outcome.status).toBe('signed-in');
    const before = first.view();
    await first.close();
    open = open.filter((r) => r !== first);

    const second = await start(dir);
    const after = second.view();
    expect(after.problems).toEqual([]);
    expect(second.user('adele.vance@contoso.com').attributes.jobtitle).toBe('Principal Engineer');
    expect(after.apps.find((a) => a.vendorId === 'imagekit')!.signing.certificates).toHaveLength(2);
    expect(after.vendors.find((v) => v.id === 'imagekit')).toMatchObject({ configured: true, users: [{ email: 'adele.vance@contoso.com', fields: { role: 'developer' } }] });
    expect(after.tenant).toEqual(before.tenant);
    // The restored configuration works: the same flow signs in again, unchanged.
    const again = (await ok(second, 'flows.run', { vendorId: 'imagekit', flow: 'idp-initiated', user: 'adele.vance@contoso.com' })) as {
      result: { outcome: { details: { diff: { action: string } } } };
    };
    expect(again.result.outcome.details.diff.action).toBe('unchanged');
  });

  it('a corrupted file is reported and kept byte for byte; the rest loads, and saving does not overwrite it', async () => {
    const dir = await tempDir();
    const first = await start(dir);
    const app = first.view().apps.find((a) => a.vendorId === 'cloudinary')!;
    await first.close();
    open = [];
    const file = join(dir, 'apps', `${app.objectId}.json`);
    const broken = (await readFile(file, 'utf8')).slice(0, 500);
    await writeFile(file, broken);

    const second = await start(dir);
    const view = second.view();
    expect(view.problems).toHaveLength(1);
    const p = view.problems[0]!;
    expect(p).toMatchObject({ file: `apps/${app.objectId}.json`, code: 'FILE_NOT_JSON' });
    expect(p.message).toMatch(/is not valid JSON.*It was kept as apps\/.*\.corrupt-\d{8}T\d{6}Z and the workspace loaded without it\./);
    expect(await readFile(join(dir, p.keptAs), 'utf8')).toBe(broken);
    expect(existsSync(file)).toBe(false);
    expect(view.apps).toHaveLength(4);
    expect(view.vendors).toHaveLength(5);
    await ok(second, 'tenant.saveUser', { user: second.user('megan.bowen@contoso.com') });
    expect(await readFile(join(dir, p.keptAs), 'utf8')).toBe(broken);
  });

  it('a file from a newer version, or of the wrong kind, or invalid, is kept and named', async () => {
    const dir = await tempDir();
    await (await start(dir)).close();
    open = [];
    const tenant = JSON.parse(await readFile(join(dir, 'tenant.json'), 'utf8')) as { version: number };
    await writeFile(join(dir, 'tenant.json'), JSON.stringify({ ...tenant, version: 7 }));
    await writeFile(join(dir, 'attribute-sets.json'), JSON.stringify({ format: 'saml-harness/tenant', version: 1, data: [] }));
    const vendor = JSON.parse(await readFile(join(dir, 'vendors', 'imagen.json'), 'utf8')) as { data: { params: unknown } };
    vendor.data.params = 42;
    await writeFile(join(dir, 'vendors', 'imagen.json'), JSON.stringify(vendor));
    const rt = await start(dir);
    const codes = Object.fromEntries(rt.view().problems.map((p) => [p.file, [p.code, p.message]]));
    expect(codes['tenant.json']).toEqual(['FILE_TOO_NEW', expect.stringMatching(/newer SAML Harness \(format version 7; this one reads up to 1\).*kept as tenant\.json\.newer-/)]);
    expect(codes['attribute-sets.json']?.[0]).toBe('FILE_WRONG_KIND');
    expect(codes['vendors/imagen.json']).toEqual(['FILE_INVALID', expect.stringMatching(/not valid at data\.params/)]);
    expect(rt.view().vendors.map((v) => v.id)).not.toContain('imagen');
  });
});

describe('atomic writes', () => {
  it('concurrent saves of one file never interleave, and leave no temporary files', async () => {
    const dir = await tempDir();
    const file = join(dir, 'x.json');
    const big = (n: number) => ({ n, filler: 'y'.repeat(200_000) });
    await Promise.all(Array.from({ length: 20 }, (_, n) => writeJsonAtomic(file, big(n))));
    const final = JSON.parse(await readFile(file, 'utf8')) as { n: number; filler: string };
    expect(final.n).toBe(19);
    expect(final.filler.length).toBe(200_000);
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
