import { useWorkspace } from '../state/workspace-store';

/** A choice of the tenant's users, by UPN, each shown with their display name. */
export function UserSelect({ name, label, value, onChange, width = 260 }: { name: string; label: string; value: string; onChange(upn: string): void; width?: number }) {
  const users = useWorkspace((s) => s.view!.tenant.users);
  return (
    <label className="field" style={{ width }}>
      <span>{label}</span>
      <select name={name} value={value} onChange={(e) => onChange(e.target.value)}>
        {users.map((u) => (
          <option key={u.objectid} value={u.attributes.userprincipalname}>
            {u.attributes.displayname} ({u.attributes.userprincipalname})
          </option>
        ))}
      </select>
    </label>
  );
}
