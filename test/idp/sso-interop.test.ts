import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePostMessage } from '../../src/core/xml/codec';
import { sharedSchemaValidator } from '../../src/core/xml/schema-validator';
import { SIGNATURE_ALGORITHM } from '../../src/core/idp/signature-algorithms';
import type { SigningOption } from '../../src/core/idp/model';
import { SP_ACS, SP_ENTITY, nodeSamlSp, postedToSp, samlifyWithSchema, startIdp, type IdpHarness } from '../support/idp-harness';

const OPTIONS: SigningOption[] = ['assertion', 'response', 'response-and-assertion'];
const ALGORITHMS = ['sha256', 'sha1'] as const;

describe.each(OPTIONS)('SP-initiated sign-in over HTTP, signing option "%s"', (option) => {
  describe.each(ALGORITHMS)('with %s', (algorithm) => {
    let h: IdpHarness;
    let metadata: string;
    let certs: string[];

    beforeAll(async () => {
      h = await startIdp({
        configure: (app) => {
          app.signing.option = option;
          app.signing.algorithm = algorithm;
        },
      });
      metadata = await (await fetch(h.metadataLoopback)).text();
      const fromMetadata = samlifyWithSchema().IdentityProvider({ metadata }).entityMeta.getX509Certificate('signing');
      certs = Array.isArray(fromMetadata) ? fromMetadata : [fromMetadata];
    });
    afterAll(() => h.stop());

    async function signIn(relayState: string) {
      const sp = nodeSamlSp(
        h,
        certs.map((c) => `-----BEGIN CERTIFICATE-----\n${c}\n-----END CERTIFICATE-----`),
        {
          wantAuthnResponseSigned: option !== 'assertion',
          wantAssertionsSigned: option !== 'response',
        },
      );
      const url = await sp.getAuthorizeUrlAsync(relayState, undefined, {});
      const agent = h.agent();
      const picker = await agent.navigate(url);
      expect(picker.html?.pageKind).toBe('pick-account');
      const adele = picker.html!.forms.find((f) => f.fields.login === 'adele.vance@contoso.com')!;
      await agent.submit(adele);
      return { sp, agent, posted: postedToSp(agent) };
    }

    it('posts a response that node-saml accepts, with the certificate from our metadata', async () => {
      const { sp, posted } = await signIn('rs-123');
      expect(posted.url).toBe(SP_ACS);
      expect(posted.RelayState).toBe('rs-123');
      const { profile } = await sp.validatePostResponseAsync({ SAMLResponse: posted.SAMLResponse });
      expect(profile?.nameID).toBe('adele.vance@contoso.com');
      expect(profile?.nameIDFormat).toBe('urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress');
      expect(profile?.['http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname']).toBe('Adele');
      expect(profile?.['http://schemas.microsoft.com/identity/claims/tenantid']).toBe(h.tenant.id);
    });

    it('signs exactly what the option says, with the chosen algorithm, and is valid against the SAML schemas', async () => {
      const { posted } = await signIn('x');
      const xml = decodePostMessage(posted.SAMLResponse);
      if (!xml.ok) throw xml.error;
      // Entra's signatures are unprefixed, in the default xmldsig namespace, right after the Issuer.
      const responseSigned = /<samlp:Response[^>]*>(<Issuer[^>]*>[^<]*<\/Issuer>)<Signature xmlns="http:\/\/www\.w3\.org\/2000\/09\/xmldsig#"><SignedInfo>/.test(xml.value);
      const assertionSigned = /<Assertion [^>]*><Issuer>[^<]*<\/Issuer><Signature xmlns="http:\/\/www\.w3\.org\/2000\/09\/xmldsig#"><SignedInfo>/.test(xml.value);
      expect(xml.value).not.toContain('ds:Signature');
      expect({ responseSigned, assertionSigned }).toEqual({ responseSigned: option !== 'assertion', assertionSigned: option !== 'response' });
      expect(xml.value).toContain(`SignatureMethod Algorithm="${SIGNATURE_ALGORITHM[algorithm]}"`);
      expect(await sharedSchemaValidator().validate(xml.value)).toEqual({ valid: true, problems: [] });
    });

    it("is accepted by samlify's SP reading our Federation Metadata XML", async () => {
      const { posted } = await signIn('y');
      const s = samlifyWithSchema();
      const sp = s.ServiceProvider({
        entityID: SP_ENTITY,
        assertionConsumerService: [{ Binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST', Location: SP_ACS }],
        wantAssertionsSigned: option !== 'response',
        wantMessageSigned: option !== 'assertion',
      });
      const result = await sp.parseLoginResponse(s.IdentityProvider({ metadata }), 'post', { body: { SAMLResponse: posted.SAMLResponse } });
      expect(result.extract.nameID).toBe('adele.vance@contoso.com');
      expect(result.extract.audience).toBe(SP_ENTITY);
    });
  });
});
