import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Profile } from '@node-saml/node-saml';
import { createEnterpriseApp } from '../../src/core/idp/app-defaults';
import { encodeRedirectMessage } from '../../src/core/xml/codec';
import { newSamlId } from '../../src/core/base/ids';
import type { UserAgent } from '../../src/core/flows/user-agent';
import { SP_ENTITY, nodeSamlSp, postedToSp, startIdp, type IdpHarness } from '../support/idp-harness';

let h: IdpHarness;
beforeAll(async () => {
  h = await startIdp();
  const other = await createEnterpriseApp(
    { displayName: 'Other App', identifiers: ['urn:other-app'], replyUrls: ['https://other.example.com/acs'], logoutUrl: 'https://other.example.com/logout' },
    new Date(),
  );
  other.assignmentRequired = false;
  h.state.apps.push(other);
});
afterAll(() => h.stop());

async function signedIn(): Promise<{ agent: UserAgent; profile: Profile }> {
  const sp = nodeSamlSp(h, h.app.signing.certificates[0]!.certificatePem);
  const agent = h.agent();
  await agent.navigate(`${await sp.getAuthorizeUrlAsync('', undefined, {})}&login_hint=adele.vance%40contoso.com`);
  const { profile } = await sp.validatePostResponseAsync({ SAMLResponse: postedToSp(agent).SAMLResponse });
  return { agent, profile: profile! };
}

function logoutRequest(opts: { issuer?: string; notOnOrAfter?: string; sessionIndex?: string } = {}): string {
  const now = new Date().toISOString();
  return (
    `<samlp:LogoutRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${newSamlId()}" Version="2.0" IssueInstant="${now}"` +
    `${opts.notOnOrAfter ? ` NotOnOrAfter="${opts.notOnOrAfter}"` : ''}><saml:Issuer>${opts.issuer ?? SP_ENTITY}</saml:Issuer>` +
    `<saml:NameID>adele.vance@contoso.com</saml:NameID>${opts.sessionIndex ? `<samlp:SessionIndex>${opts.sessionIndex}</samlp:SessionIndex>` : ''}</samlp:LogoutRequest>`
  );
}

const sendLogout = (agent: UserAgent, xml: string, relayState?: string) =>
  agent.navigate(`${h.ssoLoopback}?SAMLRequest=${encodeURIComponent(encodeRedirectMessage(xml))}${relayState ? `&RelayState=${relayState}` : ''}`);

describe('single logout at /{tenant}/saml2', () => {
  it("answers node-saml's LogoutRequest with a signed LogoutResponse to the Logout URL and ends the session", async () => {
    const { agent, profile } = await signedIn();
    const sp = nodeSamlSp(h, h.app.signing.certificates[0]!.certificatePem, { logoutUrl: h.ssoLoopback });
    const url = await sp.getLogoutUrlAsync(profile, 'bye', {});
    const before = agent.hops.length;
    await agent.navigate(url);
    const redirectHop = agent.hops[before]!;
    expect(redirectHop.status).toBe(302);
    const location = new URL(redirectHop.location!);
    expect(`${location.origin}${location.pathname}`).toBe('https://sp.example.com/saml/logout');
    expect(redirectHop.cookiesSet).toContain('ESTSAUTH=');
    const response = agent.hops.at(-1)!.saml[0]!;
    expect(response).toMatchObject({ kind: 'LogoutResponse', issuer: `https://login.microsoftonline.com/${h.tenant.id}/`, status: 'urn:oasis:names:tc:SAML:2.0:status:Success', relayState: 'bye' });
    // node-saml verifies the Redirect signature over the query exactly as it arrived.
    const { loggedOut } = await sp.validateRedirectAsync(Object.fromEntries(location.searchParams), location.search.slice(1));
    expect(loggedOut).toBe(true);
    // The Entra session is gone: the next sign-in shows the account picker again.
    const again = await agent.navigate(await sp.getAuthorizeUrlAsync('', undefined, {}));
    expect(again.html?.pageKind).toBe('pick-account');
  });

  it("50070: no session to sign out of, or a SessionIndex that is not the session's", async () => {
    expect((await sendLogout(h.agent(), logoutRequest())).html?.aadsts).toBe(50070);
    const { agent } = await signedIn();
    expect((await sendLogout(agent, logoutRequest({ sessionIndex: '_not-this-one' }))).html?.aadsts).toBe(50070);
  });

  it('50068: the app that asks is not a participant in the session', async () => {
    const { agent } = await signedIn();
    expect((await sendLogout(agent, logoutRequest({ issuer: 'urn:other-app' }))).html?.aadsts).toBe(50068);
  });

  it('50071: an expired LogoutRequest; 50061: an Issuer that is no app', async () => {
    const { agent } = await signedIn();
    expect((await sendLogout(agent, logoutRequest({ notOnOrAfter: new Date(Date.now() - 60_000).toISOString() }))).html?.aadsts).toBe(50071);
    expect((await sendLogout(agent, logoutRequest({ issuer: 'urn:nobody' }))).html?.aadsts).toBe(50061);
  });

  it('without a Logout URL, Entra shows its signed-out page', async () => {
    const saved = h.state.apps[0]!.saml.logoutUrl;
    delete h.state.apps[0]!.saml.logoutUrl;
    try {
      const { agent } = await signedIn();
      expect((await sendLogout(agent, logoutRequest())).html?.pageKind).toBe('signed-out');
    } finally {
      h.state.apps[0]!.saml.logoutUrl = saved;
    }
  });
});
