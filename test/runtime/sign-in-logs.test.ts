import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { appendFile, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HarnessRuntime } from '../../src/core/runtime/harness-runtime';
import { handleApiCall } from '../../src/core/runtime/api-handlers';
import { listPresets } from '../../src/core/runtime/scenario-ops';
import type { ApiArgs, ApiMethod, ApiResults } from '../../src/shared/api';

let dir: string;
let rt: HarnessRuntime;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'harness-log-'));
  rt = await HarnessRuntime.open({ dir });
});
afterEach(async () => {
  await rt.close();
  await rm(dir, { recursive: true, force: true });
});

const ADELE = 'adele.vance@contoso.com';
const MEGAN = 'megan.bowen@contoso.com';

async function call<M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<ApiResults[M]> {
  const r = await handleApiCall(rt, method, args);
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.value as ApiResults[M];
}

const preset50011 = () => listPresets().find((p) => p.code === 'AADSTS50011')!.id;

describe('the sign-in logs', () => {
  it('log every run with who, what, how it ended and where it came from, and survive a restart', async () => {
    const ok = await rt.runFlow({ vendorId: 'cloudinary', flow: 'idp-initiated', user: ADELE });
    await rt.runFlow({ vendorId: 'imagekit', flow: 'sp-initiated', user: MEGAN });
    const reproduced = await call('presets.run', { id: preset50011() });
    await rt.close();

    rt = await HarnessRuntime.open({ dir });
    const page = await call('runs.query', {});
    expect(page.total).toBe(3);
    expect(page.entries.map((e) => e.source)).toEqual(['reproduced', 'run', 'run']);
    const [latest, , first] = page.entries;
    expect(latest).toMatchObject({ id: reproduced.run.id, status: 'failure', result: 'AADSTS50011' });
    expect(first).toMatchObject({ id: ok.id, user: ADELE, sp: 'Cloudinary', flow: 'idp-initiated', status: 'success', result: 'signed-in' });
    expect(first!.app).toBe(rt.app(rt.entry('cloudinary').appObjectId!).displayName);
    expect(first!.durationMs).toBe(ok.result.durationMs);

    // Opened after the restart: the whole run, read back from its file.
    const back = await call('runs.get', { runId: ok.id });
    expect(back.result.hops.length).toBe(ok.result.hops.length);
    expect(back.result.report?.identity?.nameId).toBe(ok.result.report?.identity?.nameId);
    // The HAR holds each page as the browser got it, as a browser's export does.
    const har = JSON.parse((await call('runs.export', { runId: ok.id, format: 'har' })).text) as { log: { entries: Array<{ response: { content: { text?: string } } }> } };
    expect(har.log.entries.at(-1)!.response.content.text).toContain(`Welcome, ${ADELE}`);
    expect((await call('runs.export', { runId: reproduced.run.id, format: 'scenario' })).text).toContain('AADSTS50011');
  });

  it('filter by status, app, user, code, source and words', async () => {
    await rt.runFlow({ vendorId: 'cloudinary', flow: 'idp-initiated', user: ADELE });
    await rt.runFlow({ vendorId: 'huggingface', flow: 'idp-initiated', user: MEGAN });
    await call('presets.run', { id: preset50011() });
    const cloudinaryApp = rt.app(rt.entry('cloudinary').appObjectId!).displayName;

    expect((await call('runs.query', { status: 'failure' })).entries.map((e) => e.result)).toEqual(['AADSTS50011']);
    expect((await call('runs.query', { app: cloudinaryApp })).entries.map((e) => e.user)).toEqual([ADELE]);
    expect((await call('runs.query', { user: MEGAN.toUpperCase() })).matched).toBe(1);
    expect((await call('runs.query', { code: 'aadsts50011' })).matched).toBe(1);
    expect((await call('runs.query', { source: 'run' })).matched).toBe(2);
    expect((await call('runs.query', { text: 'hugging megan' })).matched).toBe(1);
    expect((await call('runs.query', { text: 'nothing-like-this' })).matched).toBe(0);
    const all = await call('runs.query', { limit: 1, offset: 1 });
    expect([all.total, all.matched, all.entries.length]).toEqual([3, 3, 1]);
    expect(all.facets.codes).toEqual(['AADSTS50011']);
    expect(all.facets.users).toEqual([ADELE, MEGAN]);
  });

  it('keep a bounded number, pruning the oldest runs and their files', async () => {
    await rt.close();
    rt = await HarnessRuntime.open({ dir, runLog: { max: 3 } });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await rt.runFlow({ vendorId: 'cloudinary', flow: 'idp-initiated', user: ADELE })).id);
    await rt.log.flush();
    const kept = (await call('runs.query', {})).entries.map((e) => e.id);
    expect(kept).toEqual(ids.slice(2).reverse());
    const files = (await readdir(join(dir, 'runs'))).filter((f) => f.endsWith('.json.gz')).sort();
    expect(files).toEqual(
      ids
        .slice(2)
        .map((id) => `${id}.json.gz`)
        .sort(),
    );
    expect((await readFile(join(dir, 'runs', 'index.jsonl'), 'utf8')).trim().split('\n')).toHaveLength(3);
    await expect(handleApiCall(rt, 'runs.get', { runId: ids[0]! })).resolves.toMatchObject({ ok: false, code: 'RUN_NOT_FOUND' });
  });

  it('skip a line that does not read (a crash mid-append), keep the old index aside, say so, and go on', async () => {
    await rt.runFlow({ vendorId: 'cloudinary', flow: 'idp-initiated', user: ADELE });
    await rt.close();
    await appendFile(join(dir, 'runs', 'index.jsonl'), '{"id":"0123456789abcdef","at":"2026-');
    rt = await HarnessRuntime.open({ dir });
    const page = await call('runs.query', {});
    expect(page.total).toBe(1);
    expect(page.problem).toMatch(/^1 line\(s\) of runs\/index\.jsonl could not be read; the file was kept as runs\/index\.jsonl\.corrupt-\d{8}T\d{6}Z/);
    const kept = (await readdir(join(dir, 'runs'))).find((f) => f.startsWith('index.jsonl.corrupt-'))!;
    expect(await readFile(join(dir, 'runs', kept), 'utf8')).toMatch(/"at":"2026-$/);
    // The torn line does not swallow the next run: both read after another restart, and nothing is wrong.
    await rt.runFlow({ vendorId: 'cloudinary', flow: 'idp-initiated', user: MEGAN });
    await rt.close();
    rt = await HarnessRuntime.open({ dir });
    const after = await call('runs.query', {});
    expect(after.entries.map((e) => e.user)).toEqual([MEGAN, ADELE]);
    expect(after.problem).toBeUndefined();
  });

  it('compare two runs: the claims, the set-up and the checks that differ', async () => {
    const adele = await rt.runFlow({ vendorId: 'cloudinary', flow: 'idp-initiated', user: ADELE });
    const app = rt.app(rt.entry('cloudinary').appObjectId!);
    app.saml.relayState = 'https://console.cloudinary.com/console/media_library';
    await rt.saveApp(app.objectId);
    const megan = await rt.runFlow({ vendorId: 'cloudinary', flow: 'idp-initiated', user: MEGAN });
    const cmp = await call('runs.compare', { a: adele.id, b: megan.id });
    const row = (kind: string, name: string) => cmp.rows.find((r) => r.kind === kind && r.name === name);
    expect(row('run', 'User')).toMatchObject({ a: ADELE, b: MEGAN, same: false });
    expect(row('run', 'Status')).toMatchObject({ a: 'success', b: 'success', same: true });
    expect(row('claim', 'NameID')).toMatchObject({ a: ADELE, b: MEGAN, same: false });
    expect(row('setting', 'app.saml.relayState')).toMatchObject({ b: 'https://console.cloudinary.com/console/media_library', same: false });
    expect(cmp.rows.filter((r) => r.kind === 'check').every((r) => r.same)).toBe(true);
  });

  it('stay in memory when the log is off', async () => {
    await rt.close();
    rt = await HarnessRuntime.open({ dir, runLog: false });
    await rt.runFlow({ vendorId: 'cloudinary', flow: 'idp-initiated', user: ADELE });
    await rt.log.flush();
    expect(existsSync(join(dir, 'runs'))).toBe(false);
    expect((await call('runs.query', {})).total).toBe(1);
  });
});
