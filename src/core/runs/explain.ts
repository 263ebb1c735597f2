import type { FlowResult } from '../flows/flows';
import { PRESET_GROUPS, type Preset } from '../scenarios/presets';
import type { Scenario } from '../scenarios/schema';
import { collisions, type Collision } from './collisions';
import { diffSettings, type SettingChange } from './settings-diff';
import { settingName } from './setting-names';
import { resolveProfile } from '../vendors/registry';

export interface Explanation {
  /** For an error: the values that collided, as sent against as held. */
  collisions: Collision[];
  /** For a preset: what it changed in the working set-up it starts from. */
  changedFromBaseline?: SettingChange[];
}

/** What a scenario sets up, without its name and expectation: what two set-ups are compared on. */
const setupOf = (s: Scenario) => ({ clock: s.clock, tenant: s.tenant, app: s.app, vendor: s.vendor, flow: s.flow });

/** The working set-up a preset changes one thing in; a set-up mistake starts from its vendor's. */
export function presetBaseline(preset: Preset): Scenario | undefined {
  const group = PRESET_GROUPS.find((g) => g.presets.includes(preset)) ?? PRESET_GROUPS.find((g) => g.source === preset.build().vendor.profile);
  return group?.baseline();
}

function spName(scenario: Scenario): string {
  try {
    return resolveProfile(scenario.vendor).displayName;
  } catch {
    return 'The SP';
  }
}

/** Why a scenario's run ended as it did: what collided, and, given the set-up it came from, what changed. */
export function explainRun(result: FlowResult, scenario: Scenario, baseline?: Scenario): Explanation {
  return {
    collisions: collisions(result, scenario),
    ...(baseline
      ? { changedFromBaseline: diffSettings(setupOf(baseline), setupOf(scenario)).map((c) => ({ ...c, label: settingName(c.path, c.b === undefined ? baseline : scenario, spName(scenario)) })) }
      : {}),
  };
}
