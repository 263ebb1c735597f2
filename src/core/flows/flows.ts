import type { IdpUrls } from '../idp/urls';
import type { Collision } from '../sp/collision';
import type { Identity } from '../sp/model';
import type { RequestFinding } from '../idp/request-check';
import type { CheckId, ValidationReport } from '../sp/report';
import type { SiteRegistry } from '../sites/site-registry';
import { peekResponseId, type SignInRecord, type SpSite } from '../sites/sp-site';
import { UserAgent, type AgentTransport, type Hop, type Page } from './user-agent';

/** 'acs-post': a POST straight to the SP's ACS, as a bookmark or a replayed form would send it. */
/** 'external': a real browser and SP outside the harness, seen from the tenant's side. */
export type FlowKind = 'sp-initiated' | 'idp-initiated' | 'sp-logout' | 'acs-post' | 'external';

/** `sp` is the SP's display name, as a sentence names it ("ImageKit", not "imagekit"). */
export type FlowOutcome =
  | { status: 'signed-in'; sp: string; identity: Identity; details?: Readonly<Record<string, unknown>> }
  | { status: 'signed-out'; sp: string }
  /** The tenant issued a response to an outside SP's ACS URL: what the SP makes of it is the SP's. */
  | { status: 'issued'; sp: string; appId: string; acsUrl: string; user?: string; responseId: string }
  | { status: 'error'; source: 'entra' | 'sp' | 'setup' | 'network' | 'harness'; code: string; message: string; httpStatus?: number; check?: CheckId; reason?: string; collided?: Collision };

export interface FlowResult {
  flow: FlowKind;
  hops: Hop[];
  /** The SP core's report on the response that reached the ACS, when one did. */
  report?: ValidationReport;
  outcome: FlowOutcome;
  /** The page the user ended on (the vendor's signed-in or error page, Entra's error page). */
  page?: { url: string; status: number; html: string };
  /** Entra's reading of the AuthnRequest, for a run by an outside SP (the harness cannot check its response). */
  authnRequest?: RequestFinding;
  /** What the harness has to say of the run beyond its outcome (a LogoutResponse Issuer the SP may not know). */
  notes?: string[];
  startedAt: string;
  durationMs: number;
}

export interface FlowEnv {
  transport: AgentTransport;
  idpUrls: IdpUrls;
  sites: SiteRegistry;
}

export interface SignInOptions {
  /** The account to pick on Entra's "Pick an account" page (UPN). */
  user?: string;
  /** The email to type on a vendor's SSO login page (default: the user). */
  email?: string;
  /** Reuse a browser (its cookies: an Entra session, an SP session). */
  agent?: UserAgent;
  /** The answer to an MFA prompt (default: approve); 'unavailable': the user has no method to answer with. */
  mfa?: 'approve' | 'deny' | 'unavailable';
  /** SP-initiated: the SP sends no login_hint (as "Use another account" does), so Entra's account picker shows. */
  accountPicker?: boolean;
}

/** Picks the user on the account picker if Entra shows it; a flow without a user stops there. */
async function pickAccount(agent: UserAgent, page: Page, user: string | undefined, mfa: SignInOptions['mfa'] = 'approve'): Promise<Page | FlowOutcome> {
  if (page.html?.pageKind === 'mfa-prompt') return answerMfa(agent, page, mfa);
  if (page.html?.pageKind !== 'pick-account') return page;
  if (!user) return { status: 'error', source: 'harness', code: 'ACCOUNT_SELECTION_REQUIRED', message: 'Entra asks to pick an account and the flow names no user.' };
  const form = page.html.forms.find((f) => f.fields.login?.toLowerCase() === user.toLowerCase());
  if (!form) return { status: 'error', source: 'entra', code: 'AADSTS50034', message: `${user} is not among the accounts Entra offers.` };
  const next = await agent.submit(form);
  return next.html?.pageKind === 'mfa-prompt' ? answerMfa(agent, next, mfa) : next;
}

/** Answers Entra's MFA prompt as the user's phone would. */
async function answerMfa(agent: UserAgent, page: Page, mfa: NonNullable<SignInOptions['mfa']>): Promise<Page | FlowOutcome> {
  const form = page.html!.forms.find((f) => f.fields.decision === (mfa === 'deny' ? 'deny' : 'approve'));
  if (!form) return { status: 'error', source: 'harness', code: 'MFA_PROMPT_UNREADABLE', message: 'The MFA prompt has no answer to give.' };
  return agent.submit(form, mfa === 'unavailable' ? { decision: 'unavailable' } : {});
}

function entraError(page: Page): FlowOutcome | undefined {
  const code = page.html?.aadsts;
  if (!code) return undefined;
  const message = page.html?.root.querySelector('[data-testid=aadsts-message]')?.text ?? `AADSTS${code}`;
  return { status: 'error', source: 'entra', code: `AADSTS${code}`, message };
}

/** A vendor page that refused before any SAML response (e.g. ImageKit's SSO login page). */
function spPageError(page: Page): FlowOutcome | undefined {
  const el = page.html?.root.querySelector('[data-error-code]');
  if (!el) return undefined;
  const reason = page.html?.root.querySelector('[data-error-reason]')?.text;
  return { status: 'error', source: 'sp', code: el.getAttribute('data-error-code')!, message: el.text.trim(), httpStatus: page.status, ...(reason ? { reason } : {}) };
}

/** Reads how the flow ended: an Entra error page, the SP's verdict on the response it got, or a dead end. */
function conclude(env: FlowEnv, agent: UserAgent, page: Page, since: number): { outcome: FlowOutcome; report?: ValidationReport } {
  const hops = agent.hops.slice(since);
  const entra = entraError(page);
  if (entra) return { outcome: entra };
  const post = [...hops].reverse().find((h) => h.method === 'POST' && h.form?.SAMLResponse);
  const refusedEarly = post ? undefined : spPageError(page);
  if (refusedEarly) return { outcome: refusedEarly };
  if (!post) return { outcome: { status: 'error', source: 'harness', code: 'NO_RESPONSE', message: `The flow ended at ${page.url} (HTTP ${page.status}) without a SAMLResponse reaching an SP.` } };
  if (page.html?.pageKind === 'unreachable') {
    return { outcome: { status: 'error', source: 'network', code: 'HOST_UNREACHABLE', message: `The Reply URL's host ${new URL(post.url).host} cannot be reached: the response went nowhere.` } };
  }
  const site = env.sites.all().find((s) => s.serves(new URL(post.url)));
  const record: SignInRecord | undefined = site ? site.recordFor(peekResponseId(post.form!.SAMLResponse!) ?? '') : undefined;
  if (!site || !record) {
    return { outcome: { status: 'error', source: 'sp', code: `HTTP_${post.status}`, message: `The response was posted to ${post.url}, which answered HTTP ${post.status}.`, httpStatus: post.status } };
  }
  const o = record.outcome;
  const outcome: FlowOutcome =
    o.kind === 'signed-in'
      ? { status: 'signed-in', sp: site.behaviour.displayName, identity: o.identity, ...(o.details ? { details: o.details } : {}) }
      : {
          status: 'error',
          source: 'sp',
          code: o.code,
          message: o.message,
          httpStatus: o.httpStatus,
          ...(o.reason ? { reason: o.reason } : {}),
          ...(o.collided ? { collided: o.collided } : {}),
          ...(record.report?.failure ? { check: record.report.failure.id } : {}),
        };
  return { outcome, ...(record.report ? { report: record.report } : {}) };
}

/** One line: "signed-in", "AADSTS50011", "INVALID_ROLE". */
export function describeFlowOutcome(o: FlowOutcome): string {
  return o.status === 'error' ? o.code : o.status;
}

const isOutcome = (x: Page | FlowOutcome): x is FlowOutcome => typeof x.status === 'string';

async function run(flow: FlowKind, env: FlowEnv, agent: UserAgent, body: (agent: UserAgent) => Promise<Page | FlowOutcome>): Promise<FlowResult> {
  const startedAt = new Date();
  const since = agent.hops.length;
  const t0 = performance.now();
  let result: { outcome: FlowOutcome; report?: ValidationReport; page?: FlowResult['page'] };
  try {
    const end = await body(agent);
    const last = agent.hops.length > since ? agent.lastPage : undefined;
    const page = last ? { page: { url: last.url, status: last.status, html: last.body } } : {};
    result = { ...(isOutcome(end) ? { outcome: end } : conclude(env, agent, end, since)), ...page };
  } catch (e) {
    result = { outcome: { status: 'error', source: 'harness', code: (e as { code?: string }).code ?? 'FLOW_FAILED', message: e instanceof Error ? e.message : String(e) } };
  }
  return { flow, hops: agent.hops.slice(since), startedAt: startedAt.toISOString(), durationMs: Math.round(performance.now() - t0), ...result };
}

/** The user opens the SP's sign-on URL; the SP sends an AuthnRequest; Entra signs the user in; the SP decides. */
export function runSpInitiated(env: FlowEnv, site: SpSite, opts: SignInOptions & { relayState?: string; passive?: boolean } = {}): Promise<FlowResult> {
  const agent = opts.agent ?? new UserAgent(env.transport);
  return run('sp-initiated', env, agent, async (a) => {
    if (!site.urls.signOnUrl) return { status: 'error', source: 'sp', code: 'NO_SIGN_ON_URL', message: `${site.behaviour.displayName} has no sign-on URL, so it cannot start a sign-in.` };
    const start = new URL(site.urls.signOnUrl);
    if (opts.relayState !== undefined) start.searchParams.set('RelayState', opts.relayState);
    if (opts.passive) start.searchParams.set('isPassive', 'true');
    const pick: Record<string, string> = opts.accountPicker ? { prompt: 'select_account' } : {};
    for (const [k, v] of Object.entries(pick)) start.searchParams.set(k, v);
    let page = await a.navigate(start.toString());
    const emailForm = page.html?.pageKind === 'sp-sign-on' ? page.html.forms.find((f) => 'email' in f.fields) : undefined;
    const email = opts.email ?? opts.user;
    if (emailForm && email) page = await a.submit(emailForm, { email, ...pick });
    return pickAccount(a, page, opts.user, opts.mfa);
  });
}

/** The user clicks the app's tile in My Apps (or "Test single sign-on"); Entra posts an unsolicited response. */
export function runIdpInitiated(env: FlowEnv, appId: string, opts: SignInOptions = {}): Promise<FlowResult> {
  const agent = opts.agent ?? new UserAgent(env.transport);
  return run('idp-initiated', env, agent, async (a) => pickAccount(a, await a.navigate(env.idpUrls.userAccess(appId)), opts.user, opts.mfa));
}

/** The user signs out at the SP: LogoutRequest to Entra, LogoutResponse back to the SP. Needs the agent that signed in. */
export function runSpLogout(env: FlowEnv, site: SpSite, agent: UserAgent): Promise<FlowResult> {
  return run('sp-logout', env, agent, async (a) => {
    if (!site.urls.sloUrl) return { status: 'error', source: 'sp', code: 'NO_LOGOUT_URL', message: `${site.behaviour.displayName} has no single logout URL.` };
    return endOfLogout(site, await a.navigate(site.urls.sloUrl));
  });
}

function endOfLogout(site: SpSite, page: Page): FlowOutcome {
  const entra = entraError(page);
  if (entra) return entra;
  if (page.html?.pageKind === 'sp-signed-out' || page.html?.pageKind === 'signed-out') return { status: 'signed-out', sp: site.behaviour.displayName };
  return spPageError(page) ?? { status: 'error', source: 'sp', code: 'LOGOUT_NOT_COMPLETED', message: `Logout ended at ${page.url} (HTTP ${page.status}).`, httpStatus: page.status };
}

/** A sign-in that starts with a request the caller made (a crafted AuthnRequest at Entra's URL). */
export function runCraftedSignIn(env: FlowEnv, url: string, opts: SignInOptions = {}): Promise<FlowResult> {
  const agent = opts.agent ?? new UserAgent(env.transport);
  return run('sp-initiated', env, agent, async (a) => pickAccount(a, await a.navigate(url), opts.user, opts.mfa));
}

/** A logout that starts with a LogoutRequest the caller made. */
export function runCraftedLogout(env: FlowEnv, site: SpSite, url: string, agent: UserAgent): Promise<FlowResult> {
  return run('sp-logout', env, agent, async (a) => endOfLogout(site, await a.navigate(url)));
}

/** A POST to the SP's ACS with the given form (none: no SAMLResponse at all). */
export function runAcsPost(env: FlowEnv, site: SpSite, form: Record<string, string> = {}): Promise<FlowResult> {
  return run('acs-post', env, new UserAgent(env.transport), async (a) => a.post(site.urls.acsUrl, form));
}
