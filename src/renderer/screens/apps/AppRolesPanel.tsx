import { useState } from 'react';
import type { AppView } from '../../../shared/views';
import { useWorkspace } from '../../state/workspace-store';
import { toBasics } from './app-draft';
import { roleValueProblem } from '../../../shared/fields';
import { FieldError } from '../../components/FieldError';
import { DeleteRowCell } from '../../components/DeleteRowCell';

type Role = NonNullable<AppView['appRoles']>[number];

const blankRole = (): Role => ({ id: crypto.randomUUID(), displayName: '', value: '', description: '', allowedMemberTypes: ['User'], enabled: true });

/**
 * App roles, as the app registration defines them: display name, value, description, who may be assigned. Users
 * and groups get them under "Users and groups"; the role claim carries their values, one AttributeValue each.
 */
export function AppRolesPanel({ app }: { app: AppView }) {
  const { view, call } = useWorkspace();
  const roles = app.appRoles ?? [];
  const [draft, setDraft] = useState<Role>(blankRole);
  const editing = roles.some((r) => r.id === draft.id);
  const save = (appRoles: Role[], message: string) => call('apps.save', { app: { ...toBasics(app), appRoles } }, message);
  const valueError = draft.value ? roleValueProblem(draft.value, draft.id, roles) : undefined;
  const apply = async () => {
    const next = editing ? roles.map((r) => (r.id === draft.id ? draft : r)) : [...roles, draft];
    if (await save(next, `${draft.displayName} ${editing ? 'saved' : 'created'}`)) setDraft(blankRole());
  };
  const vendor = view!.vendors.find((v) => v.appObjectId === app.objectId);
  const rolesFrom = vendor?.attributes.filter((a) => a.accepted?.length && app.claims.attributes.some((r) => r.name === a.name)) ?? [];
  return (
    <section aria-label="App roles">
      {rolesFrom.map((a) => (
        <section key={a.name} className="panel" aria-label={`Roles for ${a.name}`}>
          <p>
            {vendor!.displayName} accepts {a.accepted!.map((v) => `"${v}"`).join(', ')} in <code>{a.name}</code>. Instead of a user attribute, give the claim the user's app role: one role per accepted
            value, the claim from <code>user.assignedroles</code>.
          </p>
          <button className="btn" onClick={() => void call('apps.rolesFromAcceptedValues', { objectId: app.objectId, claim: a.name }, `Roles made for ${a.name}`)}>
            Make roles from {vendor!.displayName}'s values for {a.name}
          </button>
        </section>
      ))}
      <section className="panel">
        <table aria-label="App roles">
          <thead>
            <tr>
              <th>Display name</th>
              <th>Value</th>
              <th>Description</th>
              <th>Allowed member types</th>
              <th>Enabled</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {roles.map((r) => (
              <tr key={r.id} data-role={r.value}>
                <td>{r.displayName}</td>
                <td className="mono">{r.value}</td>
                <td className="muted">{r.description}</td>
                <td>{r.allowedMemberTypes.includes('User') && r.allowedMemberTypes.includes('Application') ? 'Both' : r.allowedMemberTypes.includes('User') ? 'Users/Groups' : 'Applications'}</td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`${r.displayName} enabled`}
                    checked={r.enabled}
                    onChange={(e) =>
                      void save(
                        roles.map((x) => (x.id === r.id ? { ...x, enabled: e.target.checked } : x)),
                        'Saved',
                      )
                    }
                  />
                </td>
                <td>
                  <button className="btn" aria-label={`Edit role ${r.displayName}`} onClick={() => setDraft(structuredClone(r))}>
                    Edit
                  </button>{' '}
                  <DeleteRowCell
                    kind="role"
                    name={r.displayName}
                    onConfirm={() =>
                      void save(
                        roles.filter((x) => x.id !== r.id),
                        `${r.displayName} deleted`,
                      ).then(() => draft.id === r.id && setDraft(blankRole()))
                    }
                  >
                    Users and groups assigned to it lose the value <code>{r.value}</code> in their role claim.
                  </DeleteRowCell>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3>{editing ? `Edit app role ${roles.find((r) => r.id === draft.id)?.displayName ?? ''}` : 'Create app role'}</h3>
        <div className="row" style={{ alignItems: 'end' }}>
          <label className="field" style={{ width: 200 }}>
            <span>Display name</span>
            <input name="role-display-name" value={draft.displayName} onChange={(e) => setDraft({ ...draft, displayName: e.target.value })} />
          </label>
          <label className="field" style={{ width: 200 }}>
            <span>Value</span>
            <input
              name="role-value"
              value={draft.value}
              onChange={(e) => setDraft({ ...draft, value: e.target.value.replace(/\s/g, '') })}
              aria-invalid={valueError ? true : undefined}
              aria-describedby={valueError ? 'role-value-error' : undefined}
            />
          </label>
          <label className="field" style={{ flex: 1 }}>
            <span>Description</span>
            <input name="role-description" value={draft.description} onChange={(e) => setDraft({ ...draft, description: e.target.value })} />
          </label>
          <label className="field" style={{ width: 180 }}>
            <span>Allowed member types</span>
            <select value={draft.allowedMemberTypes.join(',')} onChange={(e) => setDraft({ ...draft, allowedMemberTypes: e.target.value.split(',') as Role['allowedMemberTypes'] })}>
              <option value="User">Users/Groups</option>
              <option value="Application">Applications</option>
              <option value="User,Application">Both</option>
            </select>
          </label>
          <button className="btn primary" style={{ marginBottom: 10 }} disabled={!draft.displayName || !draft.value || Boolean(valueError)} onClick={() => void apply()}>
            Apply
          </button>
          {editing ? (
            <button className="btn" style={{ marginBottom: 10 }} onClick={() => setDraft(blankRole())}>
              Cancel
            </button>
          ) : null}
        </div>
        <FieldError id="role-value-error" problem={valueError} />
      </section>
    </section>
  );
}
