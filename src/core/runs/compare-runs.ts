import type { FlowRunView, RunComparison, RunLogEntry } from './model';
import { runClaims } from './run-claims';
import { diffSettings } from './settings-diff';

type Row = RunComparison['rows'][number];

const row = (kind: Row['kind'], name: string, a: string | undefined, b: string | undefined): Row => ({
  kind,
  name,
  ...(a !== undefined ? { a } : {}),
  ...(b !== undefined ? { b } : {}),
  same: a === b,
});

function runRows(a: RunLogEntry, b: RunLogEntry): Row[] {
  const fields: Array<[string, (e: RunLogEntry) => string | undefined]> = [
    ['User', (e) => e.user],
    ['Application', (e) => e.app],
    ['Service provider', (e) => e.sp],
    ['Flow', (e) => e.flow],
    ['Source', (e) => e.source],
    ['Status', (e) => e.status],
    ['Result', (e) => e.result],
    ['Message', (e) => e.message],
  ];
  return fields.map(([name, get]) => row('run', name, get(a), get(b)));
}

function claimRows(a: FlowRunView, b: FlowRunView): Row[] {
  const ca = runClaims(a.result) ?? {};
  const cb = runClaims(b.result) ?? {};
  const names = [...new Set([...Object.keys(ca), ...Object.keys(cb)])].sort();
  return names.map((n) => row('claim', n, ca[n]?.join(', '), cb[n]?.join(', ')));
}

function checkRows(a: FlowRunView, b: FlowRunView): Row[] {
  // A passing check's reason names times and IDs that differ on every run; only a failure's reason is news.
  const status = (r: FlowRunView) => new Map((r.result.report?.checks ?? []).map((c) => [c.id, { title: c.title, text: c.status === 'pass' ? c.status : `${c.status}: ${c.reason}` }]));
  const sa = status(a);
  const sb = status(b);
  const ids = [...new Set([...sa.keys(), ...sb.keys()])];
  return ids.map((id) => row('check', sa.get(id)?.title ?? sb.get(id)?.title ?? id, sa.get(id)?.text, sb.get(id)?.text));
}

/** The set-up each run started from, as its scenario recorded it (no scenario: nothing to compare). */
function settingRows(a: FlowRunView, b: FlowRunView): Row[] {
  if (!a.scenario || !b.scenario) return [];
  const setup = (r: FlowRunView) => ({ app: r.scenario!.app, vendor: r.scenario!.vendor, flow: r.scenario!.flow, clock: r.scenario!.clock });
  return diffSettings(setup(a), setup(b)).map((c) => row('setting', c.path, c.a, c.b));
}

/** Two runs side by side: the run itself, the claims sent, the set-up, and the SP's checks. Identical settings are left out. */
export function compareRuns(a: { entry: RunLogEntry; run: FlowRunView }, b: { entry: RunLogEntry; run: FlowRunView }): RunComparison {
  return {
    a: a.entry,
    b: b.entry,
    rows: [...runRows(a.entry, b.entry), ...claimRows(a.run, b.run), ...settingRows(a.run, b.run), ...checkRows(a.run, b.run)],
  };
}
