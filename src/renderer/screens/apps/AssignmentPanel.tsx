import { useWorkspace } from '../../state/workspace-store';
import type { AppView } from '../../../shared/views';
import { toBasics } from './app-draft';

export function AssignmentPanel({ app }: { app: AppView }) {
  const { view, call } = useWorkspace();
  const basics = toBasics(app);
  const save = (patch: Partial<typeof basics>, message: string) => void call('apps.save', { app: { ...basics, ...patch } }, message);
  const assigned = (id: string) => app.assignments.some((a) => a.principalId === id);
  const roles = app.appRoles?.filter((r) => r.enabled && r.allowedMemberTypes.includes('User')) ?? [];
  const setRole = (id: string, appRoleId: string) =>
    save(
      { assignments: app.assignments.map((a) => (a.principalId === id ? { principalId: a.principalId, principalType: a.principalType, ...(appRoleId ? { appRoleId } : {}) } : a)) },
      'Role assigned',
    );
  const roleSelect = (id: string, name: string) =>
    assigned(id) && roles.length ? (
      <select aria-label={`Role of ${name}`} value={app.assignments.find((a) => a.principalId === id)?.appRoleId ?? ''} onChange={(e) => setRole(id, e.target.value)} style={{ width: 200 }}>
        <option value="">Default Access</option>
        {roles.map((r) => (
          <option key={r.id} value={r.id}>
            {r.displayName}
          </option>
        ))}
      </select>
    ) : null;
  const toggle = (id: string, type: 'user' | 'group') =>
    save({ assignments: assigned(id) ? app.assignments.filter((a) => a.principalId !== id) : [...app.assignments, { principalId: id, principalType: type }] }, 'Assignments saved');
  return (
    <section aria-label="Users and groups">
      <section className="panel">
        <label className="row">
          <input type="checkbox" checked={app.assignmentRequired} onChange={(e) => save({ assignmentRequired: e.target.checked }, 'Saved')} /> Assignment required?
        </label>
        <label className="row">
          <input type="checkbox" checked={app.enabled} onChange={(e) => save({ enabled: e.target.checked }, 'Saved')} /> Enabled for users to sign-in?
        </label>
      </section>
      <section className="panel">
        <h3>Users</h3>
        {view!.tenant.users.map((u) => (
          <label key={u.objectid} className="row">
            <input type="checkbox" checked={assigned(u.objectid)} onChange={() => toggle(u.objectid, 'user')} /> {u.attributes.displayname}{' '}
            <span className="muted mono">{u.attributes.userprincipalname}</span>
            {roleSelect(u.objectid, u.attributes.displayname)}
          </label>
        ))}
        <h3>Groups</h3>
        <p className="muted">Only direct members of an assigned group get in; nested groups do not count.</p>
        {view!.tenant.groups.map((g) => (
          <label key={g.objectid} className="row">
            <input type="checkbox" checked={assigned(g.objectid)} onChange={() => toggle(g.objectid, 'group')} /> {g.displayname}
            {roleSelect(g.objectid, g.displayname)}
          </label>
        ))}
      </section>
    </section>
  );
}
