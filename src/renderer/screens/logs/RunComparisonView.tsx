import { useState } from 'react';
import type { RunComparison } from '../../../shared/views';
import { when } from '../../lib/when';

const KIND: Record<RunComparison['rows'][number]['kind'], string> = { run: 'Run', claim: 'Claims sent', setting: 'Set-up', check: "SP's checks" };
const label = (e: RunComparison['a']) => `${when(e.at)} · ${e.user ?? e.sp} · ${e.result}`;

/** Two runs side by side, grouped by what differs: the run, the claims, the set-up, the SP's checks. */
export function RunComparisonView({ comparison, onClose }: { comparison: RunComparison; onClose: () => void }) {
  const [onlyDiffs, setOnlyDiffs] = useState(true);
  const rows = comparison.rows.filter((r) => !onlyDiffs || !r.same);
  const differing = comparison.rows.filter((r) => !r.same).length;
  return (
    <section className="panel" aria-labelledby="comparison-title" data-testid="run-comparison">
      <div className="row" style={{ justifyContent: 'space-between', alignItems: 'center' }}>
        <h2 id="comparison-title" style={{ margin: 0 }}>
          Two runs compared{' '}
          <span className="muted">
            · {differing} difference{differing === 1 ? '' : 's'}
          </span>
        </h2>
        <div className="row">
          <label className="check">
            <input type="checkbox" checked={onlyDiffs} onChange={(e) => setOnlyDiffs(e.target.checked)} /> Only what differs
          </label>
          <button className="btn" onClick={onClose}>
            Close comparison
          </button>
        </div>
      </div>
      <div className="table-scroll">
        <table className="compare-table">
          <thead>
            <tr>
              <th>What</th>
              <th>Name</th>
              <th>A: {label(comparison.a)}</th>
              <th>B: {label(comparison.b)}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.kind}/${r.name}`} data-kind={r.kind} data-same={String(r.same)} className={r.same ? undefined : 'differs'}>
                <td className="muted">{KIND[r.kind]}</td>
                <td className="mono wrap">{r.name}</td>
                <td className="mono wrap">{r.a ?? <span className="muted">(none)</span>}</td>
                <td className="mono wrap">{r.b ?? <span className="muted">(none)</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
