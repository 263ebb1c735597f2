import { useEffect, useState } from 'react';
import { api } from '../api/client';

/**
 * A page of a run in a browser window's frame: its address bar, then the page as the browser drew it. The page
 * comes as text through the API and is drawn in a sandboxed srcdoc frame: no route serves it, no script runs in
 * it, and it has no origin of its own to reach the UI from.
 */
export function BrowserFrame({ url, runId, hop, title, testId }: { url: string; runId: string; hop?: number; title: string; testId?: string }) {
  const [page, setPage] = useState<string | undefined>();
  useEffect(() => {
    let live = true;
    setPage(undefined);
    void api.call('runs.page', { runId, ...(hop !== undefined ? { hop } : {}) }).then((r) => {
      if (live) setPage(r.ok ? r.value.html : `<p style="font-family:system-ui;padding:1em">This page cannot be shown: ${escapeText(r.message)}</p>`);
    });
    return () => {
      live = false;
    };
  }, [runId, hop]);
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
      {page !== undefined ? <iframe title={title} srcDoc={page} sandbox="" data-testid={testId} /> : null}
    </div>
  );
}

function escapeText(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
