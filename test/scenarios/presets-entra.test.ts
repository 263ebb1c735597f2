import { describe, expect, it } from 'vitest';
import { AADSTS } from '../../src/core/idp/aadsts';
import { PRESET_GROUPS } from '../../src/core/scenarios/presets';
import { runScenario } from '../../src/core/scenarios/runner';
import { expectPresetReachesItsCode } from '../support/presets';

const entra = PRESET_GROUPS.find((g) => g.source === 'entra')!;

describe('Entra presets', () => {
  it('there is one for every AADSTS code the tenant emulates', () => {
    expect(entra.presets.map((p) => p.code).sort()).toEqual(
      Object.keys(AADSTS)
        .map((c) => `AADSTS${c}`)
        .sort(),
    );
  });

  it('their baseline signs in', async () => {
    expect((await runScenario(entra.baseline())).outcome).toEqual({ status: 'signed-in' });
  });

  it.each(entra.presets.map((p) => [p.code, p] as const))('%s', async (_code, preset) => {
    await expectPresetReachesItsCode(preset);
  });
});
