import { useEffect, useState } from 'react';
import { useUnsaved } from '../../lib/use-unsaved';
import { useWorkspace } from '../../state/workspace-store';
import type { VendorView } from '../../../shared/views';

/** The vendor's other settings; simple values get fields, structured ones a JSON box. */
export function SettingsPanel({ vendor }: { vendor: VendorView }) {
  const call = useWorkspace((s) => s.call);
  const [draft, setDraft] = useState<Record<string, unknown>>(vendor.settings);
  useEffect(() => setDraft(vendor.settings), [vendor]);
  useUnsaved(`settings:${vendor.id}`, JSON.stringify(draft) !== JSON.stringify(vendor.settings), `${vendor.displayName}'s settings`);
  const keys = Object.keys(vendor.settings);
  if (keys.length === 0) return null;
  const field = (k: string) => {
    const v = draft[k];
    const label = vendor.settingLabels[k] ?? k;
    if (typeof v === 'boolean') {
      return (
        <label key={k} className="row">
          <input type="checkbox" name={k} checked={v} onChange={(e) => setDraft({ ...draft, [k]: e.target.checked })} /> {label}
        </label>
      );
    }
    if (typeof v === 'number') {
      return (
        <label key={k} className="field">
          <span>{label}</span>
          <input type="number" name={k} value={v} onChange={(e) => setDraft({ ...draft, [k]: Number(e.target.value) })} />
        </label>
      );
    }
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) {
      return (
        <label key={k} className="field">
          <span>{label} (comma-separated)</span>
          <input
            name={k}
            value={v.join(', ')}
            onChange={(e) =>
              setDraft({
                ...draft,
                [k]: e.target.value
                  .split(',')
                  .map((x) => x.trim())
                  .filter(Boolean),
              })
            }
          />
        </label>
      );
    }
    if (typeof v === 'string') {
      return (
        <label key={k} className="field">
          <span>{label}</span>
          <input name={k} value={v} onChange={(e) => setDraft({ ...draft, [k]: e.target.value })} />
        </label>
      );
    }
    return (
      <label key={k} className="field">
        <span>{label} (JSON)</span>
        <textarea
          key={JSON.stringify(vendor.settings[k] ?? null)}
          name={k}
          defaultValue={JSON.stringify(v ?? null, null, 2)}
          onBlur={(e) => {
            try {
              setDraft({ ...draft, [k]: JSON.parse(e.target.value) });
            } catch {
              /* kept as typed until it parses */
            }
          }}
        />
      </label>
    );
  };
  return (
    <section className="panel" aria-label={`${vendor.displayName} settings`}>
      <h2 style={{ marginTop: 0 }}>Settings</h2>
      {keys.map(field)}
      <button className="btn primary" onClick={() => void call('vendors.saveSettings', { vendorId: vendor.id, settings: draft }, 'Settings saved')}>
        Save settings
      </button>
    </section>
  );
}
