import { useEffect, useState } from 'react';
import { connectionState, onConnection, type Connection } from '../api/client';

/**
 * One banner when web mode cannot answer: restarted (this page's token is from an earlier start) or stopped.
 * It says what happened and gives the way out, where failed calls would otherwise stack a toast each.
 */
export function ConnectionBanner() {
  const [state, setState] = useState<Connection>(connectionState());
  useEffect(() => onConnection(setState), []);
  if (state === 'ok') return null;
  return (
    <div className="banner" role="alert" data-testid="connection-banner" data-state={state}>
      <strong>{state === 'restarted' ? 'The harness was restarted since this page was opened.' : 'The harness is not answering.'}</strong>{' '}
      {state === 'restarted' ? 'Reload the page to reconnect; nothing in the workspace was lost.' : 'Start it again (npm start, or saml-harness web), then reload this page.'}{' '}
      <button className="btn primary" onClick={() => window.location.reload()}>
        Reload
      </button>
    </div>
  );
}
