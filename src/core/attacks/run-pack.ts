import { generateSelfSignedCertificate } from '../crypto/generate';
import { openSandbox } from '../scenarios/sandbox';
import type { Scenario } from '../scenarios/schema';
import type { SpPolicy } from '../sp/model';
import type { CheckId } from '../sp/report';
import { ATTACKS, type Attack, type AttackCategory } from './catalogue';
import { AttackKit } from './kit';
import { naiveSp, type NaiveVerdict } from './naive-sp';

export interface AttackResult {
  id: string;
  title: string;
  category: AttackCategory;
  /** The checks that must each refuse it; empty: it must be accepted. */
  expected: CheckId[];
  refused: boolean;
  /** The first check that refused it, in report order, and its reason. */
  refusedBy?: CheckId;
  reason?: string;
  /** Every check that refused it. */
  failed: CheckId[];
  /** Every check that accepted it with a warning (an SP that merges repeated attributes says so). */
  warned: CheckId[];
  /** What the vendor answered: its code, or signed-in. */
  vendorAnswer: string;
  /** The NameID the SP signed in, when its SAML checks accepted the response. */
  identity?: string;
  asExpected: boolean;
  /** What a naive SP makes of the same forgery: whether the attack bites at all. */
  naive?: NaiveVerdict;
  /** The forgery could not be built (or posted) here. */
  error?: string;
}

export interface AttackPackRun {
  vendor: string;
  displayName: string;
  attacker: string;
  victim: string;
  /** The SP's policy the attacks were judged by (its rule for repeated attributes among others). */
  policy: SpPolicy;
  results: AttackResult[];
  /** Every attack refused by the check that should, the control accepted, and no forged identity anywhere. */
  passed: boolean;
}

export const VICTIM = 'alex.wilber@contoso.com';

async function runOne(attack: Attack, kit: AttackKit): Promise<AttackResult> {
  const expected = attack.refusedBy(kit.policy);
  const base = { id: attack.id, title: attack.title, category: attack.category, expected };
  try {
    const forged = await attack.forge(kit);
    let posted = await kit.post(forged.xml);
    if (forged.postTwice) posted = await kit.post(forged.xml);
    const record = posted.record;
    const report = record?.report;
    const refused = !report?.ok;
    const refusedBy = report?.failure?.id;
    const failed = report?.checks.filter((c) => c.status === 'fail' && !c.informational).map((c) => c.id) ?? [];
    const identity = report?.ok ? report.identity?.nameId : undefined;
    const vendorAnswer = !record ? `HTTP ${posted.status}` : record.outcome.kind === 'signed-in' ? 'signed-in' : record.outcome.code;
    const naiveForgery = attack.forgeForNaive ? await attack.forgeForNaive(kit) : forged;
    const warned = report?.checks.filter((c) => c.status === 'warn').map((c) => c.id) ?? [];
    const mustWarn = attack.warnedBy?.(kit.policy) ?? [];
    const asExpected = expected.length === 0 ? !refused && mustWarn.every((c) => warned.includes(c)) : refused && expected.every((c) => failed.includes(c)) && identity !== kit.victim;
    return {
      ...base,
      refused,
      failed,
      warned,
      vendorAnswer,
      asExpected,
      naive: naiveSp(naiveForgery.xml),
      ...(refusedBy ? { refusedBy, reason: report!.failure!.reason } : {}),
      ...(identity ? { identity } : {}),
    };
  } catch (e) {
    return { ...base, refused: false, failed: [], warned: [], vendorAnswer: '—', asExpected: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * Runs every attack against one SP, set up as the scenario says (its vendor profile and settings, the app as
 * configured), in a sandbox of its own. The scenario's user is the attacker; the victim is an admin.
 */
export async function runAttackPack(scenario: Scenario, opts: { only?: readonly string[] } = {}): Promise<AttackPackRun> {
  const spEncryption = await generateSelfSignedCertificate({ now: new Date(), subject: 'CN=sp encryption' });
  const { box, refused } = await openSandbox(scenario, { spEncryption });
  try {
    if (refused) throw new Error(`the SP's set-up was refused: ${refused.code} ${refused.message}`);
    const attacker = scenario.flow.user ?? 'adele.vance@contoso.com';
    const kit = new AttackKit(box, attacker, VICTIM, await generateSelfSignedCertificate({ now: new Date(), subject: 'CN=Microsoft Azure Federated SSO Certificate' }), spEncryption.certificatePem);
    const attacks = ATTACKS.filter((a) => !opts.only || opts.only.includes(a.id));
    const results: AttackResult[] = [];
    for (const a of attacks) results.push(await runOne(a, kit));
    return { vendor: box.vendor.profile.id, displayName: box.vendor.profile.displayName, attacker, victim: VICTIM, policy: kit.policy, results, passed: results.every((r) => r.asExpected) };
  } finally {
    await box.stop();
  }
}
