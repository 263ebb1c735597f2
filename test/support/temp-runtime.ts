import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HarnessRuntime, type RuntimeOptions } from '../../src/core/runtime/harness-runtime';

/** The runtime on a fresh demo workspace in a temporary folder; close() stops it and removes the folder. */
export async function openTempRuntime(opts: Omit<RuntimeOptions, 'dir'> = {}): Promise<{ rt: HarnessRuntime; dir: string; close(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'harness-rt-'));
  const rt = await HarnessRuntime.open({ dir, ...opts });
  return {
    rt,
    dir,
    close: async () => {
      await rt.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
