import { useId, useRef, type ReactNode } from 'react';

/**
 * A button that asks first, in a modal dialog of the page's own (Electron and the browser alike): what will be
 * deleted, and a confirm and a cancel. Escape or Cancel leaves everything as it was.
 */
export function ConfirmButton({
  label,
  ariaLabel,
  title,
  children,
  confirmLabel,
  onConfirm,
}: {
  label: string;
  ariaLabel?: string;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm(): void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const close = () => dialog.current?.close();
  return (
    <>
      <button className="btn danger" onClick={() => dialog.current?.showModal()} aria-label={ariaLabel}>
        {label}
      </button>
      <dialog ref={dialog} className="confirm" aria-labelledby={titleId}>
        <h2 id={titleId} style={{ marginTop: 0 }}>
          {title}
        </h2>
        <div>{children}</div>
        <div className="row" style={{ justifyContent: 'flex-end', marginTop: 16 }}>
          <button className="btn" onClick={close} autoFocus>
            Cancel
          </button>
          <button
            className="btn primary danger-fill"
            onClick={() => {
              close();
              onConfirm();
            }}
          >
            {confirmLabel}
          </button>
        </div>
      </dialog>
    </>
  );
}
