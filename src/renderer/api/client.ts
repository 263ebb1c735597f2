import type { Api, ApiArgs, ApiMethod, ApiResult, ApiResults } from '../../shared/api';
import type { HarnessBridge } from '../../shared/bridge';

declare global {
  interface Window {
    harness?: HarnessBridge;
  }
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
        if (!res.ok) return { ok: false, code: `HTTP_${res.status}`, message: await res.text() };
        return (await res.json()) as ApiResult<ApiResults[M]>;
      } catch (e) {
        return { ok: false, code: 'NETWORK', message: `The harness host did not answer: ${(e as Error).message}` };
      }
    },
  };
}

/** One API interface, two transports: IPC in the desktop app, HTTP in web mode. */
export const api: Api = window.harness ?? webApi();
export const isDesktop = Boolean(window.harness);
