import { parseArgs } from 'node:util';
import type { AttackPackRun, AttackResult } from '../../core/attacks/run-pack';
import { runAttackPack } from '../../core/attacks/run-pack';
import { PRESET_GROUPS } from '../../core/scenarios/presets';
import { attackWorkspaceVendor } from '../../core/runtime/attack-ops';
import { withRuntime } from '../runtime';
import { term, type Term } from '../term';
import { VENDOR_LIST } from '../vendor-names';
import { UsageError } from '../usage';

export const ATTACK_HELP = `Usage: saml-harness attack [--sp VENDOR]… [--workspace DIR] [--json]

Runs the attack pack — XML signature wrapping XSW1–XSW8, signature stripping, a foreign key, comment injection,
duplicate assertions and attributes, XXE and entity expansion, replay, expired and early responses, wrong
Audience / Destination / Recipient / InResponseTo, SHA-1, encrypted-assertion tampering — against each vendor SP
as its guide sets it up, and shows which check refused each attack and what a naive SP would have done.

Options:
  --sp VENDOR      ${VENDOR_LIST} as their guides set them up, or a
                   service provider of your workspace by its ID (as the workspace sets it up); repeat;
                   default: the five shipped ones
  --workspace DIR  where SPs you defined are (default: yours)
  --json           print the results as JSON

Exit codes: 0 every attack refused by the check that should refuse it, 1 otherwise, 2 bad usage.
`;

const VENDORS = PRESET_GROUPS.filter((g) => g.source !== 'entra');

function line(r: AttackResult, victim: string, t: Term): string {
  const mark = r.asExpected ? t.green('✓') : t.red('✗');
  const verdict = r.error
    ? t.red(`could not run: ${r.error}`)
    : r.refused
      ? `refused by ${r.refusedBy ?? 'the site'}${r.expected.length && r.refusedBy && !r.expected.includes(r.refusedBy) ? t.dim(` (and ${r.expected.join(', ')})`) : ''}`
      : t.green(`accepted as ${r.identity}`);
  const naive = r.naive?.accepted
    ? [r.naive.nameId, ...(r.naive.otherReadings ?? [])].includes(victim)
      ? t.yellow(' · a naive SP signs in the victim')
      : t.dim(` · a naive SP signs in ${r.naive.nameId}`)
    : '';
  return `  ${mark} ${r.title}\n      ${verdict}${naive}`;
}

function format(run: AttackPackRun, t: Term): string {
  const bad = run.results.filter((r) => !r.asExpected).length;
  return [
    t.bold(`${run.displayName} — attacker ${run.attacker}, victim ${run.victim}`),
    ...run.results.map((r) => line(r, run.victim, t)),
    bad ? t.red(`  ${bad} of ${run.results.length} not as they should be`) : t.green(`  all ${run.results.length} as they should be`),
    '',
  ].join('\n');
}

export async function attackCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { sp: { type: 'string', multiple: true, default: [] }, workspace: { type: 'string' }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    process.stdout.write(ATTACK_HELP);
    return 0;
  }
  const shipped = values.sp.length ? VENDORS.filter((g) => values.sp.includes(g.source)) : VENDORS;
  const own = values.sp.filter((s) => !VENDORS.some((g) => g.source === s));
  const runs: AttackPackRun[] = [];
  const show = (run: AttackPackRun) => {
    runs.push(run);
    if (!values.json) process.stdout.write(format(run, term()));
  };
  for (const g of shipped) show(await runAttackPack(g.baseline()));
  if (own.length) {
    await withRuntime({ workspace: values.workspace, useDefault: true, readOnly: true }, async (rt) => {
      const unknown = own.filter((s) => !rt.vendors.has(s));
      if (unknown.length) throw new UsageError(`unknown --sp ${unknown.join(', ')}; choose from ${[...new Set([...VENDORS.map((g) => g.source), ...rt.vendors.keys()])].join(', ')}`);
      for (const id of own) show(await attackWorkspaceVendor(rt, id));
    });
  }
  if (values.json) process.stdout.write(`${JSON.stringify(runs, null, 2)}\n`);
  return runs.every((r) => r.passed) ? 0 : 1;
}
