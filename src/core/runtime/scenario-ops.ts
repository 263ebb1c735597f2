import { join, basename } from 'node:path';
import { readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { CoreError, err, isCoreError } from '../base/errors';
import { assertInsideWorkspace } from '../workspace/inside';
import { PRESETS, presetById } from '../scenarios/presets';
import { presetView } from '../scenarios/presets/preset-view';
import { explainRun, presetBaseline } from '../runs/explain';
import { runScenario } from '../scenarios/runner';
import { parseScenario, serializeScenario } from '../scenarios/scenario-file';
import { loadScenarioFile, saveScenarioFile, scenarioFileName } from '../scenarios/scenario-files';
import type { Scenario } from '../scenarios/schema';
import type { PresetView, ScenarioFileView, ScenarioRunView } from '../../shared/views';
import type { HarnessRuntime } from './harness-runtime';

/** Where scenario runs are kept and scenario files live: what these operations read of the runtime, and no more. */
export type ScenarioContext = Pick<HarnessRuntime, 'rememberRun' | 'store'>;

let presetViews: PresetView[] | undefined;

export function listPresets(): PresetView[] {
  presetViews ??= PRESETS.map(presetView);
  return presetViews;
}

/**
 * Runs a scenario in its own sandbox (never the workspace) and keeps the run for the UI, with the values that
 * collided when it ended in an error, and, given the working set-up it came from, what it changed in it.
 */
export async function runScenarioView(rt: ScenarioContext, scenario: Scenario, from?: { source: 'reproduced' | 'replayed'; baseline?: Scenario }): Promise<ScenarioRunView> {
  const run = await runScenario(scenario);
  const view = await rt.rememberRun(
    { vendorId: scenario.vendor.profile, flow: run.result.flow, source: from?.source ?? 'replayed', ...(scenario.flow.user ? { user: scenario.flow.user } : {}) },
    run.result,
    scenario,
  );
  return {
    run: view,
    matches: run.matches,
    expected: run.expected,
    outcome: run.outcome,
    scenario,
    text: serializeScenario(scenario),
    fileName: scenarioFileName(scenario),
    // The kept run already carries what collided: the explanation reads it rather than the trace again.
    ...explainRun(view.result, scenario, from?.baseline),
  };
}

export function runPreset(rt: ScenarioContext, id: string): Promise<ScenarioRunView> {
  const preset = presetById(id);
  if (!preset) throw new CoreError('PRESET_NOT_FOUND', `No preset "${id}".`);
  const baseline = presetBaseline(preset);
  return runScenarioView(rt, preset.build(), { source: 'reproduced', ...(baseline ? { baseline } : {}) });
}

export function readScenarioText(text: string, source: string): Scenario {
  const parsed = parseScenario(text, source);
  if (!parsed.ok) throw parsed.error;
  return parsed.value;
}

const scenariosDir = (rt: ScenarioContext) => join(rt.store.dir, 'scenarios');

/** The workspace's scenarios folder; a file that does not load is listed with its problem and left as it is. */
export async function listWorkspaceScenarios(rt: ScenarioContext): Promise<ScenarioFileView[]> {
  let names: string[];
  try {
    names = (await readdir(scenariosDir(rt))).filter((n) => n.endsWith('.json')).sort();
  } catch {
    return [];
  }
  return Promise.all(
    names.map(async (file): Promise<ScenarioFileView> => {
      const loaded = await loadWorkspaceScenario(rt, file);
      if (!loaded.ok) return { file, name: file, description: '', problem: loaded.error.message };
      const s = loaded.value;
      return { file, name: s.name, description: s.description, vendor: s.vendor.profile, expect: s.expect };
    }),
  );
}

/**
 * Saves a scenario in the workspace's scenarios folder under a name no file has yet: a second run of the same SP
 * goes beside the first (name-2.json, name-3.json…), never over it. Returns the name it took.
 */
export async function saveWorkspaceScenario(rt: ScenarioContext, scenario: Scenario, fileName?: string): Promise<{ saved: string; files: ScenarioFileView[] }> {
  const wanted = basename(fileName ?? scenarioFileName(scenario));
  if (!/^[\w.-]+\.json$/.test(wanted)) throw new CoreError('BAD_FILE_NAME', `"${wanted}" is not a scenario file name (letters, digits, dots and dashes, ending in .json).`);
  const stem = wanted.replace(/\.json$/, '');
  let file = wanted;
  for (let n = 2; existsSync(join(scenariosDir(rt), file)); n++) file = `${stem}-${n}.json`;
  await saveScenarioFile(join(scenariosDir(rt), file), scenario);
  return { saved: file, files: await listWorkspaceScenarios(rt) };
}

/** A scenario file of the workspace, read only where it really is inside the workspace. */
async function loadWorkspaceScenario(rt: ScenarioContext, file: string) {
  const path = join(scenariosDir(rt), basename(file));
  try {
    await assertInsideWorkspace(rt.store.dir, path);
  } catch (e) {
    return err(isCoreError(e) ? e : new CoreError('READ_FAILED', `scenarios/${basename(file)}: ${(e as Error).message}`));
  }
  return loadScenarioFile(path);
}

export async function runWorkspaceScenario(rt: ScenarioContext, file: string): Promise<ScenarioRunView> {
  const loaded = await loadWorkspaceScenario(rt, file);
  if (!loaded.ok) throw loaded.error;
  return runScenarioView(rt, loaded.value);
}
