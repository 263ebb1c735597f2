import { generateSelfSignedCertificate } from '../crypto/generate';
import { runAcsPost, runCraftedLogout, runCraftedSignIn, runIdpInitiated, runSpInitiated, runSpLogout, type FlowResult } from '../flows/flows';
import { UserAgent } from '../flows/user-agent';
import { flowOverrides } from '../idp/claims';
import { newGuid } from '../base/ids';
import { authnRequestXml, logoutRequestXml, redirectQuery, requestIdOf } from './crafted-requests';
import { openSandbox, type Sandbox, type SetupRefusal } from './sandbox';
import type { Scenario, ScenarioExpectation } from './schema';

/** How a scenario ended, in the terms its expectation uses. */
export type ScenarioOutcome =
  | { status: 'signed-in' | 'signed-out' }
  | {
      status: 'error';
      source: 'entra' | 'sp' | 'setup' | 'network' | 'harness';
      code: string;
      message: string;
      reason?: string;
      httpStatus?: number;
      /** Other codes the flow shows: the AADSTS code in an error Response the SP refused. */
      also: string[];
    };

export interface ScenarioRun {
  name: string;
  expected: ScenarioExpectation;
  outcome: ScenarioOutcome;
  matches: boolean;
  /** The flow, unless the vendor's settings page refused the set-up first. */
  result: FlowResult;
  durationMs: number;
}

export function outcomeMatches(expected: ScenarioExpectation, actual: ScenarioOutcome): boolean {
  if (expected.status !== actual.status) return false;
  if (expected.status !== 'error' || actual.status !== 'error') return true;
  if (expected.source && expected.source !== actual.source) return false;
  return expected.code === actual.code || actual.also.includes(expected.code);
}

const FROM = { entra: 'from Entra', sp: 'from the SP', setup: "from the SP's settings page", network: 'from the network', harness: 'from the harness' } as const;

/** One line, in words: "signed in", "AADSTS50011 from Entra", "error 7 from the SP". */
export function describeOutcome(o: ScenarioOutcome | ScenarioExpectation): string {
  if (o.status !== 'error') return o.status.replace('-', ' ');
  const code = /^AADSTS/.test(o.code) ? o.code : `error ${o.code}`;
  return `${code}${o.source ? ` ${FROM[o.source]}` : ''}`;
}

function outcomeOf(result: FlowResult): ScenarioOutcome {
  const o = result.outcome;
  // A scenario's SP is always the harness's own, so it never ends in a response handed to an outside SP.
  if (o.status === 'issued') return { status: 'error', source: 'harness', code: 'ISSUED_TO_OUTSIDE_SP', message: `a response was issued to ${o.acsUrl}`, also: [] };
  if (o.status !== 'error') return { status: o.status };
  const also = [...new Set((result.report?.message.statusMessage ?? '').match(/AADSTS\d+/g) ?? [])].filter((c) => c !== o.code);
  return {
    status: 'error',
    source: o.source,
    code: o.code,
    message: o.message,
    also,
    ...(o.reason ? { reason: o.reason } : {}),
    ...(o.httpStatus !== undefined ? { httpStatus: o.httpStatus } : {}),
  };
}

function setupResult(r: SetupRefusal, startedAt: Date): FlowResult {
  return {
    flow: 'sp-initiated',
    hops: [],
    outcome: { status: 'error', source: 'setup', code: r.code, message: r.message, ...(r.reason ? { reason: r.reason } : {}), ...(r.httpStatus !== undefined ? { httpStatus: r.httpStatus } : {}) },
    startedAt: startedAt.toISOString(),
    durationMs: 0,
  };
}

/** Where Entra's Login URL is for this request: this tenant's, or one that does not exist. */
function loginUrl(box: Sandbox, unknownTenant: boolean | undefined): string {
  const url = box.harness.loopback(box.harness.urls.saml2);
  return unknownTenant ? url.replace(box.tenant.id, newGuid()) : url;
}

async function craftedSignIn(s: Scenario, box: Sandbox): Promise<FlowResult> {
  const spec = s.flow.authnRequest!;
  const urls = box.vendor.urls;
  const xml = authnRequestXml(spec, { issuer: urls.identifier, acsUrl: urls.replyUrl, now: box.clock.now() });
  const id = requestIdOf(xml);
  // The vendor's SP expects the answer to this request, as if it had sent it.
  if (id) box.vendor.site.core.requests.add(id, box.clock.now());
  const relayState = spec.relayStateLength ? 'r'.repeat(spec.relayStateLength) : s.flow.relayState;
  const signWith =
    spec.sign === 'sp-key'
      ? box.spKey?.privateKeyPem
      : spec.sign === 'other-key'
        ? (await generateSelfSignedCertificate({ now: box.clock.now(), subject: 'CN=someone else' })).privateKeyPem
        : undefined;
  const extra = s.flow.user ? { login_hint: s.flow.user } : undefined;
  const base = loginUrl(box, spec.unknownTenant);
  const query = spec.omit
    ? `${relayState !== undefined ? `RelayState=${encodeURIComponent(relayState)}` : ''}`
    : redirectQuery(xml, { ...(relayState !== undefined ? { relayState } : {}), ...(signWith ? { signWith } : {}), ...(extra ? { extra } : {}) });
  return runCraftedSignIn(box.harness.flowEnv, query ? `${base}?${query}` : base, s.flow.user ? { user: s.flow.user } : {});
}

async function signIn(s: Scenario, box: Sandbox, agent: UserAgent): Promise<FlowResult> {
  const env = box.harness.flowEnv;
  const user = s.flow.user ? box.tenant.users.find((u) => u.attributes.userprincipalname.toLowerCase() === s.flow.user!.toLowerCase()) : undefined;
  const opts = { agent, ...(s.flow.user ? { user: s.flow.user, email: user?.attributes.mail ?? s.flow.user } : {}), ...(s.flow.mfa ? { mfa: s.flow.mfa } : {}) };
  if (s.flow.kind === 'idp-initiated' || (s.flow.kind === 'sp-logout' && !box.vendor.profile.flows.spInitiated)) return runIdpInitiated(env, box.app.appId, opts);
  return runSpInitiated(env, box.vendor.site, { ...opts, ...(s.flow.relayState !== undefined ? { relayState: s.flow.relayState } : {}), ...(s.flow.passive ? { passive: true } : {}) });
}

async function logout(s: Scenario, box: Sandbox): Promise<FlowResult> {
  const agent = new UserAgent(box.harness.flowEnv.transport);
  const spec = s.flow.logoutRequest;
  // The SP's own logout needs its session; a crafted LogoutRequest goes out whatever the sign-in gave.
  const first = !spec || spec.signInFirst ? await signIn(s, box, agent) : undefined;
  if (!spec && first && first.outcome.status !== 'signed-in') return first;
  let result: FlowResult;
  if (!spec) result = await runSpLogout(box.harness.flowEnv, box.vendor.site, agent);
  else {
    const identity = first?.outcome.status === 'signed-in' ? first.outcome.identity : undefined;
    const xml = logoutRequestXml(spec, {
      issuer: box.vendor.urls.identifier,
      nameId: identity?.nameId ?? s.flow.user ?? 'nobody@contoso.com',
      ...(identity?.sessionIndex ? { sessionIndex: identity.sessionIndex } : {}),
      now: box.clock.now(),
    });
    const id = requestIdOf(xml);
    if (id) box.vendor.site.core.logoutRequests.add(id, box.clock.now());
    result = await runCraftedLogout(box.harness.flowEnv, box.vendor.site, `${loginUrl(box, false)}?${redirectQuery(xml)}`, agent);
  }
  return first ? { ...result, hops: [...first.hops, ...result.hops] } : result;
}

function runFlow(s: Scenario, box: Sandbox): Promise<FlowResult> {
  switch (s.flow.kind) {
    case 'acs-without-response':
      return runAcsPost(box.harness.flowEnv, box.vendor.site);
    case 'sp-logout':
      return logout(s, box);
    default:
      return s.flow.authnRequest ? craftedSignIn(s, box) : signIn(s, box, new UserAgent(box.harness.flowEnv.transport));
  }
}

/**
 * Runs a scenario in a sandbox of its own and says whether it ended as expected. `inspect` sees the sandbox
 * (its vendor as configured, its clock) after the flow, before it stops.
 */
export async function runScenario(s: Scenario, opts: { inspect?: (box: Sandbox) => void } = {}): Promise<ScenarioRun> {
  const startedAt = new Date();
  const t0 = performance.now();
  const { box, refused } = await openSandbox(s);
  try {
    let result: FlowResult;
    if (refused) result = setupResult(refused, startedAt);
    else {
      const user = s.flow.user ? box.tenant.users.find((u) => u.attributes.userprincipalname.toLowerCase() === s.flow.user!.toLowerCase()) : undefined;
      if (user && s.flow.attributeSet) box.overrides.set(user.objectid, flowOverrides(s.flow.attributeSet));
      result = await runFlow(s, box);
    }
    const outcome = outcomeOf(result);
    opts.inspect?.(box);
    return { name: s.name, expected: s.expect, outcome, matches: outcomeMatches(s.expect, outcome), result, durationMs: Math.round(performance.now() - t0) };
  } finally {
    await box.stop();
  }
}
