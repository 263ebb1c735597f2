import { useEffect, useMemo, useState } from 'react';
import { useRevealed } from '../lib/use-revealed';
import { searchPresets } from '../../shared/ticket-search';
import type { PresetView } from '../../shared/views';
import { useScenarios } from '../state/scenario-store';
import { useUi } from '../state/ui-store';
import { RunResult } from '../components/RunResult';
import { ScenarioVerdict } from '../components/ScenarioVerdict';
import { Explanation } from './reproduce/Explanation';

/** The code's name, when it says more than the code itself (Cloudinary's codes are numbers named by their number). */
function PresetWhat({ preset }: { preset: PresetView }) {
  // A code's name is said once: Cloudinary's 7 is named and worded ROLE_LOOKUP_ERROR alike.
  const named = preset.name && preset.name !== preset.code;
  return (
    <>
      {named ? <strong>{preset.name}</strong> : null}
      {preset.text && preset.text !== preset.name ? <div className={named ? 'muted' : undefined}>{preset.text}</div> : null}
    </>
  );
}

/** Every AADSTS code and vendor error code, each a click away: the preset builds the fault and runs the flow. */
export function ReproduceScreen({ source }: { source?: string }) {
  const { presets, loadPresets, runPreset, running, current } = useScenarios();
  const go = useUi((s) => s.go);
  useEffect(() => void loadPresets(), [loadPresets]);
  const sources = useMemo(() => [...new Map(presets.map((p) => [p.source, p.sourceName])).entries()], [presets]);
  const chosen = source ?? sources[0]?.[0];
  const [query, setQuery] = useState('');
  const shown = query.trim() ? searchPresets(presets, query) : presets.filter((p) => p.source === chosen);
  const result = current && presets.some((p) => p.id === current.from) ? current : undefined;
  // A new result is brought into view and focused: it is drawn below a long table.
  const resultRef = useRevealed<HTMLElement>(result);
  return (
    <>
      <h1>Reproduce an error</h1>
      <p className="subtitle">Each code Entra ID or a vendor answers with, from the smallest change to a working set-up. It runs in a sandbox: your workspace is left as it is.</p>
      <label className="field" style={{ maxWidth: 560 }}>
        <span>Search every preset — a code as the ticket gives it (50011, AADSTS50011, ROLE_LOOKUP_ERROR, cloudinary 7), a name or words of the message</span>
        <input type="search" name="preset-search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="e.g. AADSTS50011 or cloudinary 7" />
      </label>
      {query.trim() ? (
        <p className="muted" role="status">
          {shown.length ? `${shown.length} preset${shown.length === 1 ? '' : 's'} across every source` : `No preset matches "${query.trim()}".`}
        </p>
      ) : null}
      <div className="tabs" role="tablist" aria-label="Source of the code" hidden={Boolean(query.trim())}>
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
              {query.trim() ? <th>Source</th> : null}
              <th>Code</th>
              <th>What it is</th>
              <th>The fault the preset puts in</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {shown.map((p) => (
              <tr key={p.id} data-preset={p.id}>
                {query.trim() ? <td>{p.sourceName}</td> : null}
                <td className="mono">
                  {p.code}
                  {p.httpStatus ? <div className="muted">HTTP {p.httpStatus}</div> : null}
                </td>
                <td>
                  <PresetWhat preset={p} />
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
        <section ref={resultRef} tabIndex={-1} aria-label="Reproduced" data-testid="reproduced" className="result-anchor">
          <ScenarioVerdict
            matches={result.matches}
            expected={result.expected}
            outcome={result.outcome}
            what={`Reproduced ${result.expected.status === 'error' ? result.expected.code : result.expected.status}`}
          />
          <Explanation collisions={result.collisions} changed={result.changedFromBaseline} />
          <RunResult run={result.run} />
        </section>
      ) : null}
    </>
  );
}
