import { CoreError } from '../base/errors';
import { fromLoopback, toLoopback } from '../http/loopback-urls';
import { unreachablePage } from '../http/unreachable-page';
import { AGENT_HEADER, type AgentTransport } from '../http/transport';
import { CookieJar } from './cookie-jar';
import { parseHtmlPage, type HtmlForm, type HtmlPage } from './html-forms';
import { samlMessagesIn, type SamlMessageView } from './saml-message-view';

export type { AgentTransport };

export interface Hop {
  index: number;
  /** GET or POST for the harness's own flows; whatever the browser sent in a captured trace. */
  method: string;
  /** The real URL (https://login.microsoftonline.com/…), whatever loopback URL carried it. */
  url: string;
  status: number;
  location?: string;
  contentType?: string;
  /** Cookie names sent and Set-Cookie lines received: what matters for SSO sessions. */
  cookiesSent: string[];
  cookiesSet: string[];
  form?: Record<string, string>;
  saml: SamlMessageView[];
  page?: { title: string; kind?: string; aadsts?: number; message?: string };
  /** Frames the page loads (Entra's front-channel logout notifications to the session's other apps). */
  frames?: string[];
  /** The HTML page as the browser got it, for the storyboard (redirects have none). */
  body?: string;
  /** How the hop came about; 'captured' for hops read from a HAR file or a SAML-tracer export. */
  cause: 'navigate' | 'redirect' | 'auto-post' | 'form' | 'captured';
  durationMs: number;
}

export function pageSummary(html: HtmlPage): NonNullable<Hop['page']> {
  const message = html.aadsts ? html.root.querySelector('[data-testid=aadsts-message]')?.text.trim() : undefined;
  return { title: html.title, ...(html.pageKind ? { kind: html.pageKind } : {}), ...(html.aadsts ? { aadsts: html.aadsts } : {}), ...(message ? { message } : {}) };
}

const frames = (html: HtmlPage): string[] => html.root.querySelectorAll('iframe[src]').map((f) => f.getAttribute('src')!);

export interface Page {
  url: string;
  status: number;
  body: string;
  html?: HtmlPage;
}

const MAX_HOPS = 25;

/**
 * A headless browser for SAML: follows redirects, submits auto-posting forms, keeps cookies per host and
 * records every hop. Virtual hosts are reached over real HTTP on loopback; other loopback URLs (an app under
 * test) directly; anything else is unreachable, as there is no network.
 */
export class UserAgent {
  readonly jar = new CookieJar();
  readonly hops: Hop[] = [];
  /** The last page loaded, as a browser would show it. */
  lastPage: Page | undefined;

  constructor(private readonly transport: AgentTransport) {}

  async navigate(url: string): Promise<Page> {
    return this.run({ method: 'GET', url, cause: 'navigate' });
  }

  /** Submits a form of the current page (a click on its button), then follows what comes. */
  async submit(form: HtmlForm, overrides: Record<string, string> = {}): Promise<Page> {
    const fields = { ...form.fields, ...overrides };
    const url = this.realUrl(form.action);
    if (form.method === 'GET') {
      const u = new URL(url);
      for (const [k, v] of Object.entries(fields)) u.searchParams.set(k, v);
      return this.run({ method: 'GET', url: u.toString(), cause: 'form' });
    }
    return this.run({ method: 'POST', url, form: fields, cause: 'form' });
  }

  async post(url: string, form: Record<string, string>): Promise<Page> {
    return this.run({ method: 'POST', url, form, cause: 'navigate' });
  }

  private realUrl(url: string): string {
    return fromLoopback(url) ?? url;
  }

  private wireUrl(real: URL): string | undefined {
    if (this.transport.virtualHosts().has(real.host.toLowerCase())) return toLoopback(real, this.transport.origin);
    if (['127.0.0.1', 'localhost', '[::1]'].includes(real.hostname)) return real.toString();
    return undefined;
  }

  private async run(first: { method: 'GET' | 'POST'; url: string; form?: Record<string, string>; cause: Hop['cause'] }): Promise<Page> {
    let next: typeof first | undefined = first;
    let page: Page | undefined;
    while (next) {
      if (this.hops.length >= MAX_HOPS) throw new CoreError('TOO_MANY_HOPS', `The flow took more than ${MAX_HOPS} hops; a redirect loop?`);
      const result = await this.fetchOnce(next);
      page = result.page;
      next = result.next;
    }
    return page!;
  }

  private async fetchOnce(req: { method: 'GET' | 'POST'; url: string; form?: Record<string, string>; cause: Hop['cause'] }) {
    const started = performance.now();
    const real = new URL(this.realUrl(req.url));
    const wire = this.wireUrl(real);
    const cookieHeader = this.jar.header(real.host);
    let status: number;
    let body: string;
    let headers: Headers | undefined;
    if (!wire) {
      status = 502;
      body = unreachablePage(real.host).markup;
    } else {
      const res = await fetch(wire, {
        method: req.method,
        redirect: 'manual',
        headers: {
          // The harness's own agent says so: what it does is a run already; anything else is an outside client.
          [AGENT_HEADER]: '1',
          ...(cookieHeader ? { cookie: cookieHeader } : {}),
          ...(req.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
        ...(req.form ? { body: new URLSearchParams(req.form).toString() } : {}),
      });
      status = res.status;
      headers = res.headers;
      body = await res.text();
      this.jar.store(real.host, res.headers.getSetCookie());
    }
    const location = headers?.get('location') ? this.realUrl(new URL(headers.get('location')!, wire ?? req.url).toString()) : undefined;
    const contentType = headers?.get('content-type') ?? (wire ? undefined : 'text/html');
    const html = contentType?.includes('text/html') ? parseHtmlPage(body, wire ?? req.url) : undefined;
    this.hops.push({
      index: this.hops.length,
      method: req.method,
      url: real.toString(),
      status,
      cause: req.cause,
      cookiesSent: this.jarNames(cookieHeader),
      cookiesSet: headers?.getSetCookie().map((c) => c.split(';')[0]!) ?? [],
      saml: samlMessagesIn(real.searchParams, req.form),
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      ...(location ? { location } : {}),
      ...(contentType ? { contentType } : {}),
      ...(req.form ? { form: req.form } : {}),
      ...(html ? { page: pageSummary(html) } : {}),
      ...(html && !(status >= 300 && status < 400) ? { body } : {}),
      ...(html && frames(html).length ? { frames: frames(html).map((u) => this.realUrl(u)) } : {}),
    });
    const page: Page = { url: real.toString(), status, body, ...(html ? { html } : {}) };
    this.lastPage = page;
    if (location && status >= 300 && status < 400) return { page, next: { method: 'GET' as const, url: location, cause: 'redirect' as const } };
    const auto = html?.forms.find((f) => f.autoSubmit);
    if (auto) {
      const action = this.realUrl(auto.action);
      return {
        page,
        next: auto.method === 'POST' ? { method: 'POST' as const, url: action, form: auto.fields, cause: 'auto-post' as const } : { method: 'GET' as const, url: action, cause: 'auto-post' as const },
      };
    }
    if (html?.refresh) return { page, next: { method: 'GET' as const, url: this.realUrl(html.refresh), cause: 'redirect' as const } };
    return { page, next: undefined };
  }

  private jarNames(header: string | undefined): string[] {
    return header ? header.split('; ').map((p) => p.split('=')[0]!) : [];
  }
}
