import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HarnessRuntime } from '../core/runtime/harness-runtime';
import { resolveWorkspaceDir } from '../core/workspace/default-dir';
import { UsageError } from './usage';

/** A tenant ID to pin must be a GUID, as Entra's are. */
export function pinnedTenantId(value: string): string {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) throw new UsageError(`--tenant-id must be a GUID (as Entra's tenant IDs are), not "${value}"`);
  return value.toLowerCase();
}

/**
 * Runs a command against a workspace: the one named (--workspace, SAML_HARNESS_WORKSPACE), else the user's
 * default one — made with the demo tenant if `create` and it is missing, used if `useDefault` and it exists —
 * or else (and with `sandbox`) a fresh demo workspace that is removed afterwards. Which one is said on stderr.
 */
export async function withRuntime<T>(
  opts: { workspace?: string | undefined; useDefault?: boolean; create?: boolean; sandbox?: boolean; readOnly?: boolean; tenantId?: string | undefined },
  fn: (rt: HarnessRuntime, dir: string) => Promise<T>,
): Promise<T> {
  const chosen = resolveWorkspaceDir(opts.workspace);
  const given = Boolean(opts.workspace || process.env.SAML_HARNESS_WORKSPACE);
  const named = opts.sandbox ? undefined : given || opts.create || (opts.useDefault && existsSync(chosen)) ? chosen : undefined;
  const temp = named ? undefined : await mkdtemp(join(tmpdir(), 'saml-harness-'));
  const rt = await HarnessRuntime.open({ dir: named ?? temp!, ...(opts.readOnly ? { readOnly: true } : {}), ...(opts.tenantId ? { tenantId: pinnedTenantId(opts.tenantId) } : {}) });
  process.stderr.write(
    named ? `saml-harness: workspace ${named}${opts.readOnly ? ' (read only)' : ''}\n` : `saml-harness: a fresh demo workspace${opts.sandbox ? ' (--sandbox)' : ''}, removed afterwards\n`,
  );
  // A file that did not load is said, on stderr, before anything else: the command goes on without it.
  for (const p of rt.problems) process.stderr.write(`saml-harness: workspace ${named ?? 'demo'}: ${p.message}\n`);
  try {
    return await fn(rt, named ?? temp!);
  } finally {
    await rt.close();
    if (temp) await rm(temp, { recursive: true, force: true });
  }
}
