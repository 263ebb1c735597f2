import type { Api, ApiArgs, ApiMethod, ApiResult, ApiResults } from '../../shared/api';
import type { HarnessBridge } from '../../shared/bridge';

declare global {
  interface Window {
    harness?: HarnessBridge;
  }
}

/**
 * Why web mode cannot answer any more: the harness was restarted (this page holds the token of an earlier start,
 * so every call is refused) or it is not running. One state for the whole page: the app shows one banner with
 * the way out, instead of a toast per failed call.
 */
export type Connection = 'ok' | 'restarted' | 'stopped';
let connection: Connection = 'ok';
const listeners = new Set<(c: Connection) => void>();
function setConnection(c: Connection): void {
  if (c === connection) return;
  connection = c;
  listeners.forEach((l) => l(c));
}
export const connectionState = (): Connection => connection;
export function onConnection(listener: (c: Connection) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Web mode: the same API over HTTP to the host that served this page, with the token it put in the page. */
function webApi(): Api {
  const token = document.querySelector('meta[name="harness-token"]')?.getAttribute('content') ?? '';
  return {
    async call<M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<ApiResult<ApiResults[M]>> {
      try {
        const res = await fetch(`/api/rpc/${method}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-harness-token': token },
          body: JSON.stringify(args),
        });
        if (res.status === 401) {
          setConnection('restarted');
          return { ok: false, code: 'SESSION_ENDED', message: 'The harness was restarted since this page was opened: reload the page to reconnect.' };
        }
        setConnection('ok');
        if (!res.ok) return { ok: false, code: `HTTP_${res.status}`, message: await res.text() };
        return (await res.json()) as ApiResult<ApiResults[M]>;
      } catch (e) {
        setConnection('stopped');
        return { ok: false, code: 'NETWORK', message: `The harness is not answering (${(e as Error).message}): start it again, then reload this page.` };
      }
    },
  };
}

/** One API interface, two transports: IPC in the desktop app, HTTP in web mode. */
export const api: Api = window.harness ?? webApi();
export const isDesktop = Boolean(window.harness);
