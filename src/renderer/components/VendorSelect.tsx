import { useWorkspace } from '../state/workspace-store';

/** A choice of the workspace's vendor SPs, with an optional first entry for "none in particular". */
export function VendorSelect({
  name,
  value,
  onChange,
  width = 220,
  any,
  label = 'Service provider',
}: {
  name: string;
  value: string;
  onChange(id: string): void;
  width?: number;
  any?: string;
  label?: string;
}) {
  const vendors = useWorkspace((s) => s.view!.vendors);
  return (
    <label className="field" style={{ width }}>
      <span>{label}</span>
      <select name={name} value={value} onChange={(e) => onChange(e.target.value)}>
        {any !== undefined ? <option value="">{any}</option> : null}
        {vendors.map((v) => (
          <option key={v.id} value={v.id}>
            {v.displayName}
          </option>
        ))}
      </select>
    </label>
  );
}
