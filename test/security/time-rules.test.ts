import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editXml, signAssertion, stripSignatures, assertionOf } from '../../src/core/attacks/forge';
import type { Clock } from '../../src/core/base/clock';
import { parseIdpMetadata } from '../../src/core/sp/idp-metadata';
import { SpPolicy, type IdpTrust } from '../../src/core/sp/model';
import { ServiceProviderCore } from '../../src/core/sp/service-provider';
import { ReplayCache } from '../../src/core/sp/stores';
import { decodePostMessage, encodePostMessage } from '../../src/core/xml/codec';
import { NS } from '../../src/core/xml/namespaces';
import { SP_ACS, SP_ENTITY, postedToSp, startIdp, type IdpHarness } from '../support/idp-harness';

// A genuinely signed response replayed days later, claiming validity until 2099, must not get in; and the replay
// cache that remembers accepted assertions must not grow with them until 2099.

let h: IdpHarness;
let trust: IdpTrust;
beforeAll(async () => {
  h = await startIdp();
  const md = parseIdpMetadata(await (await fetch(h.metadataLoopback)).text());
  if (!md.ok) throw md.error;
  trust = md.value.trust;
});
afterAll(() => h.stop());

const DAY = 86_400_000;
const signer = () => ({ privateKeyPem: h.app.signing.certificates[0]!.privateKeyPem, certificatePem: h.app.signing.certificates[0]!.certificatePem });

function sp(policy: Partial<SpPolicy> = {}, clock: Clock = { now: () => new Date() }) {
  return new ServiceProviderCore({ endpoints: { entityId: SP_ENTITY, acsUrl: SP_ACS }, policy: SpPolicy.parse({ crossCheck: false, allowIdpInitiated: true, ...policy }), clock, idp: trust });
}

/** A response Entra issued for this SP (IdP-initiated), then re-signed with Entra's own key after `edit`. */
async function issued(edit: (assertion: Element, doc: Document) => void): Promise<string> {
  const agent = h.agent();
  await agent.navigate(`${h.urls.idpInitiated(h.app.appId)}&login_hint=adele.vance%40contoso.com`);
  const xml = decodePostMessage(postedToSp(agent).SAMLResponse);
  if (!xml.ok) throw xml.error;
  return signAssertion(
    editXml(stripSignatures(xml.value), (doc) => edit(assertionOf(doc), doc)),
    signer(),
  );
}

/** Issued `ago` ms before now, valid (it says) until 2099. */
const oldButValidTo2099 = (ago: number) =>
  issued((a) => {
    const at = new Date(Date.now() - ago).toISOString();
    a.setAttribute('IssueInstant', at);
    const conditions = a.getElementsByTagNameNS(NS.saml, 'Conditions')[0]!;
    conditions.setAttribute('NotBefore', at);
    conditions.setAttribute('NotOnOrAfter', '2099-01-01T00:00:00Z');
    for (const d of Array.from(a.getElementsByTagNameNS(NS.saml, 'SubjectConfirmationData'))) d.setAttribute('NotOnOrAfter', '2099-01-01T00:00:00Z');
    for (const s of Array.from(a.getElementsByTagNameNS(NS.saml, 'AuthnStatement'))) s.setAttribute('AuthnInstant', at);
  });

describe('the SP core’s time rules', () => {
  it('refuses an assertion issued 2 days ago that claims validity until 2099, under the time check, naming its age', async () => {
    const report = await sp().validate(encodePostMessage(await oldButValidTo2099(2 * DAY)));
    expect(report.ok).toBe(false);
    expect(report.failure).toMatchObject({ id: 'assertion.time', reason: expect.stringMatching(/issued at .*, 2 days ago; this SP takes assertions up to 60 s old/) as string });
  });

  it('takes one issued within the policy, and the limit is per SP (0: no limit, as an SP that checks no age)', async () => {
    expect((await sp().validate(encodePostMessage(await oldButValidTo2099(30_000)))).ok).toBe(true);
    expect((await sp({ maxIssueAgeSeconds: 0, maxAuthnAgeSeconds: 0 }).validate(encodePostMessage(await oldButValidTo2099(2 * DAY)))).ok).toBe(true);
  });

  it('refuses a sign-in whose AuthnInstant is older than maxTimeSinceAuthn, though the assertion is fresh', async () => {
    const xml = await issued((a) => {
      for (const s of Array.from(a.getElementsByTagNameNS(NS.saml, 'AuthnStatement'))) s.setAttribute('AuthnInstant', new Date(Date.now() - 3 * 3_600_000).toISOString());
    });
    expect(await sp({ maxAuthnAgeSeconds: 3600 }).validate(encodePostMessage(xml))).toMatchObject({
      ok: false,
      failure: { id: 'assertion.time', reason: expect.stringMatching(/authenticated at .*3 hours ago.*maxTimeSinceAuthn/) as string },
    });
    expect((await sp().validate(encodePostMessage(xml))).ok).toBe(true);
  });

  it('remembers an accepted assertion only as long as it could be accepted, not until its NotOnOrAfter of 2099', async () => {
    let now = Date.now();
    const core = sp({}, { now: () => new Date(now) });
    const xml = encodePostMessage(await oldButValidTo2099(10_000));
    const id = (await core.validate(xml)).identity!.assertionId;
    expect((await core.validate(xml)).failure?.id).toBe('assertion.replay');
    expect(core.replay.has(id, new Date(now))).toBe(true);
    // Ten minutes on, the cache has let it go (the age rule refuses it instead), where NotOnOrAfter would keep it until 2099.
    now += 10 * 60_000;
    expect(core.replay.has(id, new Date(now))).toBe(false);
    expect((await core.validate(xml)).failure?.id).toBe('assertion.time');
  });

  it('keeps the replay cache bounded: expired IDs go first, then the oldest', () => {
    const cache = new ReplayCache(100);
    const now = new Date();
    for (let i = 0; i < 1000; i++) cache.remember(`id-${i}`, new Date(now.getTime() + 3_600_000), now);
    expect(cache.size).toBeLessThanOrEqual(100);
    expect(cache.has('id-999', now)).toBe(true);
    expect(cache.has('id-0', now)).toBe(false);
  });
});
