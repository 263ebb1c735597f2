import { describe, expect, it } from 'vitest';
import { PRESET_GROUPS } from '../../src/core/scenarios/presets';
import { EXAMPLE_GENERIC } from '../../src/core/scenarios/presets/generic';
import { runScenario } from '../../src/core/scenarios/runner';
import { genericProfile } from '../../src/core/vendors/generic/profile';
import { VENDORS } from '../../src/core/vendors/registry';
import { expectPresetReachesItsCode } from '../support/presets';

const catalogues: Record<string, readonly string[]> = {
  ...Object.fromEntries(Object.values(VENDORS).map((p) => [p.id, Object.keys(p.errors)])),
  generic: Object.keys(genericProfile(EXAMPLE_GENERIC).errors),
};

describe.each(PRESET_GROUPS.filter((g) => g.source !== 'entra').map((g) => [g.source, g] as const))('%s presets', (source, group) => {
  it('there is one for every code of the vendor catalogue', () => {
    expect(group.presets.map((p) => p.code).sort()).toEqual([...catalogues[source]!].sort());
  });

  it('their baseline signs in', async () => {
    expect((await runScenario(group.baseline())).outcome).toEqual({ status: 'signed-in' });
  });

  it.each(group.presets.map((p) => [p.code, p] as const))('%s', async (_code, preset) => {
    await expectPresetReachesItsCode(preset);
  });
});
