import { useState } from 'react';
import { useWorkspace } from '../../state/workspace-store';
import type { AttributeSet } from '../../../shared/views';
import { AttributeSetEditor } from './AttributeSetEditor';
import { DeleteRowCell } from '../../components/DeleteRowCell';

export function AttributeSetsPanel() {
  const { view, call } = useWorkspace();
  const [editing, setEditing] = useState<AttributeSet | undefined>();
  return (
    <>
      {editing ? <AttributeSetEditor set={editing} onDone={() => setEditing(undefined)} /> : null}
      <section className="panel" aria-label="Attribute sets">
        <div className="row" style={{ justifyContent: 'space-between' }}>
          <div>
            <h2 style={{ margin: 0 }}>Attribute sets</h2>
            <p className="muted">Values applied to the signed-in user for one flow, without changing the directory: source attributes, or claims set directly.</p>
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
                <td className="mono wrap">
                  {[...Object.entries(s.values), ...Object.entries(s.claims ?? {}).map(([k, v]) => [`claim ${k}`, v] as const)]
                    .map(([k, v]) => `${k} = ${v.length ? v.join(' | ') : '(empty)'}`)
                    .join('; ')}
                </td>
                <td>
                  <button className="btn" onClick={() => setEditing(s)}>
                    Edit
                  </button>{' '}
                  <DeleteRowCell kind="attribute set" name={s.name} onConfirm={() => void call('attributeSets.delete', { id: s.id }, `Deleted ${s.name}`)}>
                    Runs that used it keep what they sent; it can no longer be chosen for a run.
                  </DeleteRowCell>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
