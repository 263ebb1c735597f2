import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppCertificate } from '../../src/core/idp/app-certificates';
import { decodePostMessage, encodePostMessage, encodeRedirectMessage } from '../../src/core/xml/codec';
import { generateSelfSignedCertificate } from '../../src/core/crypto/generate';
import type { Page } from '../../src/core/flows/user-agent';
import { SP_ACS, postedToSp, startIdp, type IdpHarness } from '../support/idp-harness';
import { authnRequestXml, redirectQuery, type RequestSpec } from '../support/authn-request';

let h: IdpHarness;
beforeAll(async () => {
  h = await startIdp();
});
afterAll(() => h.stop());

/** Restores the app after a test changes it. */
async function withApp<T>(change: (app: IdpHarness['app']) => void | Promise<void>, body: () => Promise<T>): Promise<T> {
  const saved = structuredClone(h.state.apps[0]!);
  await change(h.state.apps[0]!);
  try {
    return await body();
  } finally {
    h.state.apps[0] = saved;
  }
}

const send = (spec: RequestSpec = {}, opts: Parameters<typeof redirectQuery>[1] = {}): Promise<Page> => h.agent().navigate(`${h.ssoLoopback}?${redirectQuery(authnRequestXml(spec), opts)}`);

function expectAadsts(page: Page, code: number, text?: RegExp): void {
  expect(page.html?.aadsts, page.html?.root.querySelector('[data-testid=aadsts-message]')?.text ?? page.body.slice(0, 300)).toBe(code);
  const message = page.html!.root.querySelector('[data-testid=aadsts-message]')!.text;
  expect(message.startsWith(`AADSTS${code}: `)).toBe(true);
  if (text) expect(message).toMatch(text);
  expect(page.body).toContain('Sorry, but we’re having trouble signing you in.');
  expect(page.html!.root.querySelector('dl.details')!.text).toMatch(/Request Id[0-9a-f-]{36}Correlation Id[0-9a-f-]{36}Timestamp\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ/);
}

describe('AADSTS errors from faulty requests over HTTP', () => {
  it('750054: no SAMLRequest at all, or one that does not decode', async () => {
    expectAadsts(await h.agent().navigate(h.ssoLoopback), 750054, /SAMLRequest or SAMLResponse must be present/);
    expectAadsts(await h.agent().navigate(`${h.ssoLoopback}?SAMLRequest=%%%not-base64`), 750054);
    expectAadsts(await h.agent().navigate(`${h.ssoLoopback}?SAMLRequest=${encodeURIComponent(encodePostMessage(authnRequestXml()))}`), 750054);
    expectAadsts(await h.agent().post(h.ssoLoopback, { RelayState: 'x' }), 750054);
  });

  it('90107: the request inflates to something that is not XML', async () => {
    expectAadsts(await h.agent().navigate(`${h.ssoLoopback}?SAMLRequest=${encodeURIComponent(encodeRedirectMessage('<samlp:AuthnRequest><oops></samlp:AuthnRequest>'))}`), 90107);
  });

  it('90107: a DTD in the request is refused before anything is resolved', async () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>${authnRequestXml()}`;
    expectAadsts(await h.agent().navigate(`${h.ssoLoopback}?SAMLRequest=${encodeURIComponent(encodeRedirectMessage(xxe))}`), 90107, /DTD/);
  });

  it('75005: XML that is not a SAML 2.0 AuthnRequest', async () => {
    expectAadsts(await send({ root: { name: 'samlp:Response', ns: 'urn:oasis:names:tc:SAML:2.0:protocol' } }), 75005);
    expectAadsts(await send({ root: { name: 'x:AuthnRequest', ns: 'urn:example:not-saml' } }), 75005);
    expectAadsts(await send({ version: '1.1' }), 75005, /Version/);
  });

  it('90014: a required field is missing', async () => {
    expectAadsts(await send({ id: null }), 90014, /'ID'/);
    expectAadsts(await send({ issuer: null }), 90014, /'Issuer'/);
    expectAadsts(await send({ issueInstant: null }), 90014, /'IssueInstant'/);
  });

  it('7500529: an ID that starts with a digit', async () => {
    expectAadsts(await send({ id: '6c1c178c166d486687be4aaf5e482730' }), 7500529, /'6c1c178c166d486687be4aaf5e482730' is not a valid SAML ID/);
  });

  it('900236: a Subject in the request', async () => {
    expectAadsts(await send({ subject: 'adele.vance@contoso.com' }), 900236, /'Subject'/);
  });

  it('76026: an AuthnRequest issued two hours ago', async () => {
    expectAadsts(await send({ issueInstant: new Date(Date.now() - 2 * 3600_000).toISOString() }), 76026);
  });

  it('75008: a Destination that is not this tenant', async () => {
    expectAadsts(await send({ destination: 'https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/saml2' }), 75008);
  });

  it('a Destination naming the Login URL, real or loopback, is accepted', async () => {
    for (const destination of [h.urls.saml2, h.ssoLoopback]) {
      const page = await send({ destination });
      expect(page.html?.pageKind).toBe('pick-account');
    }
  });

  it('75003: a ProtocolBinding other than HTTP-POST', async () => {
    expectAadsts(await send({ protocolBinding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact' }), 75003, /HTTP-Artifact/);
  });

  it('75016: a NameIDPolicy format Entra does not issue', async () => {
    expectAadsts(await send({ nameIdFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:kerberos' }), 75016);
  });

  it('90015: a query string that is too long', async () => {
    expectAadsts(await send({}, { relayState: 'r'.repeat(20_000) }), 90015);
  });

  it('90002: a tenant that does not exist', async () => {
    const other = h.ssoLoopback.replace(h.tenant.id, '11111111-2222-3333-4444-555555555555');
    expectAadsts(await h.agent().navigate(`${other}?${redirectQuery(authnRequestXml())}`), 90002);
  });

  it('700016: an Issuer that is not an Identifier of any app (a trailing slash counts)', async () => {
    expectAadsts(await send({ issuer: 'https://sp.example.com/saml/metadata/' }), 700016, /'https:\/\/sp.example.com\/saml\/metadata\/' was not found in the directory 'contoso.onmicrosoft.com'/);
  });

  it('7000112: the app is disabled for sign-in', async () => {
    await withApp(
      (a) => void (a.enabled = false),
      async () => expectAadsts(await send(), 7000112, /is disabled/),
    );
  });

  it('76021: unsigned requests to an app that requires signed ones; 50006: signed with the wrong key', async () => {
    const spKey = await generateSelfSignedCertificate({ now: new Date(), subject: 'CN=sp.example.com' });
    const otherKey = await generateSelfSignedCertificate({ now: new Date(), subject: 'CN=attacker' });
    await withApp(
      (a) => void (a.requestVerification = { required: true, certificates: [spKey.certificatePem] }),
      async () => {
        expectAadsts(await send(), 76021);
        expectAadsts(await send({}, { signWith: otherKey.privateKeyPem, relayState: 'r' }), 50006);
        expect((await send({}, { signWith: spKey.privateKeyPem, relayState: 'r' })).html?.pageKind).toBe('pick-account');
      },
    );
  });

  it('50011: an AssertionConsumerServiceURL that is not a Reply URL', async () => {
    expectAadsts(
      await send({ acsUrl: 'https://sp.example.com/saml/acs2' }),
      50011,
      new RegExp(`'https://sp.example.com/saml/acs2' specified in the request does not match the reply URLs configured for the application: '${h.app.appId}'`),
    );
  });

  it('an ACS index picks the Reply URL with that index; an unknown index is 50011', async () => {
    await withApp(
      (a) => void a.saml.replyUrls.push({ url: 'https://sp.example.com/saml/acs-indexed', index: 3, isDefault: false }),
      async () => {
        const agent = h.agent();
        await agent.navigate(`${h.ssoLoopback}?${redirectQuery(authnRequestXml({ acsUrl: null, acsIndex: 3 }), { extra: { login_hint: 'adele.vance@contoso.com' } })}`);
        expect(postedToSp(agent).url).toBe('https://sp.example.com/saml/acs-indexed');
        expectAadsts(await send({ acsUrl: null, acsIndex: 9 }), 50011);
      },
    );
  });

  describe('faults that depend on the user', () => {
    const as = (upn: string, spec: RequestSpec = {}) => send(spec, { extra: { login_hint: upn } });

    it('50034: an account of the tenant domain that does not exist; 50020: an account from elsewhere', async () => {
      expectAadsts(await as('nobody@contoso.com'), 50034, /nobody@contoso.com does not exist/);
      expectAadsts(await as('someone@fabrikam.com'), 50020, /'someone@fabrikam.com' from identity provider 'live.com' does not exist/);
    });

    it('50057: a disabled account', async () => {
      expectAadsts(await as('nestor.wilke@contoso.com'), 50057);
    });

    it("75011: an MFA session against a request for PasswordProtectedTransport (node-saml's default)", async () => {
      const ppt = 'urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport';
      expectAadsts(await as('alex.wilber@contoso.com', { authnContext: [ppt] }), 75011, /'Password, MultiFactor' .* requested authentication method 'Password, ProtectedTransport'/);
      const agent = h.agent();
      await agent.navigate(`${h.ssoLoopback}?${redirectQuery(authnRequestXml({ authnContext: [ppt] }), { extra: { login_hint: 'adele.vance@contoso.com' } })}`);
      expect(decodePostMessage(postedToSp(agent).SAMLResponse)).toMatchObject({ ok: true, value: expect.stringContaining(`<AuthnContextClassRef>${ppt}</AuthnContextClassRef>`) as string });
    });

    it('50105: a user who is not assigned, with assignment required', async () => {
      await withApp(
        (a) => void (a.assignments = a.assignments.filter((x) => x.principalId !== h.user('lynne.robbins@contoso.com').objectid)),
        async () => {
          expectAadsts(await as('lynne.robbins@contoso.com'), 50105, /The signed in user 'lynne.robbins@contoso.com' is blocked/);
        },
      );
    });

    it('no 50105 once "Assignment required?" is off, or when a group the user is directly in is assigned', async () => {
      const lynne = h.user('lynne.robbins@contoso.com');
      const marketing = h.tenant.groups.find((g) => g.displayname === 'Marketing')!;
      await withApp(
        (a) => void (a.assignments = [{ principalId: marketing.objectid, principalType: 'group' }]),
        async () => {
          const agent = h.agent();
          await agent.navigate(`${h.ssoLoopback}?${redirectQuery(authnRequestXml(), { extra: { login_hint: lynne.attributes.userprincipalname } })}`);
          expect(postedToSp(agent).url).toBe(SP_ACS);
          expectAadsts(await as('adele.vance@contoso.com'), 50105);
        },
      );
    });

    it('53003: blocked by Conditional Access; with MFA required, the prompt — 50076 without a method to answer it, 500121 denied', async () => {
      expectAadsts(await as('pradeep.gupta@contoso.com'), 53003);
      const adele = h.user('adele.vance@contoso.com');
      adele.conditionalAccess = 'require-mfa';
      try {
        const answer = async (decision: string) => {
          const agent = h.agent();
          const prompt = await agent.navigate(`${h.ssoLoopback}?${redirectQuery(authnRequestXml(), { extra: { login_hint: 'adele.vance@contoso.com' } })}`);
          expect(prompt.html?.pageKind).toBe('mfa-prompt');
          return agent.submit(
            prompt.html!.forms.find((f) => f.fields.decision === 'approve')!,
            { decision },
          );
        };
        expectAadsts(await answer('unavailable'), 50076);
        expectAadsts(await answer('deny'), 500121, /strong authentication/);
      } finally {
        adele.conditionalAccess = 'none';
      }
    });

    it('501241: the Unique User Identifier source is empty for the user', async () => {
      await withApp(
        (a) => void (a.claims.nameId.source = { kind: 'attribute', attribute: 'user.extensionattribute9' }),
        async () => expectAadsts(await as('adele.vance@contoso.com'), 501241, /'user.extensionattribute9'/),
      );
    });

    it('501621: a RegexReplace claim that backtracks forever', async () => {
      await withApp(
        (a) =>
          void a.claims.attributes.push({
            id: 're',
            name: 'slow',
            source: {
              kind: 'transformation',
              treatAsMultiValued: false,
              steps: [{ fn: 'RegexReplace', input: { kind: 'constant', value: `${'a'.repeat(40)}!` }, pattern: '^(a|a)+$', replacement: 'x', extraInputs: [] }],
            },
          }),
        async () => expectAadsts(await as('adele.vance@contoso.com'), 501621),
      );
    });

    it('50124: a RegexReplace pattern that does not compile', async () => {
      await withApp(
        (a) =>
          void a.claims.attributes.push({
            id: 'bad',
            name: 'bad',
            source: {
              kind: 'transformation',
              treatAsMultiValued: false,
              steps: [{ fn: 'RegexReplace', input: { kind: 'attribute', attribute: 'user.mail' }, pattern: '([a-z', replacement: 'x', extraInputs: [] }],
            },
          }),
        async () => expectAadsts(await as('adele.vance@contoso.com'), 50124, /\(\[a-z/),
      );
    });

    it('50003: the app has no signing certificate; 50146: it has only expired ones', async () => {
      await withApp(
        (a) => void (a.signing.certificates = []),
        async () => expectAadsts(await as('adele.vance@contoso.com'), 50003),
      );
      const expired = await createAppCertificate(new Date(Date.now() - 4 * 365 * 86400_000), { active: true });
      await withApp(
        (a) => void (a.signing.certificates = [expired]),
        async () => expectAadsts(await as('adele.vance@contoso.com'), 50146),
      );
    });

    it('50058: IsPassive without a session is an error Response posted back, not a page', async () => {
      const agent = h.agent();
      await agent.navigate(`${h.ssoLoopback}?${redirectQuery(authnRequestXml({ isPassive: true }), { relayState: 'p' })}`);
      const posted = postedToSp(agent);
      const xml = decodePostMessage(posted.SAMLResponse);
      if (!xml.ok) throw xml.error;
      expect(xml.value).toContain('<samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Requester"><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:NoPassive"/>');
      expect(xml.value).toContain('AADSTS50058: A silent sign-in request was sent but no user is signed in.');
      expect(xml.value).not.toContain('<Assertion');
      expect(posted.RelayState).toBe('p');
    });
  });
});
