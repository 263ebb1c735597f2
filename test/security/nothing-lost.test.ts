import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HarnessRuntime } from '../../src/core/runtime/harness-runtime';
import { handleApiCall } from '../../src/core/runtime/api-handlers';
import { resolveWorkspaceDir } from '../../src/core/workspace/default-dir';
import { WorkspaceStore } from '../../src/core/workspace/store';
import { seedDemoWorkspace } from '../../src/core/demo/demo-workspace';

const WRITER = fileURLToPath(new URL('../support/run-writer.mts', import.meta.url));

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'harness-lost-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Runs sign-ins in a child process and kills it (SIGKILL) as soon as `shown` answers have come back. */
async function killAfterAnswers(ws: string, shown: number): Promise<string[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, ws], { stdio: ['ignore', 'pipe', 'inherit'] });
  const ids: string[] = [];
  let out = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const seen = [...out.matchAll(/shown ([0-9a-f]{16})\n/g)].map((m) => m[1]!);
      if (seen.length >= shown && ids.length === 0) {
        ids.push(...seen);
        child.kill('SIGKILL');
      }
    });
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`writer ended with ${code ?? signal}`))));
  });
  return ids;
}

describe('nothing is lost', () => {
  it('a run that was shown is on disk: kill -9 right after the answer loses none (3 rounds)', async () => {
    for (let round = 1; round <= 3; round++) {
      const ws = join(dir, `killed-${round}`);
      const shown = await killAfterAnswers(ws, round);
      const rt = await HarnessRuntime.open({ dir: ws });
      try {
        const logged = new Set(rt.log.entries().map((e) => e.id));
        for (const id of shown) {
          expect(logged.has(id), `run ${id} of round ${round}`).toBe(true);
          expect((await rt.findRun(id))?.result.outcome.status).toBe('signed-in');
        }
      } finally {
        await rt.close();
      }
    }
  }, 120_000);

  it('"Save as scenario" twice for the same SP keeps both files', async () => {
    const ws = join(dir, 'scenarios');
    const rt = await HarnessRuntime.open({ dir: ws });
    try {
      const run = await rt.runFlow({ vendorId: 'generic', flow: 'sp-initiated', user: 'adele.vance@contoso.com' });
      const exported = (await handleApiCall(rt, 'runs.export', { runId: run.id, format: 'scenario' })) as { ok: true; value: { text: string } };
      const first = (await handleApiCall(rt, 'scenarios.save', { text: exported.value.text })) as { ok: true; value: { saved: string; files: unknown[] } };
      const second = (await handleApiCall(rt, 'scenarios.save', { text: exported.value.text })) as { ok: true; value: { saved: string; files: unknown[] } };
      expect(first.ok && second.ok).toBe(true);
      expect(second.value.saved).not.toBe(first.value.saved);
      expect(second.value.saved).toBe(first.value.saved.replace(/\.json$/, '-2.json'));
      expect(second.value.files).toHaveLength(2);
    } finally {
      await rt.close();
    }
  });

  it('a reset killed halfway comes back with the tenant it had, finished, and says so', async () => {
    const ws = join(dir, 'reset');
    const rt = await HarnessRuntime.open({ dir: ws });
    const tenantId = rt.ws.tenant.id;
    await rt.close();
    // What a reset leaves when it dies between clearing the records and saving the new ones.
    const store = new WorkspaceStore(ws);
    const backup = await store.backup();
    await store.markReset({ tenantId, backup });
    await store.clearRecords();
    const again = await HarnessRuntime.open({ dir: ws });
    try {
      expect(again.ws.tenant.id).toBe(tenantId);
      expect(again.ws.vendors.length).toBeGreaterThan(0);
      expect(again.problems.find((p) => p.code === 'RESET_FINISHED')?.message).toContain(backup);
    } finally {
      await again.close();
    }
    const third = await HarnessRuntime.open({ dir: ws });
    expect(third.ws.tenant.id).toBe(tenantId);
    expect(third.problems.some((p) => p.code === 'RESET_FINISHED')).toBe(false);
    await third.close();
  });

  it('files are not read through a symlink out of the workspace', async () => {
    const ws = join(dir, 'links');
    await (await HarnessRuntime.open({ dir: ws })).close();
    const secret = join(dir, 'secret.json');
    await writeFile(secret, '{"format":"saml-harness/scenario","version":1,"name":"TOP SECRET CONTENT"}');
    await mkdir(join(ws, 'scenarios'), { recursive: true });
    await symlink(secret, join(ws, 'scenarios', 'leak.json'));
    const rt = await HarnessRuntime.open({ dir: ws });
    try {
      const list = (await handleApiCall(rt, 'scenarios.list', {})) as { ok: true; value: Array<{ file: string; problem?: string; name: string }> };
      const leak = list.value.find((f) => f.file === 'leak.json')!;
      expect(leak.problem).toMatch(/leads out of the workspace/);
      expect(JSON.stringify(list.value)).not.toContain('TOP SECRET');
      const run = await handleApiCall(rt, 'scenarios.run', { file: 'leak.json' });
      expect(run).toMatchObject({ ok: false, code: 'OUTSIDE_WORKSPACE' });
    } finally {
      await rt.close();
    }
  });

  it('an empty SAML_HARNESS_WORKSPACE is the same as an unset one, never the current directory', () => {
    const env = { HOME: '/home/someone', XDG_CONFIG_HOME: '/home/someone/.config' };
    expect(resolveWorkspaceDir(undefined, { ...env, SAML_HARNESS_WORKSPACE: '' }, 'linux')).toBe(resolveWorkspaceDir(undefined, env, 'linux'));
    expect(resolveWorkspaceDir(undefined, { ...env, SAML_HARNESS_WORKSPACE: '' }, 'linux')).not.toBe(process.cwd());
  });

  it('a workspace with records but no tenant.json saves the stand-in tenant, so its ID holds at the next start', async () => {
    const ws = join(dir, 'no-tenant');
    const store = new WorkspaceStore(ws);
    const demo = await seedDemoWorkspace(new Date());
    await store.saveAll(demo);
    await rm(join(ws, 'tenant.json'));
    const a = await HarnessRuntime.open({ dir: ws });
    const id = a.ws.tenant.id;
    expect(a.problems.find((p) => p.code === 'TENANT_MISSING')?.message).toContain(id);
    await a.close();
    const b = await HarnessRuntime.open({ dir: ws });
    expect(b.ws.tenant.id).toBe(id);
    await b.close();
  });
});
