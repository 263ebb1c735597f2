import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { CoreError, err, type Result } from '../errors';
import { writeFileAtomic } from '../workspace/atomic-write';
import { parseScenario, serializeScenario } from './scenario-file';
import type { Scenario } from './schema';

/** Scenario files named on a command line: files as given, folders searched for *.json (sorted, recursively). */
export async function findScenarioFiles(paths: readonly string[]): Promise<Result<string[]>> {
  const out: string[] = [];
  for (const p of paths) {
    const full = resolve(p);
    let info;
    try {
      info = await stat(full);
    } catch {
      return err(new CoreError('NOT_FOUND', `${p}: no such file or folder`));
    }
    if (info.isDirectory()) out.push(...(await jsonFilesIn(full)));
    else out.push(full);
  }
  return { ok: true, value: out };
}

async function jsonFilesIn(dir: string): Promise<string[]> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
  const nested = await Promise.all(entries.map(async (e) => (e.isDirectory() ? jsonFilesIn(join(dir, e.name)) : e.name.endsWith('.json') ? [join(dir, e.name)] : [])));
  return nested.flat();
}

export async function loadScenarioFile(path: string): Promise<Result<Scenario>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    return err(new CoreError('READ_FAILED', `${path}: ${(e as Error).message}`));
  }
  return parseScenario(text, path);
}

/** Written atomically: a scenario is never left half-written. */
export function saveScenarioFile(path: string, s: Scenario): Promise<void> {
  return writeFileAtomic(path, serializeScenario(s));
}

/** A file name for a scenario: its name, lower-case, with dashes. */
export function scenarioFileName(s: Pick<Scenario, 'name'>): string {
  return `${s.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'scenario'}.json`;
}
