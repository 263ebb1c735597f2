import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINUTE, manualClock, type Clock } from '../../src/core/base/clock';
import { runIdpInitiated, runSpInitiated, runSpLogout } from '../../src/core/flows/flows';
import type { SigningOption } from '../../src/core/idp/model';
import { UserAgent } from '../../src/core/flows/user-agent';
import { GENERIC, startFlowHarness, type FlowHarness } from '../support/flow-harness';

const OPTIONS: SigningOption[] = ['assertion', 'response', 'response-and-assertion'];

describe.each(OPTIONS)('generic SP, signing option "%s", over loopback HTTP', (option) => {
  let f: FlowHarness;
  beforeAll(async () => {
    f = await startFlowHarness({
      configure: (app) => void (app.signing.option = option),
      policy: { wantAssertionsSigned: option !== 'response', wantResponseSigned: option !== 'assertion', allowIdpInitiated: true },
    });
  });
  afterAll(() => f.stop());

  it('SP-initiated: sign-on URL → AuthnRequest → account picker → response → the SP lets Adele in', async () => {
    const result = await runSpInitiated(f.env, f.site, { user: 'adele.vance@contoso.com', relayState: '/projects/42' });
    expect(result.outcome).toMatchObject({ status: 'signed-in', sp: 'Generic SAML SP', identity: { nameId: 'adele.vance@contoso.com' } });
    expect(result.report?.ok).toBe(true);
    expect(result.report?.checks.filter((c) => c.status === 'fail')).toEqual([]);
    const urls = result.hops.map((h) => `${h.method} ${h.url.split('?')[0]} ${h.status}`);
    expect(urls).toEqual([
      `GET ${GENERIC.signOnUrl} 302`,
      `GET https://login.microsoftonline.com/${f.tenant.id}/saml2 200`,
      `POST https://login.microsoftonline.com/${f.tenant.id}/login 200`,
      `POST ${GENERIC.acsUrl} 200`,
    ]);
    const request = result.hops[1]!.saml[0]!;
    expect(request).toMatchObject({ param: 'SAMLRequest', binding: 'redirect', kind: 'AuthnRequest', issuer: GENERIC.entityId, relayState: '/projects/42' });
    const response = result.hops[3]!.saml[0]!;
    expect(response).toMatchObject({ param: 'SAMLResponse', binding: 'post', kind: 'Response', inResponseTo: request.id, relayState: '/projects/42' });
    expect(response.pretty).toContain('\n  <Issuer');
    expect(response.signatures.map((s) => s.element).sort()).toEqual(option === 'response-and-assertion' ? ['Assertion', 'Response'] : [option === 'assertion' ? 'Assertion' : 'Response']);
    expect(response.signatures.every((s) => s.coversParent && s.certificateThumbprint === f.app.signing.certificates[0]!.thumbprint)).toBe(true);
  });

  it('IdP-initiated from My Apps: an unsolicited response the SP accepts', async () => {
    const result = await runIdpInitiated(f.env, f.app.appId, { user: 'megan.bowen@contoso.com' });
    expect(result.outcome).toMatchObject({ status: 'signed-in', identity: { nameId: 'megan.bowen@contoso.com' } });
    expect(result.report?.checks.find((c) => c.id === 'response.inResponseTo')?.reason).toMatch(/unsolicited/);
    expect(result.hops[0]!.url).toBe(f.harness.urls.userAccess(f.app.appId));
  });
});

describe('flows that Entra stops', () => {
  let f: FlowHarness;
  beforeAll(async () => {
    f = await startFlowHarness();
  });
  afterAll(() => f.stop());

  it('a Reply URL misconfigured in the enterprise app ends in AADSTS50011, as in Entra', async () => {
    f.app.saml.replyUrls = [{ url: 'https://app.generic-sp.test/saml/acs/', isDefault: true }];
    try {
      const result = await runSpInitiated(f.env, f.site, { user: 'adele.vance@contoso.com' });
      expect(result.outcome).toMatchObject({ status: 'error', source: 'entra', code: 'AADSTS50011' });
      expect(result.report).toBeUndefined();
    } finally {
      f.app.saml.replyUrls = [{ url: GENERIC.acsUrl, isDefault: true }];
    }
  });

  it('with the same mistake, IdP-initiated posts to the wrong URL, which the SP does not serve', async () => {
    f.app.saml.replyUrls = [{ url: 'https://app.generic-sp.test/saml/acs/', isDefault: true }];
    try {
      const result = await runIdpInitiated(f.env, f.app.appId, { user: 'adele.vance@contoso.com' });
      expect(result.outcome).toMatchObject({ status: 'error', source: 'sp', code: 'HTTP_404' });
    } finally {
      f.app.saml.replyUrls = [{ url: GENERIC.acsUrl, isDefault: true }];
    }
  });

  it('an unassigned user ends in AADSTS50105', async () => {
    const result = await runSpInitiated(f.env, f.site, { user: 'lynne.robbins@contoso.com' });
    expect(result.outcome).toMatchObject({ status: 'error', source: 'entra', code: 'AADSTS50105' });
    expect((result.outcome as { message: string }).message).toMatch(/lynne.robbins@contoso.com/);
  });

  it('a flow with no user stops at the account picker and says so', async () => {
    expect((await runSpInitiated(f.env, f.site)).outcome).toMatchObject({ status: 'error', code: 'ACCOUNT_SELECTION_REQUIRED' });
  });

  it('SP-initiated logout: LogoutRequest to Entra, signed LogoutResponse back, both sessions ended', async () => {
    const agent = new UserAgent(f.env.transport);
    expect((await runSpInitiated(f.env, f.site, { user: 'adele.vance@contoso.com', agent })).outcome.status).toBe('signed-in');
    const logout = await runSpLogout(f.env, f.site, agent);
    expect(logout.outcome).toEqual({ status: 'signed-out', sp: 'Generic SAML SP' });
    expect(logout.hops.map((h) => h.saml[0]?.kind).filter(Boolean)).toEqual(['LogoutRequest', 'LogoutResponse']);
    // Entra's session is gone: signing in again shows the account picker.
    expect((await runSpInitiated(f.env, f.site, { agent })).outcome).toMatchObject({ code: 'ACCOUNT_SELECTION_REQUIRED' });
  });

  it('a second SP-initiated sign-in in the same browser is silent (Entra session cookie)', async () => {
    const agent = new UserAgent(f.env.transport);
    await runSpInitiated(f.env, f.site, { user: 'adele.vance@contoso.com', agent });
    const again = await runSpInitiated(f.env, f.site, { agent });
    expect(again.outcome).toMatchObject({ status: 'signed-in', identity: { nameId: 'adele.vance@contoso.com' } });
    expect(again.hops.some((h) => h.page?.kind === 'pick-account')).toBe(false);
  });
});

describe('time is injectable', () => {
  it('a response the SP reads 65 minutes after Entra issued it has expired, and the report says which checks', async () => {
    const idpClock = manualClock('2026-05-04T09:00:00Z');
    // Today's tokens live an hour from the moment Conditions were computed; the SP allows 3 minutes of skew.
    const spClock: Clock = { now: () => new Date(idpClock.now().getTime() + 65 * MINUTE) };
    const f = await startFlowHarness({ idpClock, spClock });
    try {
      const result = await runIdpInitiated(f.env, f.app.appId, { user: 'adele.vance@contoso.com' });
      expect(result.outcome).toMatchObject({ status: 'error', source: 'sp', check: 'subject.bearer' });
      expect(result.report!.checks.filter((c) => c.status === 'fail').map((c) => c.id)).toEqual(['subject.bearer', 'assertion.time']);
      expect(result.report!.evaluatedAt).toBe('2026-05-04T10:05:00.000Z');
      expect(result.hops.at(-1)!.saml[0]!.xml).toContain('IssueInstant="2026-05-04T09:00:00.000Z"');
    } finally {
      await f.stop();
    }
  });

  it('an SP whose clock runs an hour ahead sends AuthnRequests Entra refuses (AADSTS76026)', async () => {
    const idpClock = manualClock('2026-05-04T09:00:00Z');
    const f = await startFlowHarness({ idpClock, spClock: { now: () => new Date(idpClock.now().getTime() + 60 * MINUTE) } });
    try {
      expect((await runSpInitiated(f.env, f.site, { user: 'adele.vance@contoso.com' })).outcome).toMatchObject({ source: 'entra', code: 'AADSTS76026' });
    } finally {
      await f.stop();
    }
  });

  it('and on time, with the same fixed clock, it passes', async () => {
    const clock = manualClock('2026-05-04T09:00:00Z');
    const f = await startFlowHarness({ idpClock: clock });
    try {
      expect((await runSpInitiated(f.env, f.site, { user: 'adele.vance@contoso.com' })).outcome.status).toBe('signed-in');
    } finally {
      await f.stop();
    }
  });
});
