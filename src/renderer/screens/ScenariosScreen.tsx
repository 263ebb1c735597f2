import { useEffect, useRef } from 'react';
import { useScenarios } from '../state/scenario-store';
import { useUi } from '../state/ui-store';
import { RunResult } from '../components/RunResult';
import { ScenarioVerdict } from '../components/ScenarioVerdict';
import { readFileText } from '../lib/download';

/** The workspace's saved scenarios: replay one, open a file someone shared, keep it. */
export function ScenariosScreen() {
  const { files, loadFiles, replay, save, running, current } = useScenarios();
  const toast = useUi((s) => s.toast);
  const picker = useRef<HTMLInputElement>(null);
  useEffect(() => void loadFiles(), [loadFiles]);
  const open = async (file: File | undefined) => {
    if (!file) return;
    const text = await readFileText(file);
    if (await replay(`file:${file.name}`, { text })) await save(text, file.name);
    else toast('error', `${file.name} was not kept: it does not load as a scenario.`);
  };
  const result = current && (current.from.startsWith('file:') || current.from.startsWith('saved:')) ? current : undefined;
  return (
    <>
      <h1>Scenarios</h1>
      <p className="subtitle">
        A scenario holds an app's configuration, the vendor's settings, a user and attribute set, a flow and the outcome it expects. Replay tells whether the outcome still matches. They live in the
        workspace's <code>scenarios</code> folder, and <code>saml-harness run</code> replays them in CI.
      </p>
      <div className="row" style={{ marginBottom: 12 }}>
        <button className="btn primary" onClick={() => picker.current?.click()}>
          Open a scenario file…
        </button>
        <input ref={picker} type="file" accept=".json,application/json" hidden aria-label="Scenario file" onChange={(e) => void open(e.target.files?.[0])} />
      </div>
      <section className="panel" aria-label="Saved scenarios">
        {files.length === 0 ? (
          <p className="muted">No scenarios yet. Save one from a run, a reproduction, or open a file.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>Scenario</th>
                <th>Expects</th>
                <th>File</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {files.map((f) => (
                <tr key={f.file} data-scenario={f.file}>
                  <td>
                    <strong>{f.name}</strong>
                    <div className="muted">{f.problem ? <span className="fail">{f.problem}</span> : f.description}</div>
                  </td>
                  <td className="mono">{f.expect ? (f.expect.status === 'error' ? f.expect.code : f.expect.status) : '—'}</td>
                  <td className="mono">{f.file}</td>
                  <td>
                    <button className="btn" disabled={Boolean(f.problem) || running !== undefined} onClick={() => void replay(`saved:${f.file}`, { file: f.file })} aria-label={`Replay ${f.name}`}>
                      {running === `saved:${f.file}` ? 'Running…' : 'Replay'}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {result ? (
        <>
          <ScenarioVerdict matches={result.matches} expected={result.expected} outcome={result.outcome} what={`${result.scenario.name}: the outcome still matches`} />
          <RunResult run={result.run} />
        </>
      ) : null}
    </>
  );
}
