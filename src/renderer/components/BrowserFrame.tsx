import { useEffect, useState } from 'react';
import { hostUrl } from '../api/client';

/** A page of a run in a browser window's frame: its address bar, then the page as the browser drew it (no scripts). */
export function BrowserFrame({ url, src, title, testId }: { url: string; src: string; title: string; testId?: string }) {
  const [resolved, setResolved] = useState<string | undefined>();
  useEffect(() => void hostUrl(src).then(setResolved), [src]);
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
      {resolved ? <iframe title={title} src={resolved} sandbox="" data-testid={testId} /> : null}
    </div>
  );
}
