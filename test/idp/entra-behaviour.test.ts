import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePostMessage, decodeRedirectMessage, encodePostMessage } from '../../src/core/xml/codec';
import { createEnterpriseApp } from '../../src/core/idp/app-defaults';
import { logoutRequestXml } from '../../src/core/scenarios/crafted-requests';
import { newGuid } from '../../src/core/base/ids';
import { SP_ENTITY, postedToSp, startIdp, type IdpHarness } from '../support/idp-harness';
import { authnRequestXml, redirectQuery } from '../support/authn-request';

const ROLE = 'http://schemas.microsoft.com/ws/2008/06/identity/claims/role';
const GROUPS = 'http://schemas.microsoft.com/ws/2008/06/identity/claims/groups';

let h: IdpHarness;
beforeAll(async () => {
  h = await startIdp();
});
afterAll(() => h.stop());

/** An SP-initiated sign-in over HTTP at Entra's Login URL (loopback form); the response Entra posts back. */
async function signIn(upn: string, spec: Parameters<typeof authnRequestXml>[0] = {}): Promise<string> {
  const agent = h.agent();
  await agent.navigate(`${h.ssoLoopback}?${redirectQuery(authnRequestXml(spec), { extra: { login_hint: upn } })}`);
  const xml = decodePostMessage(postedToSp(agent).SAMLResponse);
  if (!xml.ok) throw xml.error;
  return xml.value;
}

const values = (xml: string, name: string): string[] => {
  const m = new RegExp(`<Attribute Name="${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}">(.*?)</Attribute>`).exec(xml);
  return m ? [...m[1]!.matchAll(/<AttributeValue>([^<]*)<\/AttributeValue>/g)].map((x) => x[1]!) : [];
};
const app = () => h.state.apps[0]!;

describe('Entra behaviour over HTTP, at the Login URL', () => {
  it('NameID: with the app at Default, a request for persistent gets a pairwise ID, stable for a user and app', async () => {
    app().claims.nameId = { source: { kind: 'attribute', attribute: 'user.userprincipalname' }, format: 'default' };
    const persistent = { nameIdFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent' };
    const nameId = (xml: string) => /<NameID Format="([^"]+)">([^<]+)</.exec(xml)!.slice(1);
    const [format, first] = nameId(await signIn('adele.vance@contoso.com', persistent));
    expect(format).toBe('urn:oasis:names:tc:SAML:2.0:nameid-format:persistent');
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(nameId(await signIn('adele.vance@contoso.com', persistent))[1]).toBe(first);
    expect(nameId(await signIn('megan.bowen@contoso.com', persistent))[1]).not.toBe(first);
    expect(nameId(await signIn('adele.vance@contoso.com'))).toEqual(['urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress', 'adele.vance@contoso.com']);
  });

  it('app roles: users and groups assigned to roles get one role AttributeValue per role; user.assignedroles feeds a claim', async () => {
    const reader = { id: newGuid(), displayName: 'Reader', value: 'reader', description: 'Reads', allowedMemberTypes: ['User' as const], enabled: true };
    const editor = { id: newGuid(), displayName: 'Editor', value: 'editor', description: 'Edits', allowedMemberTypes: ['User' as const], enabled: true };
    const adele = h.user('adele.vance@contoso.com');
    const engineering = h.tenant.groups.find((g) => g.displayname === 'Engineering')!;
    const saved = structuredClone(app().assignments);
    app().appRoles = [reader, editor];
    app().assignments.push({ principalId: adele.objectid, principalType: 'user', appRoleId: reader.id }, { principalId: engineering.objectid, principalType: 'group', appRoleId: editor.id });
    app().claims.attributes.push({ id: 'tier', name: 'app_role', source: { kind: 'attribute', attribute: 'user.assignedroles' } });
    try {
      const xml = await signIn('adele.vance@contoso.com');
      expect(values(xml, ROLE)).toEqual(['reader', 'editor']);
      expect(values(xml, 'app_role')).toEqual(['reader', 'editor']);
      expect(values(await signIn('megan.bowen@contoso.com'), ROLE)).toEqual([]);
    } finally {
      app().assignments = saved;
      app().appRoles = [];
      app().claims.attributes.pop();
    }
  });

  it("claim conditions: a value for guests and another for members in a scoped group, in Entra's order (attributes, then transformations; the last match wins)", async () => {
    const marketing = h.tenant.groups.find((g) => g.displayname === 'Marketing')!;
    app().claims.attributes.push({
      id: 'audience',
      name: 'audience',
      source: { kind: 'constant', value: 'everyone' },
      conditions: [
        { userType: 'all-guests', scopedGroups: [], source: { kind: 'constant', value: 'guest' } },
        { userType: 'members', scopedGroups: [marketing.objectid], source: { kind: 'constant', value: 'marketing' } },
        // A transformation is evaluated after the attribute and constant conditions, so it wins where both match.
        {
          userType: 'members',
          scopedGroups: [marketing.objectid],
          source: { kind: 'transformation', treatAsMultiValued: false, steps: [{ fn: 'ToUppercase', input: { kind: 'attribute', attribute: 'user.department' } }] },
        },
        { userType: 'members', scopedGroups: [marketing.objectid], source: { kind: 'constant', value: 'never: a constant before the transformation' } },
      ],
    });
    try {
      expect(values(await signIn('megan.bowen@contoso.com'), 'audience')).toEqual(['MEDIA_LIBRARY_FULL_ACCESS']);
      expect(values(await signIn('adele.vance@contoso.com'), 'audience')).toEqual(['everyone']);
      expect(values(await signIn('sam.guest_fabrikam.com#EXT#@contoso.onmicrosoft.com'), 'audience')).toEqual(['guest']);
    } finally {
      app().claims.attributes.pop();
    }
  });

  it('group claims: a name filter, directory roles, and the on-premises SID', async () => {
    const adele = h.user('adele.vance@contoso.com');
    const engineering = h.tenant.groups.find((g) => g.displayname === 'Engineering')!;
    engineering.onpremisessecurityidentifier = 'S-1-5-21-1004336348-1177238915-682003330-1105';
    adele.directoryRoles = ['62e90394-69f5-4237-9190-012177145e10'];
    try {
      app().claims.groups = { which: 'all', sourceAttribute: 'cloudDisplayName', emitAsRoles: false, filter: { match: 'prefix', value: 'Eng' } };
      expect(values(await signIn('adele.vance@contoso.com'), GROUPS)).toEqual(['Engineering', '62e90394-69f5-4237-9190-012177145e10']);
      app().claims.groups = { which: 'directoryRoles', sourceAttribute: 'objectid', emitAsRoles: false };
      expect(values(await signIn('adele.vance@contoso.com'), GROUPS)).toEqual(['62e90394-69f5-4237-9190-012177145e10']);
      app().claims.groups = { which: 'security', sourceAttribute: 'onPremisesSid', emitAsRoles: false, filter: { match: 'contains', value: 'gineer' } };
      expect(values(await signIn('adele.vance@contoso.com'), GROUPS)).toEqual(['S-1-5-21-1004336348-1177238915-682003330-1105']);
    } finally {
      delete app().claims.groups;
      delete adele.directoryRoles;
      delete engineering.onpremisessecurityidentifier;
    }
  });

  it('advanced options: the application ID appended to the Issuer, and the Audience overridden', async () => {
    app().claims.advanced = { appendApplicationIdToIssuer: true, audienceOverride: 'urn:overridden:audience' };
    try {
      const xml = await signIn('adele.vance@contoso.com');
      const issuer = `https://sts.windows.net/${h.tenant.id}/${app().appId}`;
      expect(xml).toContain(`<Issuer xmlns="urn:oasis:names:tc:SAML:2.0:assertion">${issuer}</Issuer>`);
      expect(xml).toContain(`<Issuer>${issuer}</Issuer>`);
      expect(xml).toContain('<Audience>urn:overridden:audience</Audience>');
    } finally {
      delete app().claims.advanced;
    }
  });

  it('Conditional Access MFA: the prompt (approve or deny), not a final page; approved, the token says MFA; denied, AADSTS500121', async () => {
    const adele = h.user('adele.vance@contoso.com');
    adele.conditionalAccess = 'require-mfa';
    try {
      const ask = async () => {
        const agent = h.agent();
        const page = await agent.navigate(`${h.ssoLoopback}?${redirectQuery(authnRequestXml(), { extra: { login_hint: 'adele.vance@contoso.com' } })}`);
        expect(page.html?.pageKind).toBe('mfa-prompt');
        expect(page.body).toContain('Approve sign in request');
        return { agent, page };
      };
      const approved = await ask();
      await approved.agent.submit(approved.page.html!.forms.find((f) => f.fields.decision === 'approve')!);
      const xml = decodePostMessage(postedToSp(approved.agent).SAMLResponse);
      if (!xml.ok) throw xml.error;
      expect(values(xml.value, 'http://schemas.microsoft.com/claims/authnmethodsreferences')).toContain('http://schemas.microsoft.com/claims/multipleauthn');
      const denied = await ask();
      const refused = await denied.agent.submit(denied.page.html!.forms.find((f) => f.fields.decision === 'deny')!);
      expect(refused.html?.aadsts).toBe(500121);
    } finally {
      adele.conditionalAccess = 'none';
    }
  });

  it('single logout: over HTTP-Redirect only; IssueInstant not enforced; the other apps of the session get signed LogoutRequests front-channel', async () => {
    const second = await createEnterpriseApp(
      { displayName: 'Second SP', identifiers: ['urn:second:sp'], replyUrls: ['https://second.example.com/acs'], logoutUrl: 'https://second.example.com/logout' },
      new Date(),
    );
    second.assignmentRequired = false;
    h.state.apps.push(second);
    try {
      const agent = h.agent();
      // Signed in to the second app from My Apps, then to the test SP: one Entra session, two participants.
      await agent.navigate(`${h.host.origin}/vh/launcher.myapps.microsoft.com/api/signin/${second.appId}?login_hint=adele.vance%40contoso.com`);
      await agent.navigate(`${h.ssoLoopback}?${redirectQuery(authnRequestXml())}`);
      const issued = decodePostMessage(postedToSp(agent).SAMLResponse);
      if (!issued.ok) throw issued.error;
      const sessionIndex = /SessionIndex="([^"]+)"/.exec(issued.value)![1]!;
      // No IssueInstant at all: Entra expects one and does not enforce it.
      const logout = logoutRequestXml({ sessionIndex: 'session', signInFirst: true }, { issuer: SP_ENTITY, nameId: 'adele.vance@contoso.com', sessionIndex, now: new Date() }).replace(
        / IssueInstant="[^"]+"/,
        '',
      );
      const posted = await h.agent().post(h.ssoLoopback, { SAMLRequest: encodePostMessage(logout) });
      expect(posted.html?.aadsts, 'a LogoutRequest over POST').toBe(750054);
      await agent.navigate(`${h.ssoLoopback}?${redirectQuery(logout)}`);
      const signedOut = agent.hops.find((hop) => hop.page?.kind === 'signed-out')!;
      const frames = signedOut.frames ?? [];
      expect(frames).toHaveLength(1);
      const notify = new URL(frames[0]!);
      expect(`${notify.origin}${notify.pathname}`).toBe('https://second.example.com/logout');
      expect(notify.searchParams.get('SigAlg')).toBe('http://www.w3.org/2001/04/xmldsig-more#rsa-sha256');
      expect(notify.searchParams.get('Signature')).toBeTruthy();
      const request = decodeRedirectMessage(notify.searchParams.get('SAMLRequest')!);
      if (!request.ok) throw request.error;
      expect(request.value).toMatch(/<samlp:LogoutRequest [^>]*Destination="https:\/\/second\.example\.com\/logout"/);
      expect(request.value).toContain(`<Issuer xmlns="urn:oasis:names:tc:SAML:2.0:assertion">https://sts.windows.net/${h.tenant.id}/</Issuer>`);
      // Then on to the app that asked, with its LogoutResponse.
      const last = agent.hops.at(-1)!;
      expect(last.url).toMatch(/^https:\/\/sp\.example\.com\/saml\/logout\?SAMLResponse=/);
      expect(last.saml[0]).toMatchObject({ kind: 'LogoutResponse', issuer: `https://login.microsoftonline.com/${h.tenant.id}/` });
    } finally {
      h.state.apps.pop();
    }
  });
});
