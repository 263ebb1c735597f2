import { ConfirmButton } from '../../components/ConfirmButton';
import { useUnsaved } from '../../lib/use-unsaved';
import { useState } from 'react';
import { useWorkspace } from '../../state/workspace-store';
import type { User } from '../../../shared/views';
import { upnProblem, USER_PROPERTY_LABELS, userPropertyLabel } from '../../../shared/fields';
import { FieldError } from '../../components/FieldError';
import { FormActions } from '../../components/FormActions';

/** The user's properties in the blade's order, each labelled as the blade labels it (extension attributes apart). */
const PROPERTIES = Object.keys(USER_PROPERTY_LABELS);
const MAIN_ATTRIBUTES = PROPERTIES.filter((k) => !k.startsWith('extensionattribute'));
const EXTENSIONS = PROPERTIES.filter((k) => k.startsWith('extensionattribute'));

function newUser(domain: string): User {
  return {
    objectid: crypto.randomUUID(),
    attributes: { userprincipalname: `new.user@${domain}`, displayname: 'New User' },
    userType: 'Member',
    accountEnabled: true,
    authMethod: 'password',
    conditionalAccess: 'none',
  };
}

function UserEditor({ user, onDone }: { user: User; onDone(): void }) {
  const [draft, setDraft] = useState<User>(structuredClone(user));
  const { view, call } = useWorkspace();
  const attrs = draft.attributes as Record<string, string | undefined>;
  const setAttr = (k: string, v: string) =>
    setDraft({ ...draft, attributes: { ...draft.attributes, [k]: v === '' && k !== 'userprincipalname' && k !== 'displayname' ? undefined : v } as User['attributes'] });
  useUnsaved(`user:${user.objectid}`, JSON.stringify(draft) !== JSON.stringify(user), `the user ${user.attributes.displayname}`);
  const others = view!.tenant.users.map((u) => ({ objectid: u.objectid, upn: u.attributes.userprincipalname }));
  const upnError = upnProblem(draft.attributes.userprincipalname, draft.objectid, others, view!.tenant.domains);
  const field = (k: string) => {
    const problem = k === 'userprincipalname' ? upnError : undefined;
    return (
      <label className="field" key={k}>
        <span>
          {userPropertyLabel(k)} <small className="muted mono">user.{k}</small>
        </span>
        <input value={attrs[k] ?? ''} onChange={(e) => setAttr(k, e.target.value)} name={k} aria-invalid={problem ? true : undefined} aria-describedby={problem ? `${k}-error` : undefined} />
        <FieldError id={`${k}-error`} problem={problem} />
      </label>
    );
  };
  const save = async () => {
    if (await call('tenant.saveUser', { user: draft }, `Saved ${draft.attributes.displayname}`)) onDone();
  };
  return (
    <section className="panel" aria-label={`Edit ${user.attributes.displayname}`}>
      <h2>{user.attributes.displayname}</h2>
      <p className="muted mono">objectid {draft.objectid}</p>
      <div className="grid2">
        <div>{MAIN_ATTRIBUTES.map(field)}</div>
        <div>
          <label className="field">
            <span>Account enabled</span>
            <select value={String(draft.accountEnabled)} onChange={(e) => setDraft({ ...draft, accountEnabled: e.target.value === 'true' })}>
              <option value="true">Yes</option>
              <option value="false">No (AADSTS50057)</option>
            </select>
          </label>
          <label className="field">
            <span>User type</span>
            <select value={draft.userType} onChange={(e) => setDraft({ ...draft, userType: e.target.value as User['userType'] })}>
              <option>Member</option>
              <option>Guest</option>
            </select>
          </label>
          <label className="field">
            <span>Sign-in method</span>
            <select value={draft.authMethod} onChange={(e) => setDraft({ ...draft, authMethod: e.target.value as User['authMethod'] })}>
              <option value="password">Password</option>
              <option value="mfa">Password + MFA</option>
              <option value="x509">Certificate</option>
            </select>
          </label>
          <label className="field">
            <span>Conditional Access</span>
            <select value={draft.conditionalAccess} onChange={(e) => setDraft({ ...draft, conditionalAccess: e.target.value as User['conditionalAccess'] })}>
              <option value="none">No policy applies</option>
              <option value="block">Block access (AADSTS53003)</option>
              <option value="require-mfa">Require MFA (AADSTS50076)</option>
            </select>
          </label>
          <details>
            <summary>Extension attributes 1–15</summary>
            {EXTENSIONS.map(field)}
          </details>
        </div>
      </div>
      <FormActions onSave={() => void save()} onCancel={onDone} problem={upnError} />
    </section>
  );
}

export function UsersPanel() {
  const { view, call } = useWorkspace();
  const [editing, setEditing] = useState<User | undefined>();
  const users = view!.tenant.users;
  return (
    <>
      {editing ? <UserEditor user={editing} onDone={() => setEditing(undefined)} /> : null}
      <section className="panel" aria-label="Users">
        <div className="row" style={{ justifyContent: 'space-between' }}>
          <h2 style={{ margin: 0 }}>Users ({users.length})</h2>
          <button className="btn" onClick={() => setEditing(newUser(view!.tenant.domains[1] ?? view!.tenant.domains[0]!))}>
            + New user
          </button>
        </div>
        <table>
          <thead>
            <tr>
              <th>Display name</th>
              <th>User principal name</th>
              <th>Department</th>
              <th>extensionattribute1</th>
              <th>Sign-in</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.objectid} data-upn={u.attributes.userprincipalname}>
                <td>{u.attributes.displayname}</td>
                <td className="mono">{u.attributes.userprincipalname}</td>
                <td>{u.attributes.department ?? '—'}</td>
                <td>{u.attributes.extensionattribute1 ?? '—'}</td>
                <td>
                  {!u.accountEnabled ? <span className="badge fail">disabled</span> : null} {u.authMethod !== 'password' ? <span className="pill">{u.authMethod}</span> : null}
                  {u.conditionalAccess !== 'none' ? <span className="pill">CA: {u.conditionalAccess}</span> : null} {u.userType === 'Guest' ? <span className="pill">guest</span> : null}
                </td>
                <td>
                  <button className="btn" onClick={() => setEditing(u)} aria-label={`Edit ${u.attributes.displayname}`}>
                    Edit
                  </button>{' '}
                  <ConfirmButton
                    label="Delete"
                    ariaLabel={`Delete ${u.attributes.displayname}`}
                    title={`Delete ${u.attributes.displayname}?`}
                    confirmLabel="Delete user"
                    onConfirm={() => void call('tenant.deleteUser', { objectid: u.objectid }, `Deleted ${u.attributes.displayname}`)}
                  >
                    {u.attributes.userprincipalname} leaves the tenant, with its group memberships and app assignments.
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
