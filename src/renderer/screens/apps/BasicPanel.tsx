import { useEffect, useState } from 'react';
import { useWorkspace } from '../../state/workspace-store';
import type { AppView } from '../../../shared/views';
import { toBasics } from './app-draft';

function UrlList({ label, items, onChange, withIndex }: { label: string; items: Array<{ value: string; isDefault: boolean; index?: number }>; onChange(next: Array<{ value: string; isDefault: boolean; index?: number }>): void; withIndex?: boolean }) {
  const set = (i: number, patch: Partial<(typeof items)[number]>) => onChange(items.map((x, j) => (j === i ? { ...x, ...patch } : patch.isDefault ? { ...x, isDefault: false } : x)));
  return (
    <fieldset className="panel">
      <legend>{label}</legend>
      {items.map((it, i) => (
        <div className="row" key={i} style={{ marginBottom: 6 }}>
          <input aria-label={`${label} ${i + 1}`} value={it.value} onChange={(e) => set(i, { value: e.target.value })} style={{ flex: 1 }} />
          {withIndex ? <input aria-label="Index" type="number" min={0} value={it.index ?? ''} onChange={(e) => set(i, e.target.value === '' ? { index: undefined } : { index: Number(e.target.value) })} style={{ width: 80 }} /> : null}
          <label className="row">
            <input type="radio" name={label} checked={it.isDefault} onChange={() => set(i, { isDefault: true })} /> Default
          </label>
          <button className="btn danger" onClick={() => onChange(items.filter((_, j) => j !== i))} aria-label={`Remove ${it.value}`}>
            Remove
          </button>
        </div>
      ))}
      <button className="btn" onClick={() => onChange([...items, { value: '', isDefault: items.length === 0 }])}>
        + Add
      </button>
    </fieldset>
  );
}

export function BasicPanel({ app }: { app: AppView }) {
  const call = useWorkspace((s) => s.call);
  const [draft, setDraft] = useState(toBasics(app));
  useEffect(() => setDraft(toBasics(app)), [app]);
  const saml = draft.saml;
  const setSaml = (patch: Partial<typeof saml>) => setDraft({ ...draft, saml: { ...saml, ...patch } });
  const opt = (k: 'signOnUrl' | 'relayState' | 'logoutUrl', label: string, hint: string) => (
    <label className="field">
      <span>{label}</span>
      <input name={k} value={saml[k] ?? ''} placeholder={hint} onChange={(e) => setSaml({ [k]: e.target.value || undefined })} />
    </label>
  );
  return (
    <section aria-label="Basic SAML Configuration">
      <UrlList label="Identifier (Entity ID)" items={saml.identifiers} onChange={(ids) => setSaml({ identifiers: ids })} />
      <UrlList
        label="Reply URL (Assertion Consumer Service URL)"
        withIndex
        items={saml.replyUrls.map((r) => ({ value: r.url, isDefault: r.isDefault, ...(r.index !== undefined ? { index: r.index } : {}) }))}
        onChange={(rs) => setSaml({ replyUrls: rs.map((r) => ({ url: r.value, isDefault: r.isDefault, ...(r.index !== undefined ? { index: r.index } : {}) })) })}
      />
      <div className="panel">
        {opt('signOnUrl', 'Sign on URL (optional)', 'Leave empty for IdP-initiated sign-in from My Apps')}
        {opt('relayState', 'Relay State (optional)', '')}
        {opt('logoutUrl', 'Logout Url (optional)', '')}
        <label className="field">
          <span>Token lifetime (minutes)</span>
          <input type="number" min={10} max={1440} value={draft.tokenLifetimeMinutes} onChange={(e) => setDraft({ ...draft, tokenLifetimeMinutes: Number(e.target.value) })} />
        </label>
      </div>
      <button className="btn primary" onClick={() => void call('apps.save', { app: draft }, 'Basic SAML Configuration saved')}>
        Save
      </button>
    </section>
  );
}
