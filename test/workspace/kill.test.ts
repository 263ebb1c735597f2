import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WorkspaceStore } from '../../src/core/workspace/store';

const WRITER = fileURLToPath(new URL('../support/kill-writer.mts', import.meta.url));
const ROUNDS = Number(process.env.KILL_ROUNDS ?? 12);
// The kill moments come from a seed, printed, so a failing run can be run again as it was: KILL_SEED=<seed>.
const SEED = Number(process.env.KILL_SEED ?? Date.now() % 2 ** 31);

/** A small seeded generator (mulberry32): the same seed, the same kill moments. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Starts the writer, lets it save for a random while, kills it with SIGKILL; says the last generation it finished. */
async function killMidWrite(dir: string, afterMs: number): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  let last = -1;
  let out = '';
  let armed = false;
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = [...out.matchAll(/saved (\d+)\n/g)].at(-1);
      if (m) last = Number(m[1]);
      if (last >= 0 && !armed) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), afterMs);
      }
    });
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`writer ended with ${code ?? signal}`))));
  });
  return last;
}

const generationOf = (s: string | undefined) => Number(/^generation (\d+)$/.exec(s ?? '')?.[1] ?? NaN);

describe('no lost data: a process killed while it writes', () => {
  it(
    `leaves a workspace that loads, every file the old or the new content (${ROUNDS} kills at random moments)`,
    async () => {
      process.stdout.write(`kill test: KILL_SEED=${SEED}\n`);
      const random = seeded(SEED);
      for (let round = 0; round < ROUNDS; round++) {
        const dir = await mkdtemp(join(tmpdir(), 'harness-kill-'));
        try {
          const last = await killMidWrite(dir, Math.floor(random() * 250));
          const loaded = await new WorkspaceStore(dir).load();
          expect(loaded.problems, `round ${round} (KILL_SEED=${SEED}): ${JSON.stringify(loaded.problems)}`).toEqual([]);
          expect(loaded.fresh).toBe(false);
          const generations = [
            generationOf(loaded.workspace.tenant?.displayName),
            ...loaded.workspace.apps.map((a) => generationOf(a.displayName)),
            generationOf(loaded.workspace.attributeSets?.[0]?.description),
          ];
          for (const g of generations) {
            // The last generation it reported, or the one it was writing when it died: never a torn file.
            expect(g === last || g === last + 1, `round ${round}: generation ${g} after "saved ${last}"`).toBe(true);
          }
          expect(loaded.workspace.apps).toHaveLength(5);
          const leftovers = (await readdir(dir)).filter((f) => f.endsWith('.tmp'));
          expect(leftovers.every((f) => f.startsWith('.'))).toBe(true);
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      }
    },
    120_000 + ROUNDS * 5_000,
  );
});
