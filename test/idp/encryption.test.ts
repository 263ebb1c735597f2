import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSelfSignedCertificate, type GeneratedCertificate } from '../../src/core/crypto/generate';
import { decodePostMessage } from '../../src/core/xml/codec';
import type { SigningOption } from '../../src/core/idp/model';
import { nodeSamlSp, postedToSp, startIdp, type IdpHarness } from '../support/idp-harness';

let h: IdpHarness;
let spKey: GeneratedCertificate;
beforeAll(async () => {
  spKey = await generateSelfSignedCertificate({ now: new Date(), subject: 'CN=sp.example.com encryption' });
  h = await startIdp({ configure: (app) => void (app.encryption = { active: true, certificatePem: spKey.certificatePem }) });
});
afterAll(() => h.stop());

describe('token encryption with the SP certificate', () => {
  it.each(['assertion', 'response', 'response-and-assertion'] as SigningOption[])('with "%s" signing, node-saml decrypts with its key and verifies', async (option) => {
    h.state.apps[0]!.signing.option = option;
    const sp = nodeSamlSp(h, h.app.signing.certificates[0]!.certificatePem, {
      decryptionPvk: spKey.privateKeyPem,
      wantAuthnResponseSigned: option !== 'assertion',
      wantAssertionsSigned: option !== 'response',
    });
    const agent = h.agent();
    await agent.navigate(`${await sp.getAuthorizeUrlAsync('', undefined, {})}&login_hint=adele.vance%40contoso.com`);
    const posted = postedToSp(agent);
    const xml = decodePostMessage(posted.SAMLResponse);
    if (!xml.ok) throw xml.error;
    expect(xml.value).toContain('EncryptedAssertion');
    expect(xml.value).toContain('http://www.w3.org/2001/04/xmlenc#aes256-cbc');
    expect(xml.value).not.toContain('adele.vance@contoso.com');
    const { profile } = await sp.validatePostResponseAsync({ SAMLResponse: posted.SAMLResponse });
    expect(profile?.nameID).toBe('adele.vance@contoso.com');
  });

  it('an SP without the key cannot read it', async () => {
    h.state.apps[0]!.signing.option = 'assertion';
    const sp = nodeSamlSp(h, h.app.signing.certificates[0]!.certificatePem);
    const agent = h.agent();
    await agent.navigate(`${await sp.getAuthorizeUrlAsync('', undefined, {})}&login_hint=adele.vance%40contoso.com`);
    await expect(sp.validatePostResponseAsync({ SAMLResponse: postedToSp(agent).SAMLResponse })).rejects.toThrow();
  });
});
