import { expect } from 'vitest';
import type { Preset } from '../../src/core/scenarios/presets';
import { runScenario } from '../../src/core/scenarios/runner';
import { parseScenario, serializeScenario } from '../../src/core/scenarios/scenario-file';

/** A preset reaches its code; the scenario saved from it reads back identically and replays to the same code. */
export async function expectPresetReachesItsCode(preset: Preset): Promise<void> {
  const scenario = preset.build();
  const first = await runScenario(scenario);
  expect(first.outcome, JSON.stringify(first.outcome)).toMatchObject({ status: 'error' });
  if (first.outcome.status !== 'error') return;
  expect([first.outcome.code, ...first.outcome.also]).toContain(preset.code);
  expect(first.matches).toBe(true);

  const text = serializeScenario(scenario);
  const read = parseScenario(text, `${preset.id}.json`);
  if (!read.ok) throw read.error;
  expect(serializeScenario(read.value)).toBe(text);

  const replay = await runScenario(read.value);
  expect(replay.matches, JSON.stringify(replay.outcome)).toBe(true);
  expect(replay.outcome).toMatchObject({ status: 'error', code: first.outcome.code, source: first.outcome.source });
}
