import { useState } from 'react';
import type { AttackPackRun, AttackResult } from '../../shared/views';
import { useWorkspace } from '../state/workspace-store';
import { VendorSelect } from '../components/VendorSelect';

function NaiveCell({ r, victim }: { r: AttackResult; victim: string }) {
  const n = r.naive;
  if (!n) return <span className="muted">—</span>;
  if (!n.accepted) return <span className="muted">refuses it ({n.why})</span>;
  const bites = [n.nameId, ...(n.otherReadings ?? [])].includes(victim);
  return bites ? <span className="warn">signs in the victim</span> : <span className="muted">signs in {n.nameId}</span>;
}

function ResultRow({ r, victim }: { r: AttackResult; victim: string }) {
  return (
    <tr data-attack={r.id} data-as-expected={String(r.asExpected)}>
      <td>
        <span className={r.asExpected ? 'pass' : 'fail'} aria-label={r.asExpected ? 'as it should be' : 'not as it should be'}>
          {r.asExpected ? '✓' : '✗'}
        </span>
      </td>
      <td>
        <strong>{r.title}</strong>
        <div className="muted">{r.category}</div>
      </td>
      <td data-testid="refused-by">
        {r.error ? (
          <span className="fail">could not run: {r.error}</span>
        ) : r.refused ? (
          <>
            <code>{r.refusedBy ?? 'the site'}</code>
            {r.failed.length > 1 ? <div className="muted">also {r.failed.filter((c) => c !== r.refusedBy).join(', ')}</div> : null}
            {r.reason ? <div className="muted small">{r.reason}</div> : null}
          </>
        ) : (
          <>
            <span className={r.expected.length ? 'fail' : 'pass'}>accepted as {r.identity}</span>
            {r.warned.length ? <div className="warn small">with a warning: {r.warned.join(', ')} (the SP's stated rule)</div> : null}
          </>
        )}
      </td>
      <td className="mono">{r.expected.join(', ') || 'accepted'}</td>
      <td>{r.vendorAnswer}</td>
      <td>
        <NaiveCell r={r} victim={victim} />
      </td>
    </tr>
  );
}

/** Every attack in the pack against one vendor SP as the workspace sets it up, and the check that refused it. */
export function AttacksScreen() {
  const { view, call } = useWorkspace();
  const [vendorId, setVendorId] = useState(view!.vendors[0]?.id ?? '');
  const [run, setRun] = useState<AttackPackRun | undefined>();
  const [running, setRunning] = useState(false);
  const go = async () => {
    setRunning(true);
    try {
      setRun(await call('attacks.run', { vendorId }));
    } finally {
      setRunning(false);
    }
  };
  const bad = run?.results.filter((r) => !r.asExpected).length ?? 0;
  return (
    <>
      <h1>Attack pack</h1>
      <p className="subtitle">
        Forged responses against a vendor SP as your workspace sets it up, posted to its ACS in a sandbox: each must be refused by the check that guards against it. The last column is what a
        deliberately lax SP would have done — the attack is real.
      </p>
      <section className="panel row" aria-label="Target" style={{ alignItems: 'end' }}>
        <VendorSelect name="attack-vendor" value={vendorId} onChange={setVendorId} width={240} />
        <button className="btn primary" style={{ marginBottom: 10 }} onClick={() => void go()} disabled={running}>
          {running ? 'Attacking…' : 'Run the attack pack'}
        </button>
      </section>
      {run ? (
        <section className="panel" aria-label="Results" data-testid="attack-results" data-passed={String(run.passed)}>
          <h2 style={{ marginTop: 0 }} className={bad ? 'fail' : 'pass'}>
            {bad
              ? `${bad} of ${run.results.length} attacks not handled as they should be`
              : `All ${run.results.length} handled as they should be: ${run.results.length - 1} refused, the control accepted`}
          </h2>
          <p className="muted">
            Attacker {run.attacker} (a genuine account of the tenant), victim {run.victim}.
          </p>
          <div className="table-scroll">
            <table className="attacks">
              <thead>
                <tr>
                  <th />
                  <th>Attack</th>
                  <th>Refused by</th>
                  <th>Must be refused by</th>
                  <th>{run.displayName} answers</th>
                  <th>A lax SP</th>
                </tr>
              </thead>
              <tbody>
                {run.results.map((r) => (
                  <ResultRow key={r.id} r={r} victim={run.victim} />
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </>
  );
}
