import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { CoreError, err, type Result } from '../core/base/errors';

/** Scenario files named on a command line: files as given, folders searched for *.json (sorted, recursively). */
export function findScenarioFiles(paths: readonly string[]): Promise<Result<string[]>> {
  return findFilesIn(paths, (name) => name.endsWith('.json'));
}

/** Files named on a command line: files as given, folders searched (sorted, recursively) for names that match. */
export async function findFilesIn(paths: readonly string[], matches: (name: string) => boolean): Promise<Result<string[]>> {
  const out: string[] = [];
  for (const p of paths) {
    const full = resolve(p);
    let info;
    try {
      info = await stat(full);
    } catch {
      return err(new CoreError('NOT_FOUND', `${p}: no such file or folder`));
    }
    if (info.isDirectory()) out.push(...(await filesIn(full, matches)));
    else out.push(full);
  }
  return { ok: true, value: out };
}

async function filesIn(dir: string, matches: (name: string) => boolean): Promise<string[]> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
  const nested = await Promise.all(entries.map(async (e) => (e.isDirectory() ? filesIn(join(dir, e.name), matches) : matches(e.name) ? [join(dir, e.name)] : [])));
  return nested.flat();
}

const ARTEFACT = /\.(har|json|xml|txt|b64|saml)$/i;

/** Artefacts named on the command line: files as given, folders searched for HAR, JSON, XML and text files. */
export function findArtefactFiles(paths: readonly string[]): Promise<Result<string[]>> {
  return findFilesIn(paths, (name) => ARTEFACT.test(name));
}
