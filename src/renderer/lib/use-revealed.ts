import { useEffect, useRef } from 'react';

/** Brings a section drawn below a long table into view and gives it focus, each time `key` changes to a value. */
export function useRevealed<T extends HTMLElement>(key: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (!key) return;
    ref.current?.scrollIntoView({ block: 'start' });
    ref.current?.focus({ preventScroll: true });
  }, [key]);
  return ref;
}
