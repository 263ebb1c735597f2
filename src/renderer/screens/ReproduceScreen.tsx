import { useEffect, useMemo } from 'react';
import { useScenarios } from '../state/scenario-store';
import { useUi } from '../state/ui-store';
import { RunResult } from '../components/RunResult';
import { ScenarioVerdict } from '../components/ScenarioVerdict';

/** Every AADSTS code and vendor error code, each a click away: the preset builds the fault and runs the flow. */
export function ReproduceScreen({ source }: { source?: string }) {
  const { presets, loadPresets, runPreset, running, current } = useScenarios();
  const go = useUi((s) => s.go);
  useEffect(() => void loadPresets(), [loadPresets]);
  const sources = useMemo(() => [...new Map(presets.map((p) => [p.source, p.sourceName])).entries()], [presets]);
  const chosen = source ?? sources[0]?.[0];
  const shown = presets.filter((p) => p.source === chosen);
  const result = current && presets.some((p) => p.id === current.from) ? current : undefined;
  return (
    <>
      <h1>Reproduce an error</h1>
      <p className="subtitle">Each code Entra ID or a vendor answers with, from the smallest change to a working set-up. It runs in a sandbox: your workspace is left as it is.</p>
      <div className="tabs" role="tablist" aria-label="Source of the code">
        {sources.map(([id, name]) => (
          <button key={id} role="tab" aria-selected={id === chosen} onClick={() => go({ screen: 'reproduce', source: id })}>
            {name}
          </button>
        ))}
      </div>
      <section className="panel" aria-label="Presets">
        <table>
          <thead>
            <tr>
              <th>Code</th>
              <th>What it is</th>
              <th>The fault the preset puts in</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {shown.map((p) => (
              <tr key={p.id} data-preset={p.id}>
                <td className="mono">
                  {p.code}
                  {p.httpStatus ? <div className="muted">HTTP {p.httpStatus}</div> : null}
                </td>
                <td>
                  <strong>{p.name}</strong>
                  <div className="muted">{p.text}</div>
                </td>
                <td>{p.title}</td>
                <td>
                  <button className="btn primary" onClick={() => void runPreset(p.id)} disabled={running !== undefined} aria-label={`Reproduce ${p.code}`}>
                    {running === p.id ? 'Running…' : 'Reproduce'}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {result ? (
        <>
          <ScenarioVerdict matches={result.matches} expected={result.expected} outcome={result.outcome} what={`Reproduced ${result.expected.status === 'error' ? result.expected.code : result.expected.status}`} />
          <RunResult run={result.run} />
        </>
      ) : null}
    </>
  );
}
