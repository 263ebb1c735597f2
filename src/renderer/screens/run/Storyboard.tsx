import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { FlowRunView, SamlMessageView } from '../../../shared/views';
import { BrowserFrame } from '../../components/BrowserFrame';
import { storyboardSteps } from '../../lib/storyboard';
import { MessageDetail } from './MessageDetail';
import { useWorkspace } from '../../state/workspace-store';

function Messages({ label, messages }: { label: string; messages: SamlMessageView[] }) {
  if (!messages.length) return null;
  return (
    <div>
      <h4>{label}</h4>
      {messages.map((m, i) => (
        <MessageDetail key={i} m={m} />
      ))}
    </div>
  );
}

const KEYS: Record<string, (i: number, n: number) => number> = {
  ArrowRight: (i, n) => Math.min(n - 1, i + 1),
  PageDown: (i, n) => Math.min(n - 1, i + 1),
  ' ': (i, n) => Math.min(n - 1, i + 1),
  ArrowLeft: (i) => Math.max(0, i - 1),
  PageUp: (i) => Math.max(0, i - 1),
  Home: () => 0,
  End: (_i, n) => n - 1,
};

/**
 * The sign-in as the pages the user saw, one at a time, each beside what travelled to reach it. Arrow keys,
 * Page Up/Down, Space, Home and End step through; "Present" fills the window with large type (Escape leaves).
 */
export function Storyboard({ run }: { run: FlowRunView }) {
  const spName = useWorkspace((w) => w.view?.vendors.find((v) => v.id === run.vendorId)?.displayName);
  const steps = useMemo(() => storyboardSteps(run.result.hops, spName), [run, spName]);
  const [at, setAt] = useState(0);
  const [presenting, setPresenting] = useState(false);
  const ref = useRef<HTMLElement>(null);
  useEffect(() => setAt(0), [run.id]);
  // Opened (or left) the storyboard is brought to the top of the view with focus: at 1366×768 it starts below the fold.
  useEffect(() => {
    ref.current?.focus({ preventScroll: true });
    if (!presenting) ref.current?.scrollIntoView({ block: 'start' });
  }, [presenting]);
  if (!steps.length) return null;
  // Another run may have fewer steps until the reset above applies.
  const now = Math.min(at, steps.length - 1);
  const step = steps[now]!;
  const onKey = (e: KeyboardEvent) => {
    if (e.target !== e.currentTarget && (e.target as HTMLElement).closest('.cm-editor, input, select, textarea')) return;
    if (e.key === 'Escape' && presenting) {
      e.preventDefault();
      setPresenting(false);
      return;
    }
    const move = KEYS[e.key];
    if (!move) return;
    e.preventDefault();
    setAt(move(now, steps.length));
  };
  return (
    <section
      ref={ref}
      className={`panel storyboard${presenting ? ' presenting' : ''}`}
      data-testid="storyboard"
      data-step={now + 1}
      tabIndex={-1}
      onKeyDown={onKey}
      aria-roledescription="storyboard"
      aria-labelledby="storyboard-title"
    >
      <div className="row storyboard-head">
        <h2 id="storyboard-title">Storyboard</h2>
        <p className="storyboard-pos" aria-live="polite">
          Step {now + 1} of {steps.length}:{' '}
          {step.title.startsWith(step.by) ? (
            <strong>{step.title}</strong>
          ) : (
            <>
              <strong>{step.by}</strong> — {step.title}
            </>
          )}
        </p>
        <div className="row">
          <button className="btn" onClick={() => setAt(Math.max(0, now - 1))} disabled={now === 0} aria-keyshortcuts="ArrowLeft">
            ← Previous
          </button>
          <button className="btn primary" onClick={() => setAt(Math.min(steps.length - 1, now + 1))} disabled={now === steps.length - 1} aria-keyshortcuts="ArrowRight">
            Next →
          </button>
          <button className="btn" onClick={() => setPresenting(!presenting)} aria-pressed={presenting} aria-keyshortcuts={presenting ? 'Escape' : undefined}>
            {presenting ? 'Leave presentation (Esc)' : 'Present'}
          </button>
        </div>
      </div>
      <ol className="storyboard-steps" aria-label="Steps">
        {steps.map((s, i) => (
          <li key={s.hop}>
            <button aria-current={i === now ? 'step' : undefined} onClick={() => setAt(i)} tabIndex={-1}>
              <span className="n">{i + 1}</span> {s.title}
            </button>
          </li>
        ))}
      </ol>
      <p className="storyboard-caption" data-testid="storyboard-caption">
        {step.caption}
      </p>
      <div className="storyboard-body">
        <BrowserFrame
          key={step.hop}
          url={step.url}
          runId={run.id}
          hop={step.hop}
          title={`Step ${now + 1}: ${step.title}`}
          testId="storyboard-page"
          {...(step.kind === 'pick-account' && run.request.user ? { picked: run.request.user } : {})}
          {...(step.postsTo ? { postsTo: step.postsTo } : {})}
        />
        <div className="storyboard-travel" aria-label="What travelled">
          <h3>What travelled</h3>
          {step.arrived.length || step.sends.length ? null : <p className="muted">No SAML message on the way to this page.</p>}
          <Messages label="To reach this page" messages={step.arrived} />
          <Messages label="This page posts on" messages={step.sends} />
        </div>
      </div>
      <p className="muted storyboard-keys">← → or Page Up / Down to step · Home / End · {presenting ? 'Esc to leave' : '“Present” for large type'}</p>
    </section>
  );
}
