import { fixTarget, focusWhenDrawn } from '../lib/setup-fix';
import { useUi } from '../state/ui-store';
import { useWorkspace } from '../state/workspace-store';

/** "Fix it: <blade › field> →": goes to the field a set-up check (or a fix tied to one) is changed in. */
export function FixItButton({ check, vendorId }: { check: string; vendorId: string }) {
  const go = useUi((s) => s.go);
  const vendor = useWorkspace((s) => s.view?.vendors.find((v) => v.id === vendorId));
  const target = vendor ? fixTarget(check, vendor.appObjectId, vendor.id) : undefined;
  if (!target) return null;
  return (
    <button
      className="btn fix-link"
      data-fix={check}
      onClick={() => {
        go(target.route);
        focusWhenDrawn(target.field);
      }}
    >
      Fix it: {target.label} →
    </button>
  );
}
