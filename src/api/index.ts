/**
 * SAML Harness as a library: a mock Microsoft Entra ID tenant for other projects' test suites, on a free
 * loopback port, with Entra's identifiers, shapes, checks and AADSTS errors.
 *
 *   const entra = await startMockEntra();
 *   const app = await entra.addApp({ name: 'My app', identifier: 'urn:my-app', replyUrl: 'http://127.0.0.1:3000/acs' });
 *   // configure the SP under test from app.metadataUrl (or app.metadataXml), then sign in through app.loginUrl
 *   await entra.stop();
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AADSTS, type AadstsCode } from '../core/idp/aadsts';
import { appFederationMetadata } from '../core/idp/app-metadata';
import { newGuid } from '../core/base/ids';
import { ClaimRule, EnterpriseApp, USER_ATTRIBUTES, type NameIdFormatChoice, type SigningOption, type SourceAttribute, type User } from '../core/idp/model';
import { entraIssuer } from '../core/idp/urls';
import { HarnessRuntime, OUTSIDE_SP } from '../core/runtime/harness-runtime';
import { createApp } from '../core/runtime/app-ops';
import { registerSp } from '../core/runtime/register-sp';
import { pinnedAppCertificate } from '../core/idp/app-certificates';
import { publishedEndpoints } from '../core/runtime/published-endpoints';
import type { FlowResult } from '../core/flows/flows';

export type { FlowResult } from '../core/flows/flows';
export type { Hop } from '../core/flows/user-agent';
export type { SigningOption, SourceAttribute, NameIdFormatChoice } from '../core/idp/model';

/** A user of the mock tenant: a UPN, and any of Entra's user attributes (mail, givenname, department, …). */
export interface MockUser {
  upn: string;
  displayName?: string;
  attributes?: Partial<Record<Exclude<(typeof USER_ATTRIBUTES)[number], 'userprincipalname' | 'displayname'>, string>>;
  /** 'Guest' users get Entra's guest claims. */
  userType?: 'Member' | 'Guest';
  accountEnabled?: boolean;
  /** How the user authenticates: decides authnmethodsreferences and AuthnContext matches. */
  authMethod?: 'password' | 'mfa' | 'x509';
}

/** A claim as "Attributes & Claims" sets it: a name (and namespace), from a user attribute or a constant. */
export interface MockClaim {
  name: string;
  namespace?: string;
  /** `user.mail`, `user.department`, … or a constant value. */
  source: SourceAttribute | { constant: string };
}

export interface MockAppInput {
  name: string;
  /**
   * The SP's metadata XML, as "Upload metadata file" takes it: Identifier, Reply URLs (index, default), Logout Url
   * and verification certificates come from it; identifier and replyUrl may then be left out.
   */
  spMetadata?: string;
  /** Identifier (Entity ID): the SP's entity ID. */
  identifier?: string;
  /** Reply URL (Assertion Consumer Service URL), the default one; more with replyUrls. */
  replyUrl?: string;
  /** Every Reply URL, in the blade's order (the first is the default unless one says isDefault). */
  replyUrls?: Array<{ url: string; index?: number; isDefault?: boolean }>;
  signOnUrl?: string;
  relayState?: string;
  logoutUrl?: string;
  /** Require user assignment (Entra's default); off: every user of the tenant may sign in. Default: off here. */
  assignmentRequired?: boolean;
  /** Attributes & Claims; default: Entra's four default claims. */
  claims?: MockClaim[];
  nameId?: { source: SourceAttribute; format?: NameIdFormatChoice };
  signing?: { option?: SigningOption; algorithm?: 'sha256' | 'sha1' };
  /** Pin the SAML signing certificate (PEM) and its private key, in place of the one Entra makes. */
  signingCertificate?: { certificatePem: string; privateKeyPem: string };
  /** Users (UPNs) assigned to the app; assignment is then required. */
  assign?: string[];
  /** Verification certificates (PEM) the SP signs its AuthnRequests with, and whether Entra requires a signature. */
  requestVerification?: { required?: boolean; certificates?: string[] };
}

export interface MockApp {
  appId: string;
  objectId: string;
  name: string;
  /** The app's Federation Metadata XML URL, with endpoints this machine reaches (http, or https if on). */
  metadataUrl: string;
  /** The same document, as the "Federation Metadata XML" download gives it. */
  metadataXml: string;
  /** The app's signing certificate (PEM), as "Certificate (Base64)". */
  certificatePem: string;
  /** Where IdP-initiated sign-in starts (a My Apps tile). */
  myAppsUrl: string;
}

/** A response the tenant issued to an SP outside the harness (your SP under test). */
export interface IssuedResponse {
  app: string;
  user?: string;
  acsUrl: string;
  responseId: string;
  /** The Response as issued (signed), and base64 as posted. */
  xml: string;
  samlResponse: string;
}

export interface MockEntraOptions {
  /** The http port on 127.0.0.1; default: a free one. */
  port?: number;
  /** Also serve HTTPS with a local CA kept in the workspace (its file: `caFile`). */
  https?: boolean | { port?: number };
  /** A workspace folder to keep; default: a temporary one, removed on stop. */
  workspace?: string;
  /** The tenant's users, in place of the demo tenant's eight. */
  users?: MockUser[];
  /** Sign this user in without the account picker (default: the first user). */
  signIn?: string | false;
  /** Pin the tenant ID: the tenant is made with it (and a kept workspace holding another is refused). */
  tenantId?: string;
  /**
   * The Issuer of LogoutResponses: Microsoft's documented https://login.microsoftonline.com/{tenant}/ (default), or the
   * entity ID https://sts.windows.net/{tenant}/ that SPs hold in their metadata.
   */
  logoutIssuer?: 'login-host' | 'entity-id';
}

export interface MockEntra {
  tenantId: string;
  /** Entra's Issuer and entity ID: https://sts.windows.net/{tenant}/. */
  issuer: string;
  /** Login URL and Logout URL (Entra serves both at /{tenant}/saml2), reachable from this machine. */
  loginUrl: string;
  logoutUrl: string;
  /** The My Apps page a real browser can open. */
  myAppsUrl: string;
  origin: string;
  httpsOrigin?: string;
  /** The local CA to trust when HTTPS is on (NODE_EXTRA_CA_CERTS, a browser's trust store). */
  caFile?: string;
  addApp(input: MockAppInput): Promise<MockApp>;
  setUsers(users: MockUser[]): Promise<void>;
  setClaims(appId: string, claims: MockClaim[]): Promise<void>;
  setSigning(appId: string, signing: { option?: SigningOption; algorithm?: 'sha256' | 'sha1' }): Promise<void>;
  /** Sign this user in without the picker; undefined: show Entra's account picker. */
  signInAs(upn: string | undefined): void;
  /** Answer the next sign-in(s) with this AADSTS error (e.g. 'AADSTS50105'), for one app or any. */
  fault(code: `AADSTS${number}`, opts?: { appId?: string; times?: number }): void;
  /** What the tenant issued to outside SPs, oldest first. */
  issued(): IssuedResponse[];
  /** Every exchange with an outside SP, as runs (the hops, Entra's reading of the request, the outcome). */
  runs(): FlowResult[];
  stop(): Promise<void>;
}

function toUser(u: MockUser): User {
  return {
    objectid: newGuid(),
    attributes: { ...u.attributes, userprincipalname: u.upn.toLowerCase(), displayname: u.displayName ?? u.upn.split('@')[0]! },
    userType: u.userType ?? 'Member',
    accountEnabled: u.accountEnabled ?? true,
    authMethod: u.authMethod ?? 'password',
    conditionalAccess: 'none',
  };
}

/** The Basic SAML Configuration fields given (over what the metadata gave, if any). */
function samlFields(input: MockAppInput): Partial<EnterpriseApp['saml']> {
  const replyUrls = input.replyUrls ?? (input.replyUrl ? [{ url: input.replyUrl }] : undefined);
  if (!input.spMetadata && (!input.identifier || !replyUrls?.length)) throw new Error('addApp needs spMetadata, or an identifier and a replyUrl.');
  const hasDefault = replyUrls?.some((r) => r.isDefault);
  return {
    ...(input.identifier ? { identifiers: [{ value: input.identifier, isDefault: true }] } : {}),
    ...(replyUrls ? { replyUrls: replyUrls.map((r, i) => ({ url: r.url, isDefault: hasDefault ? Boolean(r.isDefault) : i === 0, ...(r.index !== undefined ? { index: r.index } : {}) })) } : {}),
    ...(input.signOnUrl ? { signOnUrl: input.signOnUrl } : {}),
    ...(input.relayState ? { relayState: input.relayState } : {}),
    ...(input.logoutUrl ? { logoutUrl: input.logoutUrl } : {}),
  };
}

function toClaim(c: MockClaim, i: number): ClaimRule {
  const source = typeof c.source === 'string' ? { kind: 'attribute' as const, attribute: c.source } : { kind: 'constant' as const, value: c.source.constant };
  return ClaimRule.parse({ id: `claim-${i}-${c.name}`, name: c.name, ...(c.namespace ? { namespace: c.namespace } : {}), source });
}

function aadstsCode(code: string): AadstsCode {
  const n = Number(code.replace(/^AADSTS/, ''));
  if (!(n in AADSTS))
    throw new Error(
      `${code} is not an AADSTS code the mock tenant knows; it knows ${Object.keys(AADSTS)
        .map((c) => `AADSTS${c}`)
        .join(', ')}.`,
    );
  return n as AadstsCode;
}

/** Starts a mock Entra ID tenant on 127.0.0.1 (a free port unless given) and returns its URLs and controls. */
export async function startMockEntra(opts: MockEntraOptions = {}): Promise<MockEntra> {
  const temp = opts.workspace ? undefined : await mkdtemp(join(tmpdir(), 'mock-entra-'));
  const https = opts.https === true ? {} : opts.https || undefined;
  // A test suite brings its own apps: the tenant starts with the demo's users and no apps (an app costs a key pair).
  const rt = await HarnessRuntime.open({
    dir: opts.workspace ?? temp!,
    seed: 'tenant',
    ...(opts.port !== undefined ? { port: opts.port } : {}),
    ...(https ? { https } : {}),
    ...(opts.tenantId ? { tenantId: opts.tenantId } : {}),
  });
  if (opts.logoutIssuer && rt.ws.tenant.logoutIssuer !== opts.logoutIssuer) {
    rt.ws.tenant.logoutIssuer = opts.logoutIssuer;
    await rt.saveTenant();
  }
  const save = async (objectId: string, change: (app: EnterpriseApp) => void) => {
    const app = rt.app(objectId);
    change(app);
    Object.assign(app, EnterpriseApp.parse(app));
    await rt.saveApp(objectId);
  };
  const byAppId = (appId: string) => {
    const app = rt.ws.apps.find((a) => a.appId === appId);
    if (!app) throw new Error(`No app with appId ${appId}.`);
    return app;
  };
  if (opts.users) {
    rt.ws.tenant.users = opts.users.map(toUser);
    await rt.saveTenant();
  }
  const firstUser = rt.ws.tenant.users[0]?.attributes.userprincipalname;
  if (opts.signIn !== false) rt.harness.idp.setAutoSignIn(opts.signIn ?? firstUser);
  const endpoints = () => publishedEndpoints(rt).at(-1)!;
  const outsideRuns = () =>
    rt
      .recentRuns()
      .filter((r) => r.vendorId === OUTSIDE_SP)
      .reverse()
      .map((r) => r.result);

  return {
    tenantId: rt.ws.tenant.id,
    issuer: entraIssuer(rt.ws.tenant.id),
    loginUrl: endpoints().urls.saml2,
    logoutUrl: endpoints().urls.saml2,
    myAppsUrl: endpoints().myApps,
    origin: rt.origin,
    ...(rt.harness.httpsOrigin ? { httpsOrigin: rt.harness.httpsOrigin } : {}),
    ...(rt.caFile ? { caFile: rt.caFile } : {}),
    async addApp(input) {
      const fields = samlFields(input);
      const fromMetadata = input.spMetadata ? (await registerSp(rt, { metadataXml: input.spMetadata, name: input.name, noAssignment: true })).app : undefined;
      const app = fromMetadata ?? (await createApp(rt, { displayName: input.name }));
      await save(app.objectId, (a) => {
        a.assignmentRequired = input.assignmentRequired ?? Boolean(input.assign?.length);
        a.saml = { ...a.saml, ...fields };
        if (input.assign) a.assignments = input.assign.map((upn) => ({ principalId: rt.user(upn).objectid, principalType: 'user' as const }));
        if (input.requestVerification)
          a.requestVerification = {
            required: input.requestVerification.required ?? a.requestVerification.required,
            certificates: input.requestVerification.certificates ?? a.requestVerification.certificates,
          };
        if (input.signingCertificate) {
          const pinned = pinnedAppCertificate(input.signingCertificate.certificatePem, input.signingCertificate.privateKeyPem);
          if (!pinned.ok) throw pinned.error;
          a.signing = { ...a.signing, certificates: [pinned.value] };
        }
        if (input.claims) a.claims.attributes = input.claims.map(toClaim);
        if (input.nameId) a.claims.nameId = { source: { kind: 'attribute', attribute: input.nameId.source }, format: input.nameId.format ?? 'default' };
        a.signing = { ...a.signing, ...input.signing };
      });
      const saved = rt.app(app.objectId);
      const ep = endpoints();
      const xml = appFederationMetadata(rt.ws.tenant, saved, ep.urls, rt.clock.now());
      if (!xml.ok) throw xml.error;
      return {
        appId: saved.appId,
        objectId: saved.objectId,
        name: saved.displayName,
        metadataUrl: ep.urls.appMetadata(saved.appId),
        metadataXml: xml.value,
        certificatePem: saved.signing.certificates.find((c) => c.active)!.certificatePem,
        myAppsUrl: ep.urls.userAccess(saved.appId).replace(/^https:\/\/launcher\.myapps\.microsoft\.com/, ep.myApps.replace(/\/$/, '')),
      };
    },
    async setUsers(users) {
      rt.ws.tenant.users = users.map(toUser);
      await rt.saveTenant();
    },
    async setClaims(appId, claims) {
      await save(byAppId(appId).objectId, (a) => void (a.claims.attributes = claims.map(toClaim)));
    },
    async setSigning(appId, signing) {
      await save(byAppId(appId).objectId, (a) => void (a.signing = { ...a.signing, ...signing }));
    },
    signInAs: (upn) => rt.harness.idp.setAutoSignIn(upn),
    fault: (code, o = {}) => rt.harness.idp.injectFault(aadstsCode(code), o),
    issued: () =>
      outsideRuns().flatMap((r) => {
        const o = r.outcome;
        const sent = r.hops.flatMap((h) => h.saml).find((m) => m.param === 'SAMLResponse' && m.kind === 'Response');
        const form = r.hops.at(-1);
        if (o.status !== 'issued' || !sent?.xml || !form) return [];
        return [{ app: o.sp, acsUrl: o.acsUrl, responseId: o.responseId, xml: sent.xml, samlResponse: Buffer.from(sent.xml, 'utf8').toString('base64'), ...(o.user ? { user: o.user } : {}) }];
      }),
    runs: outsideRuns,
    async stop() {
      await rt.close();
      if (temp) await rm(temp, { recursive: true, force: true });
    },
  };
}
