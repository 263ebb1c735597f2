import { readFile } from 'node:fs/promises';
import { CoreError, err, type Result } from '../base/errors';
import { writeFileAtomic } from '../workspace/atomic-write';
import { parseScenario, serializeScenario } from './scenario-file';
import type { Scenario } from './schema';

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
  return `${
    s.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'scenario'
  }.json`;
}
