import { useCallback, useEffect } from 'react';
import { useRevealed } from '../lib/use-revealed';
import { useLog } from '../state/log-store';
import { useUi } from '../state/ui-store';
import { RunResult } from '../components/RunResult';
import { LogFilters } from './logs/LogFilters';
import { LogTable } from './logs/LogTable';
import { RunComparisonView } from './logs/RunComparisonView';
import type { RunLogFilter } from '../../shared/views';
import { when } from '../lib/when';

/** Entra's Sign-in logs for the harness: every run of this workspace, to filter, open, compare and export. */
export function SignInLogsScreen({ id }: { id?: string }) {
  const { filter, page, picked, open, comparison, setFilter, load, more, pick, openRun, compare, closeComparison } = useLog();
  const go = useUi((s) => s.go);
  useEffect(() => void load(), [load]);
  useEffect(() => void openRun(id), [id, openRun]);
  // A run filtered out of the list is closed too: it would otherwise stay open under a list that no longer has it.
  const onFilter = useCallback(
    (f: RunLogFilter) =>
      void setFilter(f).then(() => {
        if (id && !useLog.getState().page?.entries.some((e) => e.id === id)) go({ screen: 'logs' });
      }),
    [setFilter, id, go],
  );
  const runRef = useRevealed<HTMLElement>(open?.id);
  const cmpRef = useRevealed<HTMLDivElement>(comparison);
  const shownRun = id && open?.id === id ? open : undefined;
  return (
    <>
      <h1>Sign-in logs</h1>
      <p className="subtitle">
        Every run in this workspace, newest first: from the Run screen, the CLI and the Node API, reproduced errors, replayed scenarios and your own SP. Kept in the workspace (runs/), the newest
        10,000.
      </p>
      <LogFilters filter={filter} facets={page?.facets} onChange={onFilter} />
      {page?.problem ? (
        <p className="inline-error" role="alert">
          {page.problem}
        </p>
      ) : null}
      <section className="panel" aria-label="Sign-ins">
        <div className="row" style={{ justifyContent: 'space-between', marginBottom: 8 }}>
          <p className="muted" role="status" style={{ margin: 0 }} data-testid="log-count">
            {page
              ? page.total === 0
                ? 'No runs yet: run a flow, reproduce an error or replay a scenario.'
                : `${page.entries.length} shown of ${page.matched} matching · ${page.total} in the log`
              : 'Reading the log…'}
          </p>
          <button className="btn primary" disabled={picked.length !== 2} onClick={() => void compare()}>
            {picked.length === 2 ? 'Compare the two runs' : `Tick two runs to compare (${picked.length} ticked)`}
          </button>
        </div>
        {page?.entries.length ? <LogTable entries={page.entries} picked={picked} openId={shownRun?.id} onOpen={(runId) => go({ screen: 'logs', id: runId })} onPick={pick} /> : null}
        {page && page.entries.length < page.matched ? (
          <button className="btn" style={{ marginTop: 8 }} onClick={() => void more()}>
            Show 100 more
          </button>
        ) : null}
      </section>
      {comparison ? (
        <div ref={cmpRef} tabIndex={-1}>
          <RunComparisonView comparison={comparison} onClose={closeComparison} />
        </div>
      ) : null}
      {shownRun ? (
        <section ref={runRef} tabIndex={-1} aria-labelledby="log-run-title" data-testid="log-run">
          <h2 id="log-run-title">
            Run of {when(shownRun.result.startedAt)} · {shownRun.request.user ?? shownRun.vendorId} ·{' '}
            {shownRun.result.outcome.status === 'error' ? shownRun.result.outcome.code : shownRun.result.outcome.status}
          </h2>
          <RunResult run={shownRun} />
        </section>
      ) : null}
    </>
  );
}
