import { randomBytes } from 'node:crypto';
import { htmlPage, redirect, text, type VirtualRequest, type VirtualResponse } from '../http/http-types';
import { decodeAnyMessage } from '../xml/codec';
import type { RouteSpec } from '../http/router';
import type { Identity } from '../sp/model';
import type { ValidationReport } from '../sp/report';
import type { ServiceProviderCore } from '../sp/service-provider';
import type { RenderedPage, SiteBehaviour, SiteError } from './behaviour';

export interface SiteUrls {
  acsUrl: string;
  signOnUrl?: string;
  sloUrl?: string;
  metadataUrl?: string;
  homeUrl?: string;
}

/** What happened when a response reached the ACS: the SP core's report and the vendor's decision. */
export interface SignInRecord {
  at: string;
  responseId?: string;
  relayState?: string;
  /** Absent when the vendor refused before validating (SSO switched off). */
  report?: ValidationReport;
  outcome: { kind: 'signed-in'; identity: Identity; details?: Readonly<Record<string, unknown>> } | ({ kind: 'refused' } & SiteError);
}

const SESSION_COOKIE = 'SPSESSION';
const HISTORY = 200;
/** Signed-in browsers kept at once (a long benchmark or demo must not grow without bound). */
const MAX_SESSIONS = 1000;

function rendered(p: RenderedPage, extra: Partial<VirtualResponse> = {}): VirtualResponse {
  return htmlPage(p.html, p.status, extra);
}

/** Told of each response that reached the ACS: its record, and the POST and the page the browser got. */
export type AcsListener = (record: SignInRecord, req: VirtualRequest, res: VirtualResponse) => void;

/** A vendor's web app around the SP core: sign-on URL, ACS, single logout, SP metadata, a home page. */
export class SpSite {
  readonly history: SignInRecord[] = [];
  /** Who hears of each response at the ACS (the runtime, to finish a real browser's run with the SP's verdict). */
  readonly acsListeners = new Set<AcsListener>();
  private readonly sessions = new Map<string, Identity>();

  constructor(
    readonly id: string,
    readonly core: ServiceProviderCore,
    readonly behaviour: SiteBehaviour,
    readonly urls: SiteUrls,
  ) {}

  get host(): string {
    return new URL(this.urls.acsUrl).host.toLowerCase();
  }

  /** The record of the response with this ID, as a flow looks it up. */
  recordFor(responseId: string): SignInRecord | undefined {
    return [...this.history].reverse().find((r) => r.responseId === responseId);
  }

  /** Whether a request on this site's host is for one of its URLs. */
  serves(url: URL): boolean {
    return Object.values(this.urls).some((u) => u && samePath(u, url));
  }

  /** The routes of this site, as the host's route table lists them (the site dispatches by its configured URLs). */
  routes(): RouteSpec[] {
    const path = (u: string) => new URL(u).pathname;
    const message = ['SAMLResponse', 'SAMLRequest', 'RelayState', 'SigAlg', 'Signature'];
    const { acsUrl, signOnUrl, sloUrl, metadataUrl } = this.urls;
    return [
      { method: 'GET', path: '/' },
      { method: 'POST', path: path(acsUrl), form: ['SAMLResponse', 'RelayState'] },
      ...(signOnUrl
        ? ([
            { method: 'GET', path: path(signOnUrl), query: ['RelayState', 'email', 'login_hint', 'prompt', 'isPassive'] },
            { method: 'POST', path: path(signOnUrl), form: ['RelayState', 'email', 'prompt'] },
          ] as const)
        : []),
      ...(sloUrl ? [{ method: 'GET', path: path(sloUrl), query: message } as const] : []),
      ...(metadataUrl ? [{ method: 'GET', path: path(metadataUrl) } as const] : []),
    ];
  }

  async handle(req: VirtualRequest): Promise<VirtualResponse> {
    const { urls } = this;
    if (samePath(urls.acsUrl, req.url)) {
      if (req.method !== 'POST') return text('The Assertion Consumer Service accepts HTTP-POST only.', 405);
      const { res, record } = await this.acs(req);
      if (record) this.acsListeners.forEach((l) => l(record, req, res));
      return res;
    }
    if (urls.signOnUrl && samePath(urls.signOnUrl, req.url)) return this.signOn(req);
    if (urls.sloUrl && samePath(urls.sloUrl, req.url)) return this.singleLogout(req);
    if (urls.metadataUrl && samePath(urls.metadataUrl, req.url)) return text(this.core.metadata(), 200, 'application/samlmetadata+xml');
    const session = this.sessions.get(req.cookies[SESSION_COOKIE] ?? '');
    return rendered(session ? this.behaviour.renderSignedIn(session, undefined) : this.behaviour.renderHome(urls.signOnUrl));
  }

  private async signOn(req: VirtualRequest): Promise<VirtualResponse> {
    const gated = this.behaviour.gate?.();
    if (gated) return rendered(this.behaviour.renderError(gated, undefined));
    const relayState = req.url.searchParams.get('RelayState') ?? req.form.RelayState ?? undefined;
    const form = this.behaviour.signOnForm;
    const email = req.form.email ?? req.url.searchParams.get('email') ?? undefined;
    if (form && this.behaviour.renderSignOnForm) {
      if (!email) return rendered(this.behaviour.renderSignOnForm(this.urls.signOnUrl!));
      const refused = form.beforeSignOn(email);
      if (refused) return rendered(this.behaviour.renderSignOnForm(this.urls.signOnUrl!, refused), {});
    }
    // A passive check ("is there an SSO session already?"), as SP libraries offer.
    const isPassive = req.url.searchParams.get('isPassive') === 'true';
    const out = await this.core.loginRequest({ ...(relayState !== undefined ? { relayState } : {}), isPassive });
    if (!out.ok) return rendered(this.behaviour.renderError({ code: out.error.code, message: out.error.message, httpStatus: 409 }, undefined));
    // Asked to let the user pick (prompt=select_account), the SP names no account to Entra.
    const pick = (req.form.prompt ?? req.url.searchParams.get('prompt')) === 'select_account';
    const hint = pick ? undefined : (email ?? req.url.searchParams.get('login_hint'));
    return redirect(hint ? `${out.value.url}&login_hint=${encodeURIComponent(hint)}` : out.value.url);
  }

  private async acs(req: VirtualRequest): Promise<{ res: VirtualResponse; record?: SignInRecord }> {
    const samlResponse = req.form.SAMLResponse;
    const relayState = req.form.RelayState;
    const gated = this.behaviour.gate?.();
    if (gated) {
      const responseId = samlResponse ? peekResponseId(samlResponse) : undefined;
      const record = this.remember({ at: new Date().toISOString(), ...(responseId ? { responseId } : {}), outcome: { kind: 'refused', ...gated } });
      return { res: rendered(this.behaviour.renderError(gated, undefined)), record };
    }
    if (!samlResponse) {
      const missing = this.behaviour.missingResponse?.() ?? { code: 'NO_SAML_RESPONSE', message: 'The POST to the ACS carried no SAMLResponse.', httpStatus: 400 };
      return { res: rendered(this.behaviour.renderError(missing, undefined)) };
    }
    const report = await this.core.validate(samlResponse);
    // A response that does not even parse is still filed under its ID, so a flow can find the refusal.
    const responseId = report.message.responseId ?? peekResponseId(samlResponse);
    const base = { at: report.evaluatedAt, report, ...(responseId ? { responseId } : {}), ...(relayState !== undefined ? { relayState } : {}) };
    if (!report.ok || !report.identity) {
      const failure = this.behaviour.samlFailure(report);
      const record = this.remember({ ...base, outcome: { kind: 'refused', ...failure } });
      return { res: rendered(this.behaviour.renderError(failure, report)), record };
    }
    const decision = await this.behaviour.decide(report.identity, report, relayState);
    if (decision.kind === 'refused') {
      const record = this.remember({ ...base, outcome: decision });
      return { res: rendered(this.behaviour.renderError(decision, report)), record };
    }
    const record = this.remember({ ...base, outcome: { kind: 'signed-in', identity: report.identity, ...(decision.details ? { details: decision.details } : {}) } });
    const sid = randomBytes(18).toString('base64url');
    this.sessions.set(sid, report.identity);
    if (this.sessions.size > MAX_SESSIONS) this.sessions.delete(this.sessions.keys().next().value!);
    return { res: rendered(this.behaviour.renderSignedIn(report.identity, decision.details), { cookies: [{ name: SESSION_COOKIE, value: sid }] }), record };
  }

  private async singleLogout(req: VirtualRequest): Promise<VirtualResponse> {
    if (req.url.searchParams.has('SAMLResponse')) {
      const result = this.core.logoutResponse(req.rawQuery);
      if (!result.ok) return rendered(this.behaviour.renderError({ code: 'LOGOUT_RESPONSE_REFUSED', message: result.reason, httpStatus: 400 }, undefined));
      return rendered(this.behaviour.renderSignedOut(), { cookies: [{ name: SESSION_COOKIE, value: null }] });
    }
    const sid = req.cookies[SESSION_COOKIE] ?? '';
    const identity = this.sessions.get(sid);
    if (!identity) return rendered(this.behaviour.renderSignedOut());
    this.sessions.delete(sid);
    const out = await this.core.logoutRequest(identity);
    if (!out.ok) return rendered(this.behaviour.renderError({ code: out.error.code, message: out.error.message, httpStatus: 409 }, undefined));
    return redirect(out.value.url, [{ name: SESSION_COOKIE, value: null }]);
  }

  private remember(record: SignInRecord): SignInRecord {
    this.history.push(record);
    if (this.history.length > HISTORY) this.history.shift();
    return record;
  }
}

/** The Response ID of a posted message, read without validating it (to file a refusal under it). */
export function peekResponseId(samlResponse: string): string | undefined {
  const decoded = decodeAnyMessage(samlResponse);
  return decoded.ok ? /<(?:\w+:)?Response\b[^>]*?\sID="([^"]+)"/.exec(decoded.value.xml)?.[1] : undefined;
}

function samePath(configured: string, url: URL): boolean {
  try {
    const c = new URL(configured);
    return c.host.toLowerCase() === url.host.toLowerCase() && c.pathname === url.pathname;
  } catch {
    return false;
  }
}
