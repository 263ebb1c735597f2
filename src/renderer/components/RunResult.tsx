import { useState } from 'react';
import type { FlowRunView, ProvisioningDiff } from '../../shared/views';
import { Checklist } from './Checklist';
import { DiffView } from './DiffView';
import { OutcomePanel } from '../screens/run/OutcomePanel';
import { TraceView } from '../screens/run/TraceView';
import { RunActions } from './RunActions';
import { Storyboard } from '../screens/run/Storyboard';

/** Entra's reading of the AuthnRequest an outside SP sent (the SP's own checks are the SP's). */
function AuthnRequestPanel({ finding }: { finding: NonNullable<FlowRunView['result']['authnRequest']> }) {
  return (
    <section className="panel" aria-label="AuthnRequest as Entra reads it" data-testid="authn-request">
      <h2 style={{ marginTop: 0 }}>
        AuthnRequest <span className="mono">{finding.id}</span> {finding.entra.ok ? <span className="badge pass">Entra takes it</span> : <span className="badge fail">{finding.entra.code}</span>}
      </h2>
      <p className="muted">
        From {finding.issuer ?? '(no Issuer)'}
        {finding.acsUrl ? ` · answers to ${finding.acsUrl}` : ''}
      </p>
      {finding.entra.ok ? null : <p>{finding.entra.message}</p>}
    </section>
  );
}

/** A finished run: how it ended, the page, the provisioning diff, the SP's report and the trace; or its storyboard. */
export function RunResult({ run }: { run: FlowRunView }) {
  const [view, setView] = useState<'result' | 'storyboard'>('result');
  const pages = run.result.hops.filter((h) => h.body !== undefined).length;
  return (
    <>
      <RunActions run={run} />
      <div className="tabs" role="tablist" aria-label="How to show the run">
        <button role="tab" aria-selected={view === 'result'} onClick={() => setView('result')}>
          Result and trace
        </button>
        <button role="tab" aria-selected={view === 'storyboard'} onClick={() => setView('storyboard')} disabled={pages === 0}>
          Storyboard ({pages} page{pages === 1 ? '' : 's'})
        </button>
      </div>
      {view === 'storyboard' ? <Storyboard run={run} /> : <ResultAndTrace run={run} />}
    </>
  );
}

function ResultAndTrace({ run }: { run: FlowRunView }) {
  const o = run.result.outcome;
  const diff = o.status === 'signed-in' ? (o.details?.diff as ProvisioningDiff | undefined) : undefined;
  const report = run.result.report;
  return (
    <>
      <OutcomePanel run={run} />
      <div className="split" data-testid="run-result">
        <div>
          {diff ? <DiffView diff={diff} /> : null}
          {run.result.authnRequest ? <AuthnRequestPanel finding={run.result.authnRequest} /> : null}
          {report ? (
            <section className="panel" aria-label="Validation report" data-testid="report" data-ok={String(report.ok)}>
              <h2 style={{ marginTop: 0 }}>SAML checks {report.ok ? <span className="badge pass">all passed</span> : <span className="badge fail">failed: {report.failure?.id ?? 'refused'}</span>}</h2>
              {report.ok && o.status === 'error' && o.source === 'sp' ? (
                <p data-testid="report-note">The response itself is sound (signature, times, addresses): the refusal above is the vendor's own rule.</p>
              ) : null}
              <p className="muted">Evaluated at {report.evaluatedAt}</p>
              <Checklist items={report.checks} label="Validation checks" />
            </section>
          ) : null}
        </div>
        {run.result.hops.length ? <TraceView hops={run.result.hops} /> : <section className="panel muted">No request was made: the vendor's settings page refused the set-up.</section>}
      </div>
    </>
  );
}
