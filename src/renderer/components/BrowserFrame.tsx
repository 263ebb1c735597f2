import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { asTheUserSaw } from '../lib/as-seen';

/**
 * A page of a run in a browser window's frame: its address bar, then the page as the browser drew it. The page
 * comes as text through the API and is drawn in a sandboxed srcdoc frame: no route serves it, no script runs in
 * it, and it has no origin of its own to reach the UI from.
 */
export function BrowserFrame({ url, runId, hop, title, testId, picked, postsTo }: { url: string; runId: string; hop?: number; title: string; testId?: string; picked?: string; postsTo?: string }) {
  const [page, setPage] = useState<string | undefined>();
  useEffect(() => {
    let live = true;
    setPage(undefined);
    void api.call('runs.page', { runId, ...(hop !== undefined ? { hop } : {}) }).then((r) => {
      if (live) setPage(r.ok ? asTheUserSaw(r.value.html, picked ? { picked } : {}) : `<p style="font-family:system-ui;padding:1em">This page cannot be shown: ${escapeText(r.message)}</p>`);
    });
    return () => {
      live = false;
    };
  }, [runId, hop, picked]);
  return (
    <div className="browser">
      <div className="browser-bar">
        <span aria-hidden="true" className="browser-dots">
          ● ● ●
        </span>
        <span className="browser-url mono" title={url}>
          {url}
        </span>
      </div>
      <div className="browser-view">
        {/* Drawn at its size while the page is fetched, so the layout (and a scroll to it) does not shift. */}
        {page !== undefined ? <iframe title={title} srcDoc={page} sandbox="" data-testid={testId} /> : <div className="browser-loading" aria-busy="true" />}
        {postsTo ? (
          <p className="browser-autopost" data-testid="auto-post-note">
            The page posts itself to <span className="mono">{postsTo}</span>: the user sees it blank for a moment.
          </p>
        ) : null}
      </div>
    </div>
  );
}

function escapeText(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
