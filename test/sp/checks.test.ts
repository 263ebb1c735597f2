import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertionOf, editXml, signAssertion, signResponse, stripSignatures, subjectConfirmationData } from '../../src/core/attacks/forge';
import { MINUTE, type Clock } from '../../src/core/base/clock';
import { generateSelfSignedCertificate, type GeneratedCertificate } from '../../src/core/crypto/generate';
import { parseIdpMetadata } from '../../src/core/sp/idp-metadata';
import { SpPolicy, type IdpTrust } from '../../src/core/sp/model';
import type { CheckId, ValidationReport } from '../../src/core/sp/report';
import { ServiceProviderCore } from '../../src/core/sp/service-provider';
import { decodePostMessage, encodePostMessage } from '../../src/core/xml/codec';
import { NS } from '../../src/core/xml/namespaces';
import { firstChild } from '../../src/core/xml/dom';
import { SP_ACS, SP_ENTITY, postedToSp, startIdp, type IdpHarness } from '../support/idp-harness';

let h: IdpHarness;
let trust: IdpTrust;
let attacker: GeneratedCertificate;
const idpSigner = () => ({ privateKeyPem: h.app.signing.certificates[0]!.privateKeyPem, certificatePem: h.app.signing.certificates[0]!.certificatePem });

beforeAll(async () => {
  h = await startIdp();
  const md = parseIdpMetadata(await (await fetch(h.metadataLoopback)).text());
  if (!md.ok) throw md.error;
  trust = md.value.trust;
  attacker = await generateSelfSignedCertificate({ now: new Date(), subject: 'CN=Microsoft Azure Federated SSO Certificate' });
});
afterAll(() => h.stop());

function spCore(policy: Partial<SpPolicy> = {}, clock: Clock = { now: () => new Date() }, extra: { encryption?: { certificatePem: string; privateKeyPem: string } } = {}) {
  return new ServiceProviderCore({ endpoints: { entityId: SP_ENTITY, acsUrl: SP_ACS, ...extra }, policy: SpPolicy.parse({ crossCheck: false, ...policy }), clock, idp: trust });
}

/** A response Entra issued in answer to this SP's own AuthnRequest. */
async function answer(sp: ServiceProviderCore, user = 'adele.vance@contoso.com'): Promise<string> {
  const req = await sp.loginRequest();
  if (!req.ok) throw req.error;
  const agent = h.agent();
  await agent.navigate(`${req.value.url}&login_hint=${encodeURIComponent(user)}`);
  const xml = decodePostMessage(postedToSp(agent).SAMLResponse);
  if (!xml.ok) throw xml.error;
  return xml.value;
}

/** The report fails exactly this check: every other decisive check passed or was skipped. */
function expectOnly(report: ValidationReport, id: CheckId, reason?: RegExp): void {
  const failed = report.checks.filter((c) => c.status === 'fail' && !c.informational).map((c) => c.id);
  expect(
    failed,
    JSON.stringify(
      report.checks.filter((c) => c.status === 'fail'),
      null,
      1,
    ),
  ).toEqual([id]);
  expect(report.ok).toBe(false);
  expect(report.identity).toBeUndefined();
  if (reason) expect(report.failure!.reason).toMatch(reason);
}

/** Re-signs the assertion with the IdP's own key after an edit, so only the edited rule can fail. */
const reissue = (xml: string, edit: (doc: Document) => void) => signAssertion(editXml(stripSignatures(xml), edit), idpSigner());

describe('the SP core accepts a good response', () => {
  it('every decisive check passes and the identity is read', async () => {
    const sp = spCore();
    const report = await sp.validate(encodePostMessage(await answer(sp)));
    expect(report.ok).toBe(true);
    expect(report.checks.filter((c) => c.status === 'fail')).toEqual([]);
    expect(report.identity).toMatchObject({ nameId: 'adele.vance@contoso.com', nameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress' });
    expect(report.identity!.attributes['http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname']).toEqual(['Adele']);
    expect(report.identity!.sessionIndex).toBe(report.identity!.assertionId);
  });
});

describe('a response that breaks exactly one check is refused by that check', () => {
  it('xml.wellFormed', async () => {
    const sp = spCore();
    const xml = await answer(sp);
    const report = await sp.validate(xml.slice(0, xml.length - 40));
    expect(report.failure).toMatchObject({ id: 'xml.wellFormed' });
    expect(report.checks.filter((c) => c.id !== 'xml.wellFormed').every((c) => c.status === 'skipped')).toBe(true);
  });

  it('xml.wellFormed refuses a DTD', async () => {
    const sp = spCore();
    const report = await sp.validate(`<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/hostname">]>${await answer(sp)}`);
    expect(report.failure).toMatchObject({ id: 'xml.wellFormed', reason: expect.stringMatching(/DTD/) as string });
  });

  it('xml.schema', async () => {
    const sp = spCore();
    const xml = (await answer(sp)).replace(' Version="2.0" IssueInstant', ' IssueInstant');
    expectOnly(await sp.validate(xml), 'xml.schema', /'Version' is required/);
  });

  it("response.status (Entra's NoPassive answer to IsPassive without a session)", async () => {
    const sp = spCore();
    const req = await sp.loginRequest({ isPassive: true });
    if (!req.ok) throw req.error;
    const agent = h.agent();
    await agent.navigate(req.value.url);
    const report = await sp.validate(postedToSp(agent).SAMLResponse);
    expect(report.failure).toMatchObject({
      id: 'response.status',
      reason: expect.stringMatching(/^the IdP answered Requester \/ NoPassive: AADSTS50058: A silent sign-in request was sent but no user is signed in\./) as string,
    });
    expect(report.checks.filter((c) => c.status === 'fail' && !c.informational).map((c) => c.id)).toEqual(['response.status']);
    expect(report.checks.find((c) => c.id === 'assertion.audience')).toMatchObject({ status: 'skipped', reason: 'not applicable to an error response' });
    expect(report.message.statusMessage).toMatch(/^AADSTS50058/);
  });

  it('response.destination', async () => {
    const sp = spCore();
    expectOnly(await sp.validate((await answer(sp)).replace(`Destination="${SP_ACS}"`, 'Destination="https://evil.example.com/acs"')), 'response.destination', /evil/);
  });

  it('response.issuer', async () => {
    const sp = spCore();
    const xml = (await answer(sp)).replace(/(<Issuer xmlns="urn:oasis:names:tc:SAML:2.0:assertion">)[^<]+/, '$1https://sts.windows.net/00000000-0000-0000-0000-000000000000/');
    expectOnly(await sp.validate(xml), 'response.issuer', /Response Issuer/);
  });

  it('assertion.decryption', async () => {
    const spKey = await generateSelfSignedCertificate({ now: new Date() });
    const wrongKey = await generateSelfSignedCertificate({ now: new Date() });
    h.state.apps[0]!.encryption = { active: true, certificatePem: spKey.certificatePem };
    try {
      const sp = spCore({}, undefined, { encryption: { certificatePem: wrongKey.certificatePem, privateKeyPem: wrongKey.privateKeyPem } });
      const report = await sp.validate(await answer(sp));
      expect(report.failure).toMatchObject({ id: 'assertion.decryption' });
      const good = spCore({}, undefined, { encryption: { certificatePem: spKey.certificatePem, privateKeyPem: spKey.privateKeyPem } });
      const ok = await good.validate(await answer(good));
      expect(ok.ok).toBe(true);
      expect(ok.checks.find((c) => c.id === 'assertion.decryption')).toMatchObject({ status: 'pass', reason: 'decrypted (aes256-cbc)' });
    } finally {
      delete h.state.apps[0]!.encryption;
    }
  });

  it('signature.required', async () => {
    const sp = spCore({ wantResponseSigned: true });
    expectOnly(await sp.validate(await answer(sp)), 'signature.required', /requires the Response to be signed; only the Assertion is/);
  });

  it('signature.coverage (an unsigned assertion for another user hidden in Extensions)', async () => {
    const sp = spCore();
    const xml = editXml(await answer(sp), (doc) => {
      const ext = doc.createElementNS(NS.samlp, 'samlp:Extensions');
      const copy = assertionOf(doc).cloneNode(true) as Element;
      copy.setAttribute('ID', '_decoy');
      copy.removeChild(firstChild(copy, NS.ds, 'Signature')!);
      copy.getElementsByTagNameNS(NS.saml, 'NameID')[0]!.textContent = 'alex.wilber@contoso.com';
      ext.appendChild(copy);
      doc.documentElement.insertBefore(ext, firstChild(doc.documentElement, NS.samlp, 'Status')!);
    });
    expectOnly(await sp.validate(xml), 'signature.coverage', /outside the Response root/);
  });

  it('signature.valid (content changed after signing)', async () => {
    const sp = spCore();
    const xml = (await answer(sp)).replace('>adele.vance@contoso.com</NameID>', '>alex.wilber@contoso.com</NameID>');
    const report = await sp.validate(xml);
    expectOnly(report, 'signature.valid', /digest of the Assertion does not match/);
    expect(report.checks.find((c) => c.id === 'signature.trusted')?.status).toBe('skipped');
  });

  it('signature.trusted (re-signed with a key the SP does not trust)', async () => {
    const sp = spCore();
    const xml = signAssertion(stripSignatures(await answer(sp)), { privateKeyPem: attacker.privateKeyPem, certificatePem: attacker.certificatePem });
    expectOnly(await sp.validate(xml), 'signature.trusted', new RegExp(`thumbprint ${attacker.thumbprint}`));
  });

  it('signature.algorithm (SHA-1 where the SP refuses it)', async () => {
    const sp = spCore({ allowSha1: false });
    const xml = signAssertion(stripSignatures(await answer(sp)), idpSigner(), 'sha1');
    expectOnly(await sp.validate(xml), 'signature.algorithm', /SHA-1/);
    const lenient = spCore({ allowSha1: true });
    expect((await lenient.validate(signAssertion(stripSignatures(await answer(lenient)), idpSigner(), 'sha1'))).ok).toBe(true);
  });

  it('assertion.audience', async () => {
    const sp = spCore();
    const xml = reissue(await answer(sp), (doc) => {
      const audience = doc.getElementsByTagNameNS(NS.saml, 'Audience')[0]!;
      audience.textContent = 'https://other-sp.example.com';
    });
    expectOnly(await sp.validate(xml), 'assertion.audience', /other-sp/);
  });

  it('subject.bearer (Recipient is another ACS)', async () => {
    const sp = spCore();
    const xml = reissue(await answer(sp), (doc) => subjectConfirmationData(doc).setAttribute('Recipient', 'https://sp.example.com/other-acs'));
    expectOnly(await sp.validate(xml), 'subject.bearer', /Recipient is "https:\/\/sp.example.com\/other-acs"/);
  });

  it('response.inResponseTo (an answer to a request this SP never sent)', async () => {
    const sp = spCore();
    const other = spCore();
    const xml = await answer(other);
    expectOnly(await sp.validate(xml), 'response.inResponseTo', /matches no AuthnRequest/);
  });

  it('response.inResponseTo (unsolicited, to an SP that does not accept IdP-initiated)', async () => {
    const sp = spCore({ allowIdpInitiated: false });
    const agent = h.agent();
    await agent.navigate(`${h.host.origin}/vh/launcher.myapps.microsoft.com/api/signin/${h.app.appId}?tenantId=${h.tenant.id}&login_hint=adele.vance%40contoso.com`);
    expectOnly(await sp.validate(postedToSp(agent).SAMLResponse), 'response.inResponseTo', /unsolicited/);
  });

  it('assertion.time (an SP whose clock is 10 minutes behind sees NotBefore in the future)', async () => {
    const behind: Clock = { now: () => new Date(Date.now() - 10 * MINUTE) };
    const sp = spCore({ clockSkewSeconds: 60 }, behind);
    expectOnly(await sp.validate(await answer(sp)), 'assertion.time', /not valid before/);
  });

  it('assertion.replay (the same unsolicited response posted twice)', async () => {
    const sp = spCore();
    const agent = h.agent();
    await agent.navigate(`${h.host.origin}/vh/launcher.myapps.microsoft.com/api/signin/${h.app.appId}?tenantId=${h.tenant.id}&login_hint=adele.vance%40contoso.com`);
    const posted = postedToSp(agent).SAMLResponse;
    expect((await sp.validate(posted)).ok).toBe(true);
    expectOnly(await sp.validate(posted), 'assertion.replay', /already used/);
  });

  it('subject.nameId', async () => {
    const sp = spCore();
    const xml = reissue(await answer(sp), (doc) => {
      doc.getElementsByTagNameNS(NS.saml, 'NameID')[0]!.textContent = '';
    });
    expectOnly(await sp.validate(xml), 'subject.nameId', /no NameID value/);
  });
});

describe('signing options and a response signature', () => {
  it('a response signed as a whole verifies, and an edit anywhere breaks its digest', async () => {
    const sp = spCore({ wantAssertionsSigned: false, wantResponseSigned: true });
    const signed = signResponse(stripSignatures(await answer(sp)), idpSigner());
    const ok = await sp.validate(signed);
    expect(ok.ok).toBe(true);
    const sp2 = spCore({ wantAssertionsSigned: false, wantResponseSigned: true });
    const tampered = signResponse(stripSignatures(await answer(sp2)), idpSigner()).replace(`Destination="${SP_ACS}"`, 'Destination="https://sp.example.com/saml/acs2"');
    const report = await sp2.validate(tampered);
    expect(report.checks.filter((c) => c.status === 'fail').map((c) => c.id)).toEqual(['response.destination', 'signature.valid']);
  });
});
