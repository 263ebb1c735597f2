import { useEffect, useState } from 'react';
import type { RunLogFilter, RunLogPage } from '../../../shared/views';

type Facet = 'user' | 'app' | 'code';

function FacetSelect({ label, name, values, value, onChange }: { label: string; name: Facet; values: string[]; value: string | undefined; onChange: (v: string | undefined) => void }) {
  return (
    <label className="field" style={{ width: 220 }}>
      <span>{label}</span>
      <select name={name} value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)}>
        <option value="">All</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    </label>
  );
}

const without = <K extends keyof RunLogFilter>(f: RunLogFilter, key: K, value: RunLogFilter[K] | undefined): RunLogFilter => {
  const next = { ...f };
  if (value === undefined || value === '') delete next[key];
  else next[key] = value;
  return next;
};

/** Entra's sign-in logs filters: words, status, application, user, error code, source. */
export function LogFilters({ filter, facets, onChange }: { filter: RunLogFilter; facets: RunLogPage['facets'] | undefined; onChange: (f: RunLogFilter) => void }) {
  const [text, setText] = useState(filter.text ?? '');
  // Typing filters as you go, without a request per key.
  useEffect(() => {
    if ((filter.text ?? '') === text) return;
    const t = setTimeout(() => onChange(without(filter, 'text', text.trim() || undefined)), 200);
    return () => clearTimeout(t);
  }, [text, filter, onChange]);
  return (
    <section className="panel" aria-label="Filters">
      <div className="row" style={{ alignItems: 'end' }}>
        <label className="field" style={{ width: 300 }}>
          <span>Search: user, app, code, message or run ID</span>
          <input type="search" name="log-search" value={text} onChange={(e) => setText(e.target.value)} placeholder="e.g. adele 50011" />
        </label>
        <label className="field" style={{ width: 140 }}>
          <span>Status</span>
          <select name="status" value={filter.status ?? ''} onChange={(e) => onChange(without(filter, 'status', (e.target.value || undefined) as RunLogFilter['status']))}>
            <option value="">All</option>
            <option value="success">Success</option>
            <option value="failure">Failure</option>
          </select>
        </label>
        <FacetSelect label="Application" name="app" values={facets?.apps ?? []} value={filter.app} onChange={(v) => onChange(without(filter, 'app', v))} />
        <FacetSelect label="User" name="user" values={facets?.users ?? []} value={filter.user} onChange={(v) => onChange(without(filter, 'user', v))} />
        <FacetSelect label="Sign-in error code" name="code" values={facets?.codes ?? []} value={filter.code} onChange={(v) => onChange(without(filter, 'code', v))} />
        <label className="field" style={{ width: 160 }}>
          <span>Source</span>
          <select name="source" value={filter.source ?? ''} onChange={(e) => onChange(without(filter, 'source', (e.target.value || undefined) as RunLogFilter['source']))}>
            <option value="">All</option>
            <option value="run">Runs</option>
            <option value="reproduced">Reproduced</option>
            <option value="replayed">Replayed scenarios</option>
            <option value="external">Your SP</option>
          </select>
        </label>
      </div>
    </section>
  );
}
