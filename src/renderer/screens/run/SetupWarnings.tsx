import { useEffect, useState } from 'react';
import type { SetupCheckView, VendorView } from '../../../shared/views';
import { FixItButton } from '../../components/FixItButton';
import { useWorkspace } from '../../state/workspace-store';

/**
 * The set-up checks that fail for this SP and user, shown before the run: each names the refusal it will cause
 * and links the field to change. Nothing is drawn when the set-up is sound.
 */
export function SetupWarnings({ vendor, user }: { vendor: VendorView; user: string }) {
  const { view, call } = useWorkspace();
  const [failing, setFailing] = useState<SetupCheckView[]>([]);
  const userId = view!.tenant.users.find((u) => u.attributes.userprincipalname === user)?.objectid;
  useEffect(() => {
    let live = true;
    void call('vendors.setupChecks', { vendorId: vendor.id, ...(userId ? { userId } : {}) }).then((r) => live && setFailing((r ?? []).filter((c) => c.status === 'fail')));
    return () => {
      live = false;
    };
  }, [vendor, userId, call, view]);
  if (!failing.length) return null;
  return (
    <section className="panel warn-box" aria-label="Set-up checks that fail" data-testid="setup-warnings">
      <h2 style={{ marginTop: 0 }}>{failing.length === 1 ? 'One set-up check fails' : `${failing.length} set-up checks fail`}: expect this run to fail</h2>
      <ul className="setup-warnings">
        {failing.map((c) => (
          <li key={c.id} data-check={c.id}>
            <strong>{c.title}</strong> — {c.reason} <FixItButton check={c.id} vendorId={vendor.id} />
          </li>
        ))}
      </ul>
    </section>
  );
}
