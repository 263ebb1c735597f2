import { randomBytes } from 'node:crypto';
import type { Clock } from '../base/clock';
import { err, ok, type Result } from '../base/errors';
import { newGuid } from '../base/ids';
import { STATUS } from '../xml/namespaces';
import { aadsts, type AadstsCode, type AadstsError } from './aadsts';
import { signingCertificate } from './app-certificates';
import { defaultIdentifier, defaultReplyUrl } from './app-defaults';
import { decideAuthnContext } from './authn-context';
import { acceptAuthnRequest, readAuthnRequest, type AcceptedAuthnRequest } from './authn-request';
import { issueClaims } from './claims';
import { findUserByUpn, isAssigned } from './directory';
import { decodeInbound, type InboundMessage } from './inbound-message';
import { acceptLogoutRequest, buildLogoutResponseUrl, buildParticipantLogoutUrl } from './logout';
import type { EnterpriseApp, Tenant, User } from './model';
import { logoutResponseIssuer } from './logout-issuer';
import { CREDENTIALS_ENTERED_MS, buildErrorResponse, buildLoginResponse } from './response-builder';
import { SessionStore, type IdpSession } from './sessions';
import { entraIssuer, type IdpUrls } from './urls';

export interface IdpState {
  tenant: Tenant;
  apps: readonly EnterpriseApp[];
}

/** What the browser brings besides the SAML message: the Entra session cookie and Entra's query hints. */
export interface BrowserContext {
  sessionId?: string;
  loginHint?: string;
  prompt?: string;
}

export interface AppRef {
  appId: string;
  displayName: string;
}

/** Session cookie change: a new session id to set, null to clear, undefined to leave alone. */
type SessionChange = { setSession?: string | null };

export type IdpOutcome =
  | ({ kind: 'error'; error: AadstsError; requestId: string; correlationId: string; timestamp: string; app?: AppRef } & SessionChange)
  | ({ kind: 'pick-account'; ctx: string; app: AppRef; accounts: Array<{ upn: string; displayName: string }> } & SessionChange)
  | ({ kind: 'mfa-prompt'; ctx: string; app: AppRef; upn: string } & SessionChange)
  | ({ kind: 'post'; action: string; fields: Record<string, string>; issued: IssuedSummary } & SessionChange)
  | ({ kind: 'redirect'; location: string } & SessionChange)
  | ({ kind: 'signed-out' } & SessionChange)
  /** Signed out of several apps: front-channel LogoutRequests to the others, then on to the initiator. */
  | ({ kind: 'signed-out-fanout'; notify: string[]; next?: string } & SessionChange)
  | { kind: 'not-found'; message: string };

export interface IssuedSummary {
  kind: 'response' | 'error-response';
  responseId: string;
  assertionId?: string;
  app: AppRef;
  user?: string;
  xml: string;
}

/** Where a sign-in is headed once a user is known. */
interface SignInTarget {
  app: EnterpriseApp;
  acsUrl: string;
  /** The Identifier the sign-in is for: the request's Issuer, or the default Identifier when IdP-initiated. */
  identifier: string;
  relayState?: string;
  inResponseTo?: string;
  requestedAuthnContext?: AcceptedAuthnRequest['requestedAuthnContext'];
  nameIdFormat?: string;
  forceAuthn: boolean;
  isPassive: boolean;
}

export interface EntraIdpDeps {
  state: () => IdpState;
  clock: Clock;
  urls: IdpUrls;
  /** Further URLs a request's Destination may name (the loopback form of the Login URL, known once the host runs). */
  extraDestinations?: () => readonly string[];
  sessions?: SessionStore;
  /** Sign this user in whenever no session or hint decides, for headless use (`serve --user`). */
  autoSignInUpn?: () => string | undefined;
  /** Per-flow attribute values that replace the directory's (the harness's attribute sets). */
  overridesFor?: (user: User) => Readonly<Record<string, readonly string[]>> | undefined;
}

const PENDING_TTL_MS = 10 * 60_000;

/** The mock Entra ID tenant's protocol logic, independent of HTTP: the host turns outcomes into pages. */
export class EntraIdp {
  readonly sessions: SessionStore;
  private readonly pending = new Map<string, { target: SignInTarget; created: number }>();
  /** Sign-ins waiting on the user's answer to the MFA prompt. */
  private readonly mfaPending = new Map<string, { target: SignInTarget; userId: string; sessionId: string; created: number }>();

  constructor(private readonly deps: EntraIdpDeps) {
    this.sessions = deps.sessions ?? new SessionStore();
  }

  /** Headless use: sign this user in whenever no session or hint decides (serve --user). */
  setAutoSignIn(upn: string | undefined): void {
    this.autoUpn = upn;
  }

  private autoUpn: string | undefined;
  /** Errors a test asked for: the next sign-ins (to one app, or any) are answered with these codes. */
  private readonly faults: Array<{ code: AadstsCode; appId?: string; remaining: number }> = [];

  /**
   * Answers the next `times` sign-ins (to the app with this appId, or to any) with this AADSTS error, as a test
   * of an SP's error handling asks. Codes the tenant raises by itself stay tied to a real fault; this is for an
   * SP that only needs to see the error page or error Response.
   */
  injectFault(code: AadstsCode, opts: { appId?: string; times?: number } = {}): void {
    this.faults.push({ code, remaining: opts.times ?? 1, ...(opts.appId ? { appId: opts.appId } : {}) });
  }

  clearFaults(): void {
    this.faults.length = 0;
  }

  private takeFault(target: SignInTarget): AadstsError | undefined {
    const i = this.faults.findIndex((f) => !f.appId || f.appId === target.app.appId);
    if (i < 0) return undefined;
    const f = this.faults[i]!;
    if (--f.remaining <= 0) this.faults.splice(i, 1);
    const known: Record<string, string> = { appId: target.app.appId, appName: target.app.displayName, identifier: target.identifier, replyUrl: target.acsUrl, tenant: this.tenant.id };
    // Any value the message names that the request does not give is shown as injected, not left "undefined".
    return aadsts(f.code, new Proxy(known, { get: (o, k) => (typeof k === 'string' ? (o[k] ?? '(injected by the test)') : undefined) }));
  }

  get tenant(): Tenant {
    return this.deps.state().tenant;
  }

  apps(): readonly EnterpriseApp[] {
    return this.deps.state().apps;
  }

  /** GET or POST {tenant}/saml2: an AuthnRequest or a LogoutRequest. */
  async handleSaml2(msg: InboundMessage, browser: BrowserContext): Promise<IdpOutcome> {
    const decoded = decodeInbound(msg);
    if (!decoded.ok) return this.errorPage(decoded.error);
    const { tenant, apps } = this.deps.state();
    if (decoded.value.kind === 'LogoutRequest') {
      // Entra takes single logout over HTTP-Redirect only (single-sign-out-saml-protocol); a POST leaves its
      // query without the SAMLRequest it looks for there.
      if (msg.binding === 'post') return this.errorPage(aadsts(750054));
      return this.logout(decoded.value.root, msg.relayState, browser);
    }
    const read = readAuthnRequest(decoded.value.root, decoded.value.xml);
    if (!read.ok) return this.errorPage(read.error);
    const accepted = acceptAuthnRequest(read.value, msg, decoded.value.root, {
      tenantName: tenant.domains[0]!,
      apps,
      now: this.deps.clock.now(),
      acceptedDestinations: [this.deps.urls.saml2, ...(this.deps.extraDestinations?.() ?? [])],
    });
    if (!accepted.ok) return this.errorPage(accepted.error);
    const r = accepted.value;
    return this.signIn(
      {
        app: r.app,
        acsUrl: r.acsUrl,
        identifier: r.issuer,
        inResponseTo: r.id,
        forceAuthn: r.forceAuthn,
        isPassive: r.isPassive,
        ...(msg.relayState !== undefined ? { relayState: msg.relayState } : {}),
        ...(r.requestedAuthnContext ? { requestedAuthnContext: r.requestedAuthnContext } : {}),
        ...(r.nameIdFormat ? { nameIdFormat: r.nameIdFormat } : {}),
      },
      browser,
    );
  }

  /** My Apps tile / "Test single sign-on": the Sign on URL if set, else an unsolicited response. */
  async launchFromMyApps(appId: string, browser: BrowserContext): Promise<IdpOutcome> {
    const app = this.deps.state().apps.find((a) => a.appId === appId);
    if (!app) return { kind: 'not-found', message: `No application with appId ${appId} in this tenant.` };
    if (!app.enabled) return this.errorPage(aadsts(7000112, { appId: app.appId, appName: app.displayName }), app);
    if (app.saml.signOnUrl) return { kind: 'redirect', location: app.saml.signOnUrl };
    const acsUrl = defaultReplyUrl(app);
    if (!acsUrl) return this.errorPage(aadsts(50011, { replyUrl: '(none)', appId: app.appId }), app);
    const identifier = defaultIdentifier(app) ?? app.appId;
    return this.signIn({ app, acsUrl, identifier, forceAuthn: false, isPassive: false, ...(app.saml.relayState ? { relayState: app.saml.relayState } : {}) }, browser);
  }

  /** The account picker's choice. */
  async pickAccount(ctx: string, upn: string): Promise<IdpOutcome> {
    const p = this.pending.get(ctx);
    this.pending.delete(ctx);
    if (!p || Date.now() - p.created > PENDING_TTL_MS) {
      return { kind: 'not-found', message: 'This sign-in request is no longer pending; start the sign-in again from the application.' };
    }
    const user = this.lookup(upn, p.target.app);
    if (!user.ok) return this.errorPage(user.error, p.target.app);
    return this.issue(user.value, p.target, undefined);
  }

  private async signIn(target: SignInTarget, browser: BrowserContext): Promise<IdpOutcome> {
    const fault = this.takeFault(target);
    if (fault) return this.errorPage(fault, target.app);
    const session = this.sessions.get(browser.sessionId);
    const reuse = session && !target.forceAuthn && browser.prompt !== 'login';
    if (browser.loginHint) {
      const user = this.lookup(browser.loginHint, target.app);
      if (!user.ok) return this.errorPage(user.error, target.app);
      const same = reuse && session.userId === user.value.objectid ? session : undefined;
      // login_hint only names the account; a passive request still needs a session to be silent.
      if (target.isPassive && !same) return this.passiveFailure(target);
      return this.issue(user.value, target, same);
    }
    if (reuse) {
      const user = this.tenant.users.find((u) => u.objectid === session.userId);
      if (user) return this.issue(user, target, session);
    }
    if (target.isPassive) return this.passiveFailure(target);
    const auto = this.autoUpn ?? this.deps.autoSignInUpn?.();
    if (auto) {
      const user = this.lookup(auto, target.app);
      if (!user.ok) return this.errorPage(user.error, target.app);
      return this.issue(user.value, target, undefined);
    }
    const ctx = randomBytes(18).toString('base64url');
    this.pending.set(ctx, { target, created: Date.now() });
    return {
      kind: 'pick-account',
      ctx,
      app: ref(target.app),
      accounts: this.tenant.users.map((u) => ({ upn: u.attributes.userprincipalname, displayName: u.attributes.displayname })),
    };
  }

  /** A user named by login_hint or the picker: unknown in a tenant domain is 50034, in another domain 50020. */
  private lookup(upn: string, app: EnterpriseApp): Result<User, AadstsError> {
    const tenant = this.tenant;
    const user = findUserByUpn(tenant, upn);
    if (user) return ok(user);
    const domain = upn.split('@')[1]?.toLowerCase() ?? '';
    if (tenant.domains.some((d) => d.toLowerCase() === domain)) return err(aadsts(50034, { upn, tenant: tenant.id }));
    return err(aadsts(50020, { upn, idp: 'live.com', tenant: tenant.id, appId: app.appId, appName: app.displayName }));
  }

  /** The answer to the MFA prompt: approved, the session has done MFA and the sign-in goes on; denied, AADSTS500121. */
  async answerMfa(ctx: string, decision: string): Promise<IdpOutcome> {
    const p = this.mfaPending.get(ctx);
    this.mfaPending.delete(ctx);
    if (!p || Date.now() - p.created > PENDING_TTL_MS) return { kind: 'not-found', message: 'This sign-in request is no longer pending; start the sign-in again from the application.' };
    const user = this.tenant.users.find((u) => u.objectid === p.userId);
    const session = this.sessions.get(p.sessionId);
    if (!user || !session) return { kind: 'not-found', message: 'The sign-in this answer belongs to has ended.' };
    if (decision === 'deny') return this.errorPage(aadsts(500121), p.target.app);
    // No method at hand to answer with: Entra stops with the strong-authentication-required error.
    if (decision !== 'approve') return this.errorPage(aadsts(50076, { appId: p.target.app.appId }), p.target.app);
    session.authMethod = 'mfa';
    return this.issue(user, p.target, session);
  }

  /** What Entra checks once the user has authenticated (so a session exists even when these refuse). */
  private checkUser(user: User, target: SignInTarget, sessionMethod: User['authMethod']): Result<string, AadstsError> {
    const { app } = target;
    const context = decideAuthnContext(sessionMethod, target.requestedAuthnContext);
    if (!context.ok) return err(aadsts(75011, { actual: context.actual, requested: context.requested, appName: app.displayName }));
    if (!isAssigned(this.tenant, app, user)) {
      return err(aadsts(50105, { appName: app.displayName, appId: app.appId, upn: user.attributes.userprincipalname }));
    }
    if (user.conditionalAccess === 'block') return err(aadsts(53003));
    return ok(context.classRef);
  }

  private async issue(user: User, target: SignInTarget, existing: IdpSession | undefined): Promise<IdpOutcome> {
    const { app } = target;
    const now = this.deps.clock.now();
    // A disabled account cannot authenticate; anyone else now has an Entra session, whatever the app says.
    if (!user.accountEnabled) return this.errorPage(aadsts(50057), app);
    const session = existing ?? this.sessions.create(user.objectid, user.authMethod, new Date(now.getTime() - CREDENTIALS_ENTERED_MS));
    const sessionChange = existing ? {} : { setSession: session.id };
    const refuse = (e: AadstsError): IdpOutcome => ({ ...this.errorPage(e, app), ...sessionChange });
    const checked = this.checkUser(user, target, session.authMethod);
    if (!checked.ok) return refuse(checked.error);
    // Conditional Access asks for MFA the session has not done: a browser gets the prompt; a request that
    // must not interact (IsPassive) cannot, and is refused.
    if (user.conditionalAccess === 'require-mfa' && session.authMethod === 'password') {
      if (target.isPassive) return refuse(aadsts(50076, { appId: app.appId }));
      const ctx = randomBytes(18).toString('base64url');
      this.mfaPending.set(ctx, { target, userId: user.objectid, sessionId: session.id, created: Date.now() });
      return { kind: 'mfa-prompt', ctx, app: ref(app), upn: user.attributes.userprincipalname, ...sessionChange };
    }
    const cert = signingCertificate(app, now);
    if (!cert.ok) return refuse(cert.error);
    const overrides = this.deps.overridesFor?.(user);
    const claims = issueClaims({
      tenant: this.tenant,
      app,
      // authnmethodsreferences tells how this session authenticated (MFA once the prompt was approved).
      user: session.authMethod === user.authMethod ? user : { ...user, authMethod: session.authMethod },
      ...(target.nameIdFormat ? { requestedNameIdFormat: target.nameIdFormat } : {}),
      ...(overrides ? { overrides } : {}),
    });
    if (!claims.ok) return refuse(claims.error);
    // "Advanced SAML claims options": the app ID appended to the Issuer, and an Audience of the admin's choice.
    const advanced = app.claims.advanced;
    const built = await buildLoginResponse({
      issuer: `${entraIssuer(this.tenant.id)}${advanced?.appendApplicationIdToIssuer ? app.appId : ''}`,
      app,
      certificate: cert.value,
      claims: claims.value,
      acsUrl: target.acsUrl,
      audience: advanced?.audienceOverride ?? audienceFor(target.identifier),
      authnInstant: session.authInstant,
      authnContextClassRef: checked.value,
      now,
      timing: this.tenant.tokenTiming ?? '2022',
      ...(target.inResponseTo ? { inResponseTo: target.inResponseTo } : {}),
    });
    this.sessions.addParticipant(session, { appId: app.appId, sessionIndex: built.assertionId, nameId: claims.value.nameId.value });
    return {
      kind: 'post',
      action: target.acsUrl,
      fields: { SAMLResponse: built.samlResponse, ...(target.relayState !== undefined ? { RelayState: target.relayState } : {}) },
      issued: { kind: 'response', responseId: built.responseId, assertionId: built.assertionId, app: ref(app), user: user.attributes.userprincipalname, xml: built.xml },
      ...sessionChange,
    };
  }

  /** IsPassive with no session: Entra posts a NoPassive error Response back rather than showing a page. */
  private passiveFailure(target: SignInTarget): IdpOutcome {
    const e = aadsts(50058);
    const built = buildErrorResponse({
      issuer: entraIssuer(this.tenant.id),
      acsUrl: target.acsUrl,
      statusCode: STATUS.requester,
      subStatusCode: STATUS.noPassive,
      statusMessage: `${e.message}\r\nTrace ID: ${newGuid()}\r\nCorrelation ID: ${newGuid()}\r\nTimestamp: ${entraTimestamp(this.deps.clock.now())}`,
      now: this.deps.clock.now(),
      ...(target.inResponseTo ? { inResponseTo: target.inResponseTo } : {}),
    });
    return {
      kind: 'post',
      action: target.acsUrl,
      fields: { SAMLResponse: built.samlResponse, ...(target.relayState !== undefined ? { RelayState: target.relayState } : {}) },
      issued: { kind: 'error-response', responseId: built.responseId, app: ref(target.app), xml: built.xml },
    };
  }

  private logout(root: Element, relayState: string | undefined, browser: BrowserContext): IdpOutcome {
    const now = this.deps.clock.now();
    const session = this.sessions.get(browser.sessionId);
    const accepted = acceptLogoutRequest(root, this.deps.state().apps, session, now);
    if (!accepted.ok) return this.errorPage(accepted.error);
    const { app } = accepted.value;
    const notify = session ? this.otherParticipants(session, app.appId, now) : [];
    if (session) this.sessions.end(session.id);
    const cert = signingCertificate(app, now);
    const next =
      app.saml.logoutUrl && cert.ok
        ? buildLogoutResponseUrl({
            request: accepted.value,
            logoutUrl: app.saml.logoutUrl,
            issuer: logoutResponseIssuer(this.tenant, this.deps.urls),
            signer: cert.value,
            now,
            ...(relayState !== undefined ? { relayState } : {}),
          }).url
        : undefined;
    if (notify.length) return { kind: 'signed-out-fanout', notify, setSession: null, ...(next ? { next } : {}) };
    return next ? { kind: 'redirect', location: next, setSession: null } : { kind: 'signed-out', setSession: null };
  }

  /** Signed LogoutRequests for every other app the session signed in to that has a Logout URL. */
  private otherParticipants(session: IdpSession, initiator: string, now: Date): string[] {
    return session.participants.flatMap((p) => {
      const other = p.appId === initiator ? undefined : this.deps.state().apps.find((a) => a.appId === p.appId);
      const cert = other ? signingCertificate(other, now) : undefined;
      if (!other?.saml.logoutUrl || !cert?.ok) return [];
      return [buildParticipantLogoutUrl({ logoutUrl: other.saml.logoutUrl, issuer: entraIssuer(this.tenant.id), nameId: p.nameId, sessionIndex: p.sessionIndex, signer: cert.value, now })];
    });
  }

  errorPage(error: AadstsError, app?: EnterpriseApp): IdpOutcome {
    return {
      kind: 'error',
      error,
      requestId: newGuid(),
      correlationId: newGuid(),
      timestamp: entraTimestamp(this.deps.clock.now()),
      ...(app ? { app: ref(app) } : {}),
    };
  }
}

const ref = (app: EnterpriseApp): AppRef => ({ appId: app.appId, displayName: app.displayName });

/** Entra's Audience is the Identifier itself, or `spn:` + Identifier when the Identifier is not a URI. */
export function audienceFor(identifier: string): string {
  return /^[a-z][a-z0-9+.-]*:/i.test(identifier) ? identifier : `spn:${identifier}`;
}

/** "2026-11-23 10:43:05Z", as Entra's error pages print it. */
export function entraTimestamp(d: Date): string {
  return d
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z');
}
