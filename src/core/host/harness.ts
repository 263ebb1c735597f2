import { systemClock, type Clock } from '../base/clock';
import type { EntraIdp, EntraIdpDeps, IdpState } from '../idp/entra-idp';
import type { IdpUrls } from '../idp/urls';
import { toLoopback } from '../http/loopback-urls';
import { mountEntra } from './mount-entra';
import { statusPage } from './pages/status-page';
import { htmlPage, text } from '../http/http-types';
import { router } from '../http/router';
import { HarnessHost, type HostOptions } from './server';
import type { ExchangeObserver } from './entra-routes';
import { SiteRegistry } from '../sites/site-registry';
import type { FlowEnv } from '../flows/flows';

export interface HarnessOptions {
  state: () => IdpState;
  port?: number;
  clock?: Clock;
  autoSignInUpn?: () => string | undefined;
  overridesFor?: EntraIdpDeps['overridesFor'];
  /** Also serve HTTPS (key and certificate from the workspace's local CA). */
  tls?: HostOptions['tls'];
  /** Told of every request an outside client (a real browser or SP) makes of the tenant. */
  observe?: ExchangeObserver;
  /** Told when the tenant's own signing keys were made (on the first request for its metadata), to keep them. */
  onTenantKeys?: () => void;
}

export interface RunningHarness {
  host: HarnessHost;
  idp: EntraIdp;
  urls: IdpUrls;
  sites: SiteRegistry;
  /** What flows need: the agent's transport, Entra's URLs, the SP sites. */
  flowEnv: FlowEnv;
  origin: string;
  /** The HTTPS origin, when the host serves HTTPS too. */
  httpsOrigin?: string;
  /** Loopback URL of a real (virtual-host) URL. */
  loopback(url: string): string;
  stop(): Promise<void>;
}

/** The composition root shared by Electron, web mode and the CLI: one host, the mock tenant, the local pages. */
export async function startHarness(opts: HarnessOptions): Promise<RunningHarness> {
  const clock = opts.clock ?? systemClock;
  const host = new HarnessHost({ ...(opts.port !== undefined ? { port: opts.port } : {}), ...(opts.tls ? { tls: opts.tls } : {}) });
  const { idp, urls } = mountEntra(host, {
    state: opts.state,
    clock,
    ...(opts.observe ? { observe: opts.observe } : {}),
    ...(opts.onTenantKeys ? { onTenantKeys: opts.onTenantKeys } : {}),
    ...(opts.autoSignInUpn ? { autoSignInUpn: opts.autoSignInUpn } : {}),
    ...(opts.overridesFor ? { overridesFor: opts.overridesFor } : {}),
  });
  // The tenant listener's home: what runs, and where (the UI, in web mode, is on a listener of its own).
  const status = async () => htmlPage(statusPage(opts.state(), urls, (u) => toLoopback(u, host.origin)));
  host.mount(
    '/',
    router(
      [
        { method: 'GET', path: '/', handle: status },
        { method: 'GET', path: '/status', handle: status },
      ],
      async () => text('Not found', 404),
    ),
  );
  const sites = new SiteRegistry(host);
  await host.start();
  const transport = { origin: host.origin, virtualHosts: () => host.virtualHostNames() };
  return {
    host,
    idp,
    urls,
    sites,
    flowEnv: { transport, idpUrls: urls, sites },
    origin: host.origin,
    ...(host.httpsOrigin ? { httpsOrigin: host.httpsOrigin } : {}),
    loopback: (u) => toLoopback(u, host.origin),
    stop: () => host.stop(),
  };
}
