import type { Clock } from '../base/clock';
import { aadsts } from '../idp/aadsts';
import { appFederationMetadata } from '../idp/app-metadata';
import type { BrowserContext, EntraIdp, IdpOutcome } from '../idp/entra-idp';
import type { InboundMessage } from '../idp/inbound-message';
import { SESSION_COOKIE } from '../idp/sessions';
import type { IdpUrls } from '../idp/urls';
import { htmlPage, redirect, text, type CookieChange, type VirtualRequest, type VirtualResponse } from '../http/http-types';
import { html } from '../http/html';
import { router, type RoutedHandler } from '../http/router';
import { autoPostPage } from './pages/auto-post';
import { accountPickerPage, errorPage, mfaPromptPage, signedOutFanoutPage, signedOutPage } from './pages/entra-pages';
import { myAppsPage } from './pages/my-apps';
import { ensureTenantKeys, tenantFederationMetadata } from '../idp/tenant-metadata';
import { loopbackOriginOf } from '../http/loopback-urls';
import { reachableIdpUrls } from '../idp/urls';
import { AGENT_HEADER } from '../http/transport';

function sessionCookies(outcome: IdpOutcome): CookieChange[] | undefined {
  if (outcome.kind === 'not-found' || outcome.setSession === undefined) return undefined;
  return [{ name: SESSION_COOKIE, value: outcome.setSession }];
}

function render(outcome: IdpOutcome, loginAction: string): VirtualResponse {
  const cookies = sessionCookies(outcome);
  const extra = cookies ? { cookies } : {};
  switch (outcome.kind) {
    case 'error':
      return htmlPage(errorPage(outcome), 200, extra);
    case 'pick-account':
      return htmlPage(accountPickerPage({ action: loginAction, ctx: outcome.ctx, app: outcome.app, accounts: outcome.accounts }), 200, extra);
    case 'mfa-prompt':
      return htmlPage(mfaPromptPage({ action: loginAction.replace(/login$/, 'mfa'), ctx: outcome.ctx, app: outcome.app, upn: outcome.upn }), 200, extra);
    case 'post':
      return htmlPage(autoPostPage(outcome.action, outcome.fields), 200, extra);
    case 'redirect':
      return redirect(outcome.location, cookies);
    case 'signed-out':
      return htmlPage(signedOutPage(), 200, extra);
    case 'signed-out-fanout':
      return htmlPage(signedOutFanoutPage(outcome.notify, outcome.next), 200, extra);
    case 'not-found':
      return htmlPage(html`<!DOCTYPE html><html><body><h1>Not found</h1><p>${outcome.message}</p></body></html>`, 404);
  }
}

function browserContext(req: VirtualRequest): BrowserContext {
  const q = req.url.searchParams;
  const sessionId = req.cookies[SESSION_COOKIE];
  const loginHint = q.get('login_hint') ?? undefined;
  const prompt = q.get('prompt') ?? undefined;
  return { ...(sessionId ? { sessionId } : {}), ...(loginHint ? { loginHint } : {}), ...(prompt ? { prompt } : {}) };
}

function inbound(req: VirtualRequest): InboundMessage {
  const source: Readonly<Record<string, string>> = req.method === 'POST' ? req.form : Object.fromEntries(req.url.searchParams);
  return {
    binding: req.method === 'POST' ? 'post' : 'redirect',
    samlRequest: source.SAMLRequest,
    relayState: source.RelayState,
    sigAlg: source.SigAlg,
    signature: source.Signature,
    rawQuery: req.rawQuery,
    receivedAt: req.receivedAt,
  };
}

/** What an outside client (a real browser, a real SP) asked of the tenant, and what it was answered. */
export interface IdpExchange {
  req: VirtualRequest;
  outcome: IdpOutcome;
  res: VirtualResponse;
  durationMs: number;
}

export type ExchangeObserver = (exchange: IdpExchange) => void;

/** Entra serves the tenant's own metadata at the same address without ?appid=: its tenant-wide keys, not an app's. */
async function tenantMetadata(idp: EntraIdp, urls: IdpUrls, clock: Clock, req: VirtualRequest, onTenantKeys?: () => void): Promise<VirtualResponse> {
  const reached = req.headers[AGENT_HEADER] === undefined ? loopbackOriginOf(req.receivedAt) : undefined;
  const endpoints = reached && req.url.searchParams.get('endpoints') !== 'real' ? reachableIdpUrls(idp.tenant.id, reached) : urls;
  const made = await ensureTenantKeys(idp.tenant, clock.now());
  if (made) onTenantKeys?.();
  return text(await tenantFederationMetadata(idp.tenant, endpoints, clock.now()), 200, 'application/xml; charset=utf-8');
}

/** The app's Federation Metadata XML: with endpoints in the form the client reached (loopback) unless it asks for the real one. */
function appMetadata(idp: EntraIdp, urls: IdpUrls, clock: Clock, req: VirtualRequest): VirtualResponse {
  const appId = req.url.searchParams.get('appid');
  const app = idp.apps().find((a) => a.appId === appId);
  if (!app) return text(`No application with appid ${appId ?? '(missing)'}.`, 404);
  // An outside client that reached the host on loopback gets endpoints it can reach; the harness's own SPs, and
  // anyone asking for endpoints=real, get Entra's real URLs.
  const reached = req.headers[AGENT_HEADER] === undefined ? loopbackOriginOf(req.receivedAt) : undefined;
  const endpoints = reached && req.url.searchParams.get('endpoints') !== 'real' ? reachableIdpUrls(idp.tenant.id, reached) : urls;
  const xml = appFederationMetadata(idp.tenant, app, endpoints, clock.now());
  return xml.ok ? text(xml.value, 200, 'application/xml; charset=utf-8') : text(xml.error.message, 404);
}

/**
 * login.microsoftonline.com: /{tenant}/saml2, the account picker's /{tenant}/login, the My Apps launch and the
 * app metadata URL. What an outside client asks (not the harness's own agent) is handed to `observe`.
 */
export function entraLoginHandler(idp: EntraIdp, urls: IdpUrls, clock: Clock, observe?: ExchangeObserver, onTenantKeys?: () => void): RoutedHandler {
  const loginAction = urls.saml2.replace(/saml2$/, 'login');
  const answer = async (req: VirtualRequest, outcome: Promise<IdpOutcome>): Promise<VirtualResponse> => {
    const started = performance.now();
    const o = await outcome;
    const res = render(o, loginAction);
    if (observe && req.headers[AGENT_HEADER] === undefined) observe({ req, outcome: o, res, durationMs: Math.round((performance.now() - started) * 10) / 10 });
    return res;
  };
  /** Every route names the tenant first: one Entra does not know is AADSTS90002, whatever was asked of it. */
  const inTenant =
    (handle: (req: VirtualRequest) => Promise<VirtualResponse>) =>
    async (req: VirtualRequest, params: Readonly<Record<string, string>>): Promise<VirtualResponse> => {
      const t = params.tenant ?? '';
      const known = t === idp.tenant.id || idp.tenant.domains.some((d) => d.toLowerCase() === t.toLowerCase());
      return known ? handle(req) : render(idp.errorPage(aadsts(90002, { tenant: t })), urls.saml2);
    };
  const saml2 = inTenant((req) => answer(req, idp.handleSaml2(inbound(req), browserContext(req))));
  const metadata = inTenant((req) => (req.url.searchParams.has('appid') ? Promise.resolve(appMetadata(idp, urls, clock, req)) : tenantMetadata(idp, urls, clock, req, onTenantKeys)));
  const messageFields = ['SAMLRequest', 'RelayState', 'SigAlg', 'Signature'];
  return router(
    [
      { method: 'GET', path: '/{tenant}/saml2', query: [...messageFields, 'login_hint', 'prompt'], handle: saml2 },
      { method: 'POST', path: '/{tenant}/saml2', query: ['login_hint', 'prompt'], form: messageFields, handle: saml2 },
      { method: 'POST', path: '/{tenant}/mfa', form: ['ctx', 'decision'], handle: inTenant((req) => answer(req, idp.answerMfa(req.form.ctx ?? '', req.form.decision ?? ''))) },
      { method: 'POST', path: '/{tenant}/login', form: ['ctx', 'login'], handle: inTenant((req) => answer(req, idp.pickAccount(req.form.ctx ?? '', req.form.login ?? ''))) },
      {
        method: 'GET',
        path: '/{tenant}/idpinitiated',
        query: ['appid', 'login_hint', 'prompt'],
        handle: inTenant((req) => answer(req, idp.launchFromMyApps(req.url.searchParams.get('appid') ?? '', browserContext(req)))),
      },
      { method: 'GET', path: '/{tenant}/federationmetadata/2007-06/federationmetadata.xml', query: ['appid', 'endpoints'], handle: metadata },
    ],
    async () => text('Not found', 404),
  );
}

/**
 * launcher.myapps.microsoft.com/api/signin/{appId}: the My Apps tile and "Test single sign-on". The launch
 * continues on login.microsoftonline.com, where the Entra session cookie lives, so an open session is reused.
 */
export function myAppsHandler(idp: EntraIdp, urls: IdpUrls): RoutedHandler {
  return router(
    [
      { method: 'GET', path: '/', handle: async () => htmlPage(myAppsPage(idp.tenant, idp.apps(), urls)) },
      {
        method: 'GET',
        path: '/api/signin/{appId}',
        query: ['login_hint'],
        handle: async (req, { appId = '' }) => {
          if (!/^[0-9a-f-]{36}$/i.test(appId)) return text('Not found', 404);
          const next = new URL(urls.idpInitiated(appId));
          const hint = req.url.searchParams.get('login_hint');
          if (hint) next.searchParams.set('login_hint', hint);
          return redirect(next.toString());
        },
      },
    ],
    async () => text('Not found', 404),
  );
}
