import { useEffect } from 'react';
import { useUi } from '../state/ui-store';

/**
 * Says, while `dirty`, that this form holds changes not yet saved (`label` names them in the prompt), so leaving
 * the screen or tab first asks. Unmounted or saved, it says so no more.
 */
export function useUnsaved(key: string, dirty: boolean, label: string): void {
  const mark = useUi((s) => s.markUnsaved);
  useEffect(() => {
    mark(key, dirty ? label : undefined);
    return () => mark(key, undefined);
  }, [key, dirty, label, mark]);
}
