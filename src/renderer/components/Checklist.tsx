import type { ReactNode } from 'react';
export interface ChecklistItem {
  id: string;
  title: string;
  status: 'pass' | 'warn' | 'fail' | 'skipped';
  reason: string;
  step?: string;
  element?: string;
  informational?: boolean;
}

const MARK = { pass: '✓', warn: '!', fail: '✗', skipped: '–' } as const;

/** A list of named checks, each with its verdict and one-line reason (setup checks, validation reports). */
export function Checklist({ items, label, action }: { items: readonly ChecklistItem[]; label: string; action?: (item: ChecklistItem) => ReactNode }) {
  return (
    <ul className="checklist" aria-label={label}>
      {items.map((c) => (
        <li key={c.id} data-check={c.id} data-status={c.status}>
          <span className={c.status} aria-label={c.status}>
            {MARK[c.status]}
          </span>
          <div>
            <div>
              <strong>{c.title}</strong>
              {c.informational ? <span className="muted"> (second opinion)</span> : null}
            </div>
            <div className="reason">
              {c.reason}
              {c.element ? <span className="mono"> — {c.element}</span> : null}
            </div>
            {c.step ? <div className="step">Guide step: {c.step}</div> : null}
            {action?.(c)}
          </div>
        </li>
      ))}
    </ul>
  );
}
