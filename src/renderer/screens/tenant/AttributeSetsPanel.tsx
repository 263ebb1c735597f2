import { ConfirmButton } from '../../components/ConfirmButton';
import { useState } from 'react';
import { useWorkspace } from '../../state/workspace-store';
import type { AttributeSet } from '../../../shared/views';

const SOURCES = ['userprincipalname', 'mail', 'givenname', 'surname', 'displayname', 'department', 'jobtitle', 'employeeid', 'companyname', 'country', 'city', 'onpremisessamaccountname', ...Array.from({ length: 15 }, (_, i) => `extensionattribute${i + 1}`)];

function SetEditor({ set, onDone }: { set: AttributeSet; onDone(): void }) {
  const call = useWorkspace((s) => s.call);
  const [draft, setDraft] = useState(structuredClone(set));
  const rows = Object.entries(draft.values);
  const setRow = (old: string, key: string, values: string[]) => {
    const next = Object.fromEntries(Object.entries(draft.values).filter(([k]) => k !== old));
    next[key] = values;
    setDraft({ ...draft, values: next });
  };
  return (
    <section className="panel" aria-label={`Edit attribute set ${set.name}`}>
      <label className="field">
        <span>Name</span>
        <input value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
      </label>
      <label className="field">
        <span>Description</span>
        <input value={draft.description} onChange={(e) => setDraft({ ...draft, description: e.target.value })} />
      </label>
      <table>
        <thead>
          <tr>
            <th>Attribute</th>
            <th>Values for the flow (comma-separated; empty = no value)</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map(([k, vs]) => (
            <tr key={k}>
              <td>
                <select value={k} onChange={(e) => setRow(k, e.target.value, vs)} aria-label="Attribute">
                  {SOURCES.map((s) => (
                    <option key={s} value={`user.${s}`}>
                      user.{s}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <input value={vs.join(', ')} onChange={(e) => setRow(k, k, e.target.value.split(',').map((x) => x.trim()).filter(Boolean))} aria-label={`Values of ${k}`} />
              </td>
              <td>
                <button className="btn danger" onClick={() => setDraft({ ...draft, values: Object.fromEntries(rows.filter(([x]) => x !== k)) })}>
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="row" style={{ marginTop: 8 }}>
        <button className="btn" onClick={() => setRow('', SOURCES.map((s) => `user.${s}`).find((s) => !(s in draft.values)) ?? 'user.department', [])}>
          + Attribute
        </button>
        <button className="btn primary" onClick={() => void call('attributeSets.save', { set: draft }, `Saved ${draft.name}`).then((r) => r && onDone())}>
          Save
        </button>
        <button className="btn" onClick={onDone}>
          Cancel
        </button>
      </div>
    </section>
  );
}

export function AttributeSetsPanel() {
  const { view, call } = useWorkspace();
  const [editing, setEditing] = useState<AttributeSet | undefined>();
  return (
    <>
      {editing ? <SetEditor set={editing} onDone={() => setEditing(undefined)} /> : null}
      <section className="panel" aria-label="Attribute sets">
        <div className="row" style={{ justifyContent: 'space-between' }}>
          <div>
            <h2 style={{ margin: 0 }}>Attribute sets</h2>
            <p className="muted">Values applied to the signed-in user for one flow, without changing the directory.</p>
          </div>
          <button className="btn" onClick={() => setEditing({ id: crypto.randomUUID(), name: 'New set', description: '', values: {} })}>
            + New set
          </button>
        </div>
        <table>
          <tbody>
            {view!.attributeSets.map((s) => (
              <tr key={s.id}>
                <td>
                  <strong>{s.name}</strong>
                  <div className="muted">{s.description}</div>
                </td>
                <td className="mono">
                  {Object.entries(s.values)
                    .map(([k, v]) => `${k} = ${v.length ? v.join(' | ') : '(empty)'}`)
                    .join('; ')}
                </td>
                <td>
                  <button className="btn" onClick={() => setEditing(s)}>
                    Edit
                  </button>{' '}
                  <ConfirmButton label="Delete" ariaLabel={`Delete attribute set ${s.name}`} title={`Delete the attribute set "${s.name}"?`} confirmLabel="Delete attribute set" onConfirm={() => void call('attributeSets.delete', { id: s.id }, `Deleted ${s.name}`)}>
                    Runs that used it keep what they sent; it can no longer be chosen for a run.
                  </ConfirmButton>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
