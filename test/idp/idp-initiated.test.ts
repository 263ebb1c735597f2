import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ValidateInResponseTo } from '@node-saml/node-saml';
import { SP_ACS, nodeSamlSp, postedToSp, startIdp, type IdpHarness } from '../support/idp-harness';

let h: IdpHarness;
beforeAll(async () => {
  h = await startIdp({ configure: (app) => void (app.saml.relayState = 'https://sp.example.com/dashboard') });
});
afterAll(() => h.stop());

const myApps = (query = '') => h.host.origin + `/vh/launcher.myapps.microsoft.com/api/signin/${h.app.appId}?tenantId=${h.tenant.id}${query}`;

describe('IdP-initiated sign-in (My Apps, "Test single sign-on")', () => {
  it('posts an unsolicited response to the default Reply URL with the configured Relay State', async () => {
    const agent = h.agent();
    const picker = await agent.navigate(myApps());
    expect(agent.hops[0]!.url).toBe(`https://launcher.myapps.microsoft.com/api/signin/${h.app.appId}?tenantId=${h.tenant.id}`);
    expect(picker.url).toBe(h.urls.idpInitiated(h.app.appId));
    expect(picker.html?.pageKind).toBe('pick-account');
    await agent.submit(picker.html!.forms.find((f) => f.fields.login === 'megan.bowen@contoso.com')!);
    const posted = postedToSp(agent);
    expect(posted.url).toBe(SP_ACS);
    expect(posted.RelayState).toBe('https://sp.example.com/dashboard');
    const sp = nodeSamlSp(h, h.app.signing.certificates[0]!.certificatePem, { validateInResponseTo: ValidateInResponseTo.ifPresent });
    const { profile } = await sp.validatePostResponseAsync({ SAMLResponse: posted.SAMLResponse });
    expect(profile?.nameID).toBe('megan.bowen@contoso.com');
    expect(profile?.inResponseTo).toBeUndefined();
    // An SP that only accepts solicited responses refuses it, as node-saml's strict mode should.
    const strict = nodeSamlSp(h, h.app.signing.certificates[0]!.certificatePem, { validateInResponseTo: ValidateInResponseTo.always });
    await expect(strict.validatePostResponseAsync({ SAMLResponse: posted.SAMLResponse })).rejects.toThrow(/InResponseTo/);
  });

  it('redirects to the Sign on URL instead when one is set, as Entra does', async () => {
    h.state.apps[0]!.saml.signOnUrl = 'https://sp.example.com/login';
    try {
      const agent = h.agent();
      await agent.navigate(myApps());
      expect(agent.hops[1]).toMatchObject({ status: 302, location: 'https://sp.example.com/login' });
    } finally {
      delete h.state.apps[0]!.saml.signOnUrl;
    }
  });

  it('an app without Reply URL cannot be launched (AADSTS50011)', async () => {
    const saved = h.state.apps[0]!.saml.replyUrls;
    h.state.apps[0]!.saml.replyUrls = [];
    try {
      expect((await h.agent().navigate(myApps())).html?.aadsts).toBe(50011);
    } finally {
      h.state.apps[0]!.saml.replyUrls = saved;
    }
  });

  it('with an Entra session already open, signs in silently without the account picker', async () => {
    const agent = h.agent();
    await agent.navigate(myApps('&login_hint=adele.vance%40contoso.com'));
    expect(agent.jar.get('login.microsoftonline.com', 'ESTSAUTH')).toBeTruthy();
    const before = agent.hops.length;
    await agent.navigate(myApps());
    const again = agent.hops.slice(before);
    expect(again.some((hop) => hop.page?.kind === 'pick-account')).toBe(false);
    expect(again.at(-1)?.form?.SAMLResponse).toBeTruthy();
  });
});
