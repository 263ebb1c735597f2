import type { FlowRunView } from '../../shared/views';
import { useWorkspace } from '../state/workspace-store';
import { useScenarios } from '../state/scenario-store';
import { downloadText } from '../lib/download';

/** Keep a run: as a scenario in the workspace or a file, or as the HAR / SAML-tracer capture a browser would give. */
export function RunActions({ run }: { run: FlowRunView }) {
  const call = useWorkspace((s) => s.call);
  const save = useScenarios((s) => s.save);
  const exportAs = async (format: 'scenario' | 'har' | 'saml-tracer') => {
    const r = await call('runs.export', { runId: run.id, format });
    if (r) downloadText(r.fileName, r.text);
  };
  const keep = async () => {
    const r = await call('runs.export', { runId: run.id, format: 'scenario' });
    if (r) await save(r.text, r.fileName);
  };
  return (
    <div className="row" role="toolbar" aria-label="Keep this run" style={{ marginBottom: 12 }}>
      {run.scenario ? (
        <>
          <button className="btn" onClick={() => void keep()}>
            Save as scenario
          </button>
          <button className="btn" onClick={() => void exportAs('scenario')}>
            Download scenario
          </button>
        </>
      ) : null}
      {run.result.hops.length ? (
        <>
          <button className="btn" onClick={() => void exportAs('har')}>
            Download HAR
          </button>
          <button className="btn" onClick={() => void exportAs('saml-tracer')}>
            Download SAML-tracer export
          </button>
        </>
      ) : null}
    </div>
  );
}
