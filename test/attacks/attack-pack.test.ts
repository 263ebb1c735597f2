import { beforeAll, describe, expect, it } from 'vitest';
import { ATTACKS } from '../../src/core/attacks/catalogue';
import { runAttackPack, VICTIM, type AttackPackRun } from '../../src/core/attacks/run-pack';
import { PRESET_GROUPS } from '../../src/core/scenarios/presets';
import { XSW_VARIANTS } from '../../src/core/attacks/xsw';

/** Every shipped vendor profile, set up as its guide says, attacked in its own sandbox. */
const runs: AttackPackRun[] = [];
beforeAll(async () => {
  for (const g of PRESET_GROUPS.filter((x) => x.source !== 'entra')) runs.push(await runAttackPack(g.baseline()));
}, 120_000);

const resultsFor = (id: string) => runs.map((r) => ({ vendor: r.displayName, result: r.results.find((x) => x.id === id)! }));

describe('the attack pack against every shipped vendor profile', () => {
  it('covers XSW1–XSW8, stripping, trust, ambiguity, parsing, replay, time, addressing, algorithm and encryption', () => {
    const ids = ATTACKS.map((a) => a.id);
    for (const v of XSW_VARIANTS) expect(ids).toContain(v);
    expect(new Set(ATTACKS.map((a) => a.category))).toEqual(new Set(['control', 'wrapping', 'stripping', 'trust', 'ambiguity', 'parsing', 'replay', 'time', 'addressing', 'algorithm', 'encryption']));
    expect(runs.map((r) => r.displayName)).toEqual(['ImageKit', 'Cloudinary', 'Hugging Face', 'Imagen', 'Generic SAML SP']);
  });

  // duplicate-attribute is judged by each SP's own stated rule, below.
  const policyBound = new Set(['control', 'duplicate-attribute']);

  it.each(ATTACKS.filter((a) => !policyBound.has(a.id)).map((a) => [a.id, a] as const))('%s is refused by the check that should refuse it, and never signs in the victim', (id) => {
    for (const { vendor, result } of resultsFor(id)) {
      expect(result.error, `${vendor}: ${result.error}`).toBeUndefined();
      expect(result.refused, `${vendor} accepted ${id}`).toBe(true);
      expect(result.expected.length).toBeGreaterThan(0);
      for (const check of result.expected) expect(result.failed, `${vendor}: ${id} should fail ${check}; failed ${result.failed.join(', ')}`).toContain(check);
      expect(result.identity).not.toBe(VICTIM);
      expect(result.vendorAnswer).not.toBe('signed-in');
      expect(result.asExpected).toBe(true);
    }
  });

  it('duplicate-attribute: each SP is held to the rule it states — those that refuse refuse, those that merge accept with a warning row', () => {
    const rules = Object.fromEntries(runs.map((r) => [r.displayName, r.policy.repeatedAttributes]));
    expect(rules).toEqual({ ImageKit: 'refuse', Cloudinary: 'refuse', 'Hugging Face': 'refuse', Imagen: 'merge', 'Generic SAML SP': 'merge' });
    for (const { vendor, result } of resultsFor('duplicate-attribute')) {
      expect(result.error, `${vendor}: ${result.error}`).toBeUndefined();
      expect(result.asExpected, vendor).toBe(true);
      expect(result.identity).not.toBe(VICTIM);
      if (rules[vendor] === 'refuse') {
        expect(result.refused, vendor).toBe(true);
        expect(result.failed).toContain('assertion.attributes');
      } else {
        expect(result.refused, vendor).toBe(false);
        expect(result.warned, vendor).toContain('assertion.attributes');
      }
    }
  });

  it("the control — the untouched response — is accepted by each, so refusals are the attacks' doing", () => {
    for (const { vendor, result } of resultsFor('control')) {
      expect(result.refused, `${vendor}: ${result.reason}`).toBe(false);
      expect(result.identity).toBe(runs.find((r) => r.displayName === vendor)!.attacker);
    }
  });

  it('the attacks bite: a deliberately lax SP signs the victim in for every XSW variant, stripping, a foreign key and comment injection', () => {
    const biting = [...XSW_VARIANTS, 'strip-all', 'untrusted-key', 'comment-in-nameid'];
    for (const id of biting) {
      const naive = resultsFor(id)[0]!.result.naive!;
      expect(naive.accepted, id).toBe(true);
      expect([naive.nameId, ...(naive.otherReadings ?? [])], id).toContain(VICTIM);
    }
  });

  it('what the lax SP accepts, no shipped vendor profile accepts (but where its stated rule for repeated attributes says so)', () => {
    for (const attack of ATTACKS.filter((a) => !policyBound.has(a.id))) {
      for (const { vendor, result } of resultsFor(attack.id)) {
        if (result.naive?.accepted) expect(result.refused, `${vendor} accepted ${attack.id}, as the lax SP does`).toBe(true);
      }
    }
    expect(runs.every((r) => r.passed)).toBe(true);
  });
});
