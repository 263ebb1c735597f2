import type { ReactNode } from 'react';

/** Named values, a line each, the values in mono; a row without a value is left out; more rows may follow. */
export function KeyValues({ rows, className, children }: { rows: ReadonlyArray<readonly [string, string | undefined]>; className?: string; children?: ReactNode }) {
  return (
    <dl className={`kv${className ? ` ${className}` : ''}`}>
      {rows
        .filter(([, v]) => v)
        .map(([k, v]) => (
          <div key={k} style={{ display: 'contents' }}>
            <dt>{k}</dt>
            <dd className="mono">{v}</dd>
          </div>
        ))}
      {children}
    </dl>
  );
}
