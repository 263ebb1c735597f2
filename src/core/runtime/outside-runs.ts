import { checkRequest } from '../idp/request-check';
import type { FlowOutcome, FlowResult } from '../flows/flows';
import { samlMessagesIn, viewSamlMessage } from '../flows/saml-message-view';
import { pageSummary, type Hop } from '../flows/user-agent';
import { parseHtmlPage } from '../flows/html-forms';
import type { VirtualResponse } from '../http/http-types';
import type { IdpExchange } from '../host/entra-routes';

/** A sign-in that is waiting on Entra's account picker, by the picker's context. */
interface OpenRun {
  hops: Hop[];
  startedAt: string;
  createdMs: number;
}

const MAX_OPEN = 200;
const OPEN_TTL_MS = 10 * 60_000;

/** Outside runs kept per second at most: any page on the machine can make the tenant answer, as often as it likes. */
export const EXTERNAL_RUNS_PER_SECOND = 20;

/**
 * Whether the exchange concerns an app of the tenant: Entra named one in its answer (a sign-in, its picker or MFA
 * prompt, a logout it accepted, a My Apps launch), or the request's Issuer is one of the apps' Identifiers (a
 * refusal such as AADSTS50011 for that app). Requests nobody's app sent (no message, an unknown tenant or Issuer,
 * a made-up appid) are answered as Entra answers them, but not kept as runs.
 */
function concernsAnApp(o: IdpExchange['outcome'], hop: Hop, appName: (issuer: string) => string | undefined): boolean {
  if (o.kind === 'not-found') return false;
  if (o.kind !== 'error' || o.app) return true;
  const issuer = requestIssuer(hop);
  return issuer !== undefined && appName(issuer) !== undefined;
}

/** Who signed in, or tried to: the user Entra issued for, else the account picked on its picker. */
function userOf(run: OpenRun, outcome: FlowOutcome): string | undefined {
  if (outcome.status === 'issued' && outcome.user) return outcome.user;
  return run.hops.flatMap((h) => (h.form?.login ? [h.form.login] : [])).at(-1);
}

/** Pages kept with a captured hop, for the storyboard; a larger one is left out (the hop still says what it was). */
const MAX_PAGE_CHARS = 256 * 1024;

/** The HTML page an answer carried, as the browser got it, and what it is. */
export function capturedPage(res: VirtualResponse, url: string): Pick<Hop, 'body' | 'page'> {
  const type = String(res.headers?.['content-type'] ?? '');
  const body = typeof res.body === 'string' ? res.body : res.body?.toString('utf8');
  if (!type.startsWith('text/html') || !body || body.length > MAX_PAGE_CHARS) return {};
  return { body, page: pageSummary(parseHtmlPage(body, url)) };
}

function hopOf(ex: IdpExchange, index: number): Hop {
  const { req, res, outcome } = ex;
  const posted = req.method === 'POST' ? req.form : undefined;
  const saml = samlMessagesIn(req.url.searchParams, posted);
  // The response Entra issues travels in the auto-posting page: it is shown with the hop that carried it.
  if (outcome.kind === 'post' && outcome.fields.SAMLResponse)
    saml.push(viewSamlMessage('SAMLResponse', outcome.fields.SAMLResponse, 'post', outcome.fields.RelayState !== undefined ? { relayState: outcome.fields.RelayState } : {}));
  // A LogoutResponse travels in the redirect back to the SP's Logout URL, signed in its query.
  if (outcome.kind === 'redirect') saml.push(...samlMessagesIn(new URL(outcome.location).searchParams, undefined).filter((m) => m.param === 'SAMLResponse'));
  const contentType = res.headers?.['content-type'];
  const location = res.headers?.location;
  const drawn = capturedPage(res, req.url.toString());
  const page =
    drawn.page ??
    (outcome.kind === 'error'
      ? { title: 'Sign in to your account', kind: 'aadsts-error', aadsts: outcome.error.code, message: outcome.error.message }
      : outcome.kind === 'pick-account'
        ? { title: 'Pick an account', kind: 'pick-account' }
        : outcome.kind === 'mfa-prompt'
          ? { title: 'Approve sign in request', kind: 'mfa-prompt' }
          : undefined);
  return {
    index,
    method: req.method,
    url: req.url.toString(),
    status: res.status,
    cause: 'captured',
    cookiesSent: Object.keys(req.cookies),
    cookiesSet: (res.cookies ?? []).map((c) => `${c.name}=${c.value === null ? '' : '…'}`),
    saml,
    durationMs: ex.durationMs,
    ...(location ? { location } : {}),
    ...(contentType ? { contentType } : {}),
    ...(posted && Object.keys(posted).length ? { form: { ...posted } } : {}),
    ...(page ? { page } : {}),
    ...(drawn.body ? { body: drawn.body } : {}),
  };
}

/** The Issuer of the SAMLRequest a hop carried (an AuthnRequest's or a LogoutRequest's). */
const requestIssuer = (hop: Hop): string | undefined => hop.saml.find((m) => m.param === 'SAMLRequest')?.issuer;

function outcomeOf(ex: IdpExchange, hop: Hop, appName: (issuer: string) => string | undefined): FlowOutcome | undefined {
  const o = ex.outcome;
  // A logout names the app that asked for it, by its LogoutRequest's Issuer, not the host its Logout URL is on.
  const issuer = requestIssuer(hop);
  const signedOutOf = (fallback: string) => (issuer ? appName(issuer) : undefined) ?? fallback;
  switch (o.kind) {
    case 'post': {
      if (o.issued.kind === 'response')
        return { status: 'issued', sp: o.issued.app.displayName, appId: o.issued.app.appId, acsUrl: o.action, responseId: o.issued.responseId, ...(o.issued.user ? { user: o.issued.user } : {}) };
      const code = /AADSTS\d+/.exec(o.issued.xml)?.[0] ?? 'ERROR_RESPONSE';
      return { status: 'error', source: 'entra', code, message: `Entra answered ${o.action} with an error Response (${code})` };
    }
    case 'error':
      return { status: 'error', source: 'entra', code: `AADSTS${o.error.code}`, message: o.error.message };
    case 'signed-out':
    case 'signed-out-fanout':
      return { status: 'signed-out', sp: signedOutOf('an outside SP') };
    case 'redirect':
      // A LogoutResponse on its way back to the SP ends a logout; another redirect (My Apps to an app's Sign on
      // URL) leads to a request the SP itself will send, recorded then.
      return new URL(o.location).searchParams.has('SAMLResponse') ? { status: 'signed-out', sp: signedOutOf(new URL(o.location).host) } : undefined;
    case 'not-found':
      return { status: 'error', source: 'harness', code: 'NOT_FOUND', message: o.message };
    case 'pick-account':
    case 'mfa-prompt':
      return undefined;
  }
}

/**
 * Turns what outside clients (a real browser, a real SP) asked of the tenant into runs: the hops Entra saw, its
 * reading of the AuthnRequest, and the response it issued, with the signed XML. A sign-in that stops at the
 * account picker is held until the choice arrives.
 */
export class OutsideRuns {
  private readonly open = new Map<string, OpenRun>();
  private second = 0;
  private keptThisSecond = 0;
  /** Exchanges not kept: about no app of the tenant, or past the rate. */
  readonly skipped = { unrecognised: 0, overRate: 0 };

  constructor(
    /** A finished run, and the user it was for (signed in, or picked and refused). */
    private readonly onRun: (result: FlowResult, user: string | undefined) => void,
    /** The Login URL in each form the host answers at: a Destination naming one is Entra's own. */
    private readonly loginUrls: () => readonly string[],
    /** The display name of the tenant's app whose Identifier an Issuer is, if any. */
    private readonly appName: (issuer: string) => string | undefined,
  ) {}

  observe(ex: IdpExchange): void {
    const ctx = ex.req.form.ctx;
    const held = ctx ? this.open.get(ctx) : undefined;
    if (ctx) this.open.delete(ctx);
    const run = held ?? { hops: [], startedAt: new Date().toISOString(), createdMs: Date.now() };
    const hop = hopOf(ex, run.hops.length);
    if (!held && !concernsAnApp(ex.outcome, hop, this.appName)) {
      this.skipped.unrecognised++;
      return;
    }
    if (!held && !this.admit()) return;
    run.hops.push(hop);
    if (ex.outcome.kind === 'pick-account' || ex.outcome.kind === 'mfa-prompt') return this.hold(ex.outcome.ctx, run);
    const outcome = outcomeOf(ex, hop, this.appName);
    if (outcome) this.onRun(this.finish(run, outcome), userOf(run, outcome));
  }

  /** One more run this second, unless the rate is reached. */
  private admit(): boolean {
    const second = Math.floor(Date.now() / 1000);
    if (second !== this.second) {
      this.second = second;
      this.keptThisSecond = 0;
    }
    if (this.keptThisSecond >= EXTERNAL_RUNS_PER_SECOND) {
      this.skipped.overRate++;
      return false;
    }
    this.keptThisSecond++;
    return true;
  }

  private hold(ctx: string, run: OpenRun): void {
    const now = Date.now();
    for (const [k, r] of this.open) if (now - r.createdMs > OPEN_TTL_MS || this.open.size >= MAX_OPEN) this.open.delete(k);
    this.open.set(ctx, run);
  }

  private finish(run: OpenRun, outcome: FlowOutcome): FlowResult {
    const request = run.hops.flatMap((h) => h.saml).find((m) => m.kind === 'AuthnRequest' && m.xml);
    const reading = request?.xml ? checkRequest(request.xml, undefined, this.loginUrls()) : undefined;
    return {
      flow: 'external',
      hops: run.hops,
      outcome,
      startedAt: run.startedAt,
      durationMs: Math.round(run.hops.reduce((t, h) => t + h.durationMs, 0)),
      ...(reading ? { authnRequest: reading } : {}),
    };
  }
}
