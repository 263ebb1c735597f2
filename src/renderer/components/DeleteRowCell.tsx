import type { ReactNode } from 'react';
import { ConfirmButton } from './ConfirmButton';

/**
 * A table row's Delete, asked first: "Delete the <kind> <name>?", with what deleting it takes with it, and a
 * confirm that names the kind. Its accessible name is "Delete <kind> <name>" unless the row says otherwise.
 */
export function DeleteRowCell({ kind, name, ariaLabel, onConfirm, children }: { kind: string; name: string; ariaLabel?: string; onConfirm(): void; children: ReactNode }) {
  return (
    <ConfirmButton label="Delete" ariaLabel={ariaLabel ?? `Delete ${kind} ${name}`} title={`Delete the ${kind} ${name}?`} confirmLabel={`Delete ${kind}`} onConfirm={onConfirm}>
      {children}
    </ConfirmButton>
  );
}
