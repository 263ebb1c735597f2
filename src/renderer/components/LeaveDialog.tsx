import { useEffect, useRef } from 'react';
import { useUi } from '../state/ui-store';

/** Asks before a move would drop what was typed and not saved: stay (the default), or leave without saving. */
export function LeaveDialog() {
  const { pending, unsaved, leave, stay } = useUi();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (pending && d && !d.open) d.showModal();
    if (!pending && d?.open) d.close();
  }, [pending]);
  const labels = Object.values(unsaved);
  return (
    <dialog ref={dialog} className="confirm" aria-labelledby="leave-title" data-testid="leave-dialog" onCancel={stay}>
      <h2 id="leave-title" style={{ marginTop: 0 }}>
        Leave without saving?
      </h2>
      <p>Not saved yet: {labels.join('; ')}. Leaving now drops it.</p>
      <div className="row" style={{ justifyContent: 'flex-end', marginTop: 16 }}>
        <button className="btn primary" onClick={stay} autoFocus>
          Stay and save
        </button>
        <button className="btn danger" onClick={leave}>
          Leave without saving
        </button>
      </div>
    </dialog>
  );
}
