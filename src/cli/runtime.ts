import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HarnessRuntime } from '../core/runtime/harness-runtime';
import { resolveWorkspaceDir } from '../core/workspace/default-dir';

/**
 * Runs a command against a workspace: the one named, the user's default one if `useDefault` and it exists,
 * or else a fresh demo workspace that is removed afterwards.
 */
export async function withRuntime<T>(opts: { workspace?: string | undefined; useDefault?: boolean; readOnly?: boolean }, fn: (rt: HarnessRuntime, dir: string) => Promise<T>): Promise<T> {
  const chosen = resolveWorkspaceDir(opts.workspace);
  const named = opts.workspace || process.env.SAML_HARNESS_WORKSPACE ? chosen : opts.useDefault && existsSync(chosen) ? chosen : undefined;
  const temp = named ? undefined : await mkdtemp(join(tmpdir(), 'saml-harness-'));
  const rt = await HarnessRuntime.open({ dir: named ?? temp!, ...(opts.readOnly ? { readOnly: true } : {}) });
  // A file that did not load is said, on stderr, before anything else: the command goes on without it.
  for (const p of rt.problems) process.stderr.write(`saml-harness: workspace ${named ?? 'demo'}: ${p.message}\n`);
  try {
    return await fn(rt, named ?? temp!);
  } finally {
    await rt.close();
    if (temp) await rm(temp, { recursive: true, force: true });
  }
}
