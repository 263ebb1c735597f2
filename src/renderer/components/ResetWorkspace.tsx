import { useWorkspace } from '../state/workspace-store';
import { useUi } from '../state/ui-store';
import { ConfirmButton } from './ConfirmButton';

/** "Reset to the demo workspace": asks first, says where the backup went, and shows the tenant again. */
export function ResetWorkspace({ dir }: { dir: string }) {
  const call = useWorkspace((s) => s.call);
  const go = useUi((s) => s.go);
  const toast = useUi((s) => s.toast);
  const reset = async () => {
    const r = await call('workspace.reset', {});
    if (!r) return;
    toast('info', `Reset to the demo workspace. The previous one is kept in ${r.backup}`);
    go({ screen: 'tenant', tab: 'users' });
  };
  return (
    <ConfirmButton label="Reset…" ariaLabel="Reset to the demo workspace" title="Reset to the demo workspace?" confirmLabel="Back up and reset" onConfirm={() => void reset()}>
      <p>
        The tenant, its users and groups, every enterprise app, every service provider (with the users provisioned there) and the attribute sets are replaced by the demo. They are first copied to{' '}
        <code>backups/</code> in <code>{dir}</code>. Saved scenarios, the sign-in logs and the local certificate authority stay.
      </p>
    </ConfirmButton>
  );
}
