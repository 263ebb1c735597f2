import { useState } from 'react';
import { useWorkspace } from '../../state/workspace-store';
import type { Group } from '../../../shared/views';
import { FormActions } from '../../components/FormActions';
import { DeleteRowCell } from '../../components/DeleteRowCell';

function GroupEditor({ group, onDone }: { group: Group; onDone(): void }) {
  const { view, call } = useWorkspace();
  const [draft, setDraft] = useState<Group>(structuredClone(group));
  const candidates = [
    ...view!.tenant.users.map((u) => ({ id: u.objectid, name: u.attributes.displayname })),
    ...view!.tenant.groups.filter((g) => g.objectid !== group.objectid).map((g) => ({ id: g.objectid, name: `${g.displayname} (group)` })),
  ];
  const toggle = (id: string) => setDraft({ ...draft, members: draft.members.includes(id) ? draft.members.filter((m) => m !== id) : [...draft.members, id] });
  return (
    <section className="panel" aria-label={`Edit group ${group.displayname}`}>
      <div className="grid2">
        <div>
          <label className="field">
            <span>Display name</span>
            <input value={draft.displayname} onChange={(e) => setDraft({ ...draft, displayname: e.target.value })} />
          </label>
          <label className="field">
            <span>On-premises sAMAccountName (synced groups)</span>
            <input
              value={draft.onpremisessamaccountname ?? ''}
              onChange={(e) => setDraft({ ...draft, ...(e.target.value ? { onpremisessamaccountname: e.target.value } : { onpremisessamaccountname: undefined }) })}
            />
          </label>
          <label className="row">
            <input type="checkbox" checked={draft.securityEnabled} onChange={(e) => setDraft({ ...draft, securityEnabled: e.target.checked })} /> Security group
          </label>
        </div>
        <fieldset>
          <legend>Members</legend>
          {candidates.map((c) => (
            <label key={c.id} className="row">
              <input type="checkbox" checked={draft.members.includes(c.id)} onChange={() => toggle(c.id)} /> {c.name}
            </label>
          ))}
        </fieldset>
      </div>
      <FormActions onSave={() => void call('tenant.saveGroup', { group: draft }, `Saved ${draft.displayname}`).then((r) => r && onDone())} onCancel={onDone} />
    </section>
  );
}

export function GroupsPanel() {
  const { view, call } = useWorkspace();
  const [editing, setEditing] = useState<Group | undefined>();
  const t = view!.tenant;
  const name = (id: string) => t.users.find((u) => u.objectid === id)?.attributes.displayname ?? t.groups.find((g) => g.objectid === id)?.displayname ?? id;
  return (
    <>
      {editing ? <GroupEditor group={editing} onDone={() => setEditing(undefined)} /> : null}
      <section className="panel" aria-label="Groups">
        <div className="row" style={{ justifyContent: 'space-between' }}>
          <h2 style={{ margin: 0 }}>Groups ({t.groups.length})</h2>
          <button className="btn" onClick={() => setEditing({ objectid: crypto.randomUUID(), displayname: 'New group', securityEnabled: true, members: [] })}>
            + New group
          </button>
        </div>
        <table>
          <thead>
            <tr>
              <th>Name</th>
              <th>Object ID</th>
              <th>sAMAccountName</th>
              <th>Members</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {t.groups.map((g) => (
              <tr key={g.objectid}>
                <td>{g.displayname}</td>
                <td className="mono">{g.objectid}</td>
                <td>{g.onpremisessamaccountname ?? '—'}</td>
                <td>
                  {g.members.map((m) => (
                    <span key={m} className="pill">
                      {name(m)}
                    </span>
                  ))}
                </td>
                <td>
                  <button className="btn" onClick={() => setEditing(g)}>
                    Edit
                  </button>{' '}
                  <DeleteRowCell kind="group" name={g.displayname} onConfirm={() => void call('tenant.deleteGroup', { objectid: g.objectid }, `Deleted ${g.displayname}`)}>
                    Its members stay in the tenant; claims that emit this group no longer see it.
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
