import { describe, expect, it } from 'vitest';
import { signAssertion, stripSignatures, editXml } from '../../src/core/attacks/forge';
import { generateSelfSignedCertificate } from '../../src/core/crypto/generate';
import { readArtefact } from '../../src/core/diagnose/artefact';
import { diagnose, type Diagnosis } from '../../src/core/diagnose/diagnose';
import { parseIdpMetadata } from '../../src/core/sp/idp-metadata';
import type { IdpConfigInput } from '../../src/core/vendors/profile';
import { GenericSpDefinition, genericProfile } from '../../src/core/vendors/generic/profile';
import { VendorSp } from '../../src/core/vendors/vendor-sp';
import { descendants } from '../../src/core/xml/dom';
import { NS } from '../../src/core/xml/namespaces';
import { haveRealFixtures, real, REAL_CLOCK, REAL_SP } from '../support/real-fixtures';

type RealResponse = keyof typeof REAL_CLOCK;

const CERT_2018 = 'azure-cert-tenant-2018-1528a6b8.pem';
const CERT_2022 = 'azure-cert-app-5b5c94c6-2022.pem';

/** A user-defined SP for the real response's own SP, configured as given (nothing: it holds no IdP configuration). */
async function spFor(response: RealResponse, config?: IdpConfigInput, policy: Record<string, unknown> = {}): Promise<VendorSp<unknown>> {
  const url = REAL_SP[response];
  const def = GenericSpDefinition.parse({ id: 'real-sp', displayName: 'The real SP', entityId: url, acsUrl: url, policy });
  const sp = new VendorSp(genericProfile(def), {}, { settings: {}, directory: { users: [], groups: [] }, faults: [] }, { clock: { now: () => REAL_CLOCK[response] } }) as VendorSp<unknown>;
  if (config) {
    const applied = await sp.applyIdpConfig(config);
    if (!applied.ok) throw new Error(applied.error.message);
  }
  return sp;
}

const withCert = (name: string): IdpConfigInput => ({ method: 'signon-url-and-certificate', signOnUrl: 'https://login.microsoftonline.com/common/saml2', certificate: real(name) });
const withMetadata = (name: string): IdpConfigInput => ({ method: 'metadata-xml', metadataXml: real(name) });

async function diagnoseWith(sp: VendorSp<unknown>, xml: string, at: Date, extra: { certificates?: string[] } = {}): Promise<Diagnosis> {
  const artefact = readArtefact(xml);
  if (!artefact.ok) throw artefact.error;
  const d = await diagnose(artefact.value, { vendors: [{ id: 'real-sp', sp }], asOf: { mode: 'given', time: at }, now: at, ...extra });
  if (!d.ok) throw d.error;
  return d.value;
}

const check = (d: Diagnosis, id: string) => d.verdicts[0]!.report.checks.find((c) => c.id === id)!;

// The real files live beside the repository (../shared/fixtures/real); CI has them. Without them there is
// nothing real to read, so the suite says so instead of passing vacuously.
describe.skipIf(!haveRealFixtures)('diagnose on real Entra ID files, read in place with their own clocks', () => {
  describe.each([
    ['azure-response-682febe8-2018.xml', CERT_2018, CERT_2022, 'xJxdqS8W2UXawbZZqpGFXKG4uEmO5GjijKD2RkMipBo'],
    ['azure-response-5b5c94c6-2022.xml', CERT_2022, CERT_2018, 'test@alexandremaurelgmail.onmicrosoft.com'],
  ] as const)('%s', (file, own, other, nameId) => {
    it('is accepted when the vendor holds its own certificate', async () => {
      const d = await diagnoseWith(await spFor(file, withCert(own)), real(file), REAL_CLOCK[file]);
      expect(d.conclusion).toBe('accepted');
      expect(d.verdicts[0]!.outcome).toMatchObject({ kind: 'signed-in', identity: { nameId } });
      expect(check(d, 'signature.trusted').status).toBe('pass');
      expect(check(d, 'xml.schema').status).toBe('pass');
    });

    it('is refused with signature.trusted when the vendor holds the other one, and the summary names the signer first', async () => {
      const d = await diagnoseWith(await spFor(file, withCert(other)), real(file), REAL_CLOCK[file]);
      const v = d.verdicts[0]!;
      expect(d.conclusion).toBe('refused');
      expect(check(d, 'signature.trusted').status).toBe('fail');
      expect(v.outcome).toMatchObject({ kind: 'refused', error: { code: 'SAML_CHECK_FAILED' } });
      expect(d.summary).toMatch(new RegExp(`^Signed by CN=.*, thumbprint ${v.signer!.thumbprint} — not a certificate The real SP holds\\. The real SP would refuse it`));
      expect(v.report.checks.filter((c) => c.status === 'skipped' && /could not be verified/.test(c.reason))).toEqual([]);
    });

    it('with --cert naming the right certificate, the same vendor trusts it', async () => {
      const d = await diagnoseWith(await spFor(file, withCert(other)), real(file), REAL_CLOCK[file], { certificates: [real(own)] });
      expect(check(d, 'signature.trusted').status).toBe('pass');
      expect(d.verdicts[0]!.trust).toBe('given');
    });

    it('with nothing known of the IdP, the verdict is "undetermined: signer unknown", never "would sign in"', async () => {
      const d = await diagnoseWith(await spFor(file), real(file), REAL_CLOCK[file]);
      const v = d.verdicts[0]!;
      expect(d.conclusion).toBe('undetermined');
      expect(v.trust).toBe('assumed');
      expect(v.outcome).toMatchObject({ kind: 'undetermined', reason: 'signer-unknown' });
      expect(check(d, 'signature.trusted')).toMatchObject({ status: 'skipped', reason: expect.stringContaining('not decided') as string });
      expect(d.summary).toMatch(/^Undetermined: signer unknown/);
    });
  });

  it('the tampered 2018 copy is refused with signature.valid', async () => {
    const file = 'azure-response-682febe8-2018-tampered.xml';
    const d = await diagnoseWith(await spFor(file, withCert(CERT_2018)), real(file), REAL_CLOCK[file]);
    expect(check(d, 'signature.valid')).toMatchObject({ status: 'fail', reason: expect.stringContaining('changed after it was signed') as string });
    expect(d.conclusion).toBe('refused');
  });

  it("a response re-signed by an attacker's key is refused, naming the attacker's certificate", async () => {
    const file = 'azure-response-5b5c94c6-2022.xml';
    const evil = await generateSelfSignedCertificate({ now: new Date('2022-01-01T00:00:00Z'), subject: 'CN=Microsoft Azure Federated SSO Certificate' });
    const forged = editXml(stripSignatures(real(file)), (doc) => {
      for (const n of descendants(doc, NS.saml, 'NameID')) n.textContent = 'vincent.vega@evil-corp.com';
    });
    const d = await diagnoseWith(await spFor(file, withCert(CERT_2022)), signAssertion(forged, evil), REAL_CLOCK[file]);
    expect(d.conclusion).toBe('refused');
    expect(d.summary).toContain(`thumbprint ${evil.thumbprint} — not a certificate The real SP holds`);
    expect(d.summary).not.toMatch(/would sign in/);
  });

  describe('a vendor configured from each real metadata file gets the right trust', () => {
    it.each([
      ['azure-metadata-tenant-682febe8-2018.xml', 'https://sts.windows.net/682febe8-021b-4fde-ac09-e60085f05181/', 2, '1528A6B85AC53680B4B095C69AFD779CD65C7837'],
      ['azure-metadata-app-507beeb6-2021.xml', 'https://sts.windows.net/507beeb6-7b23-4537-9307-2845b83ee65a/', 1, 'B1E22F22969759ECC666A0898282FE7CF89EF733'],
      ['azure-metadata-tenant-8bd6e98d-2014.xml', 'https://sts.windows.net/8bd6e98d-e212-4022-b13f-a244fab4c253/', 2, '3270BF5597004DF339A4E62224731B6BD82810A6'],
      ['azure-metadata-common-2017.xml', 'https://sts.windows.net/{tenantid}/', 3, '6B740DD01652EECE2737E05DAE36C5D18FCB74C3'],
    ])('%s: entity ID, every signing certificate, the document signature', (file, entityId, certs, signer) => {
      const md = parseIdpMetadata(real(file));
      expect(md.ok).toBe(true);
      if (!md.ok) return;
      expect(md.value.trust.entityId).toBe(entityId);
      expect(md.value.trust.certificates).toHaveLength(certs);
      expect(md.value.signature).toEqual({ status: 'valid', signerThumbprint: signer });
    });

    it("the 2018 tenant metadata: its own tenant's 2018 response is accepted, Issuer compared", async () => {
      const file = 'azure-response-682febe8-2018.xml';
      const d = await diagnoseWith(await spFor(file, withMetadata('azure-metadata-tenant-682febe8-2018.xml')), real(file), REAL_CLOCK[file]);
      expect(d.conclusion).toBe('accepted');
      expect(check(d, 'response.issuer')).toMatchObject({ status: 'pass', reason: 'https://sts.windows.net/682febe8-021b-4fde-ac09-e60085f05181/' });
    });

    it("the 2018 tenant metadata against the 2022 app-signed response: another tenant's metadata, and tenant metadata where the app's was needed", async () => {
      const file = 'azure-response-5b5c94c6-2022.xml';
      const d = await diagnoseWith(await spFor(file, withMetadata('azure-metadata-tenant-682febe8-2018.xml')), real(file), REAL_CLOCK[file]);
      const v = d.verdicts[0]!;
      expect(check(d, 'signature.trusted').status).toBe('fail');
      expect(check(d, 'response.issuer').status).toBe('fail');
      expect(v.findings.map((f) => f.id)).toEqual(['metadata-other-tenant', 'tenant-metadata']);
      expect(v.findings[0]!.detail).toContain("the response's Issuer names tenant 5b5c94c6-14cf-42da-85bc-4e08722b253b; The real SP holds the metadata of tenant 682febe8-021b-4fde-ac09-e60085f05181");
      expect(v.findings[1]!.detail).toMatch(/only Entra's tenant-wide keys .*CN=accounts\.accesscontrol\.windows\.net.*signed with the app's own certificate, thumbprint 51C2D601/);
    });

    it("the 2021 app metadata of tenant 507beeb6 against the 2022 response of tenant 5b5c94c6: another tenant's", async () => {
      const file = 'azure-response-5b5c94c6-2022.xml';
      const d = await diagnoseWith(await spFor(file, withMetadata('azure-metadata-app-507beeb6-2021.xml')), real(file), REAL_CLOCK[file]);
      expect(d.verdicts[0]!.findings.map((f) => f.id)).toEqual(['metadata-other-tenant']);
      expect(d.conclusion).toBe('refused');
    });

    it('the "common" metadata: its entity ID is a template, so the Issuer never matches and the mistake is named', async () => {
      const file = 'azure-response-682febe8-2018.xml';
      const d = await diagnoseWith(await spFor(file, withMetadata('azure-metadata-common-2017.xml')), real(file), REAL_CLOCK[file]);
      expect(check(d, 'response.issuer').status).toBe('fail');
      expect(d.verdicts[0]!.findings[0]!.id).toBe('common-metadata');
    });
  });
});

describe('repeated Attribute elements, as Keycloak sends one per role', () => {
  async function keycloakStyle(policy: Record<string, unknown>) {
    const file = 'azure-response-5b5c94c6-2022.xml';
    const key = await generateSelfSignedCertificate({ now: new Date('2022-01-01T00:00:00Z'), subject: 'CN=keycloak' });
    const roles = ['admin', 'editor', 'viewer', 'billing', 'support', 'audit'];
    const xml = editXml(stripSignatures(real(file)), (doc) => {
      const statement = descendants(doc, NS.saml, 'AttributeStatement')[0]!;
      for (const role of roles) {
        const a = doc.createElementNS(NS.saml, 'Attribute');
        a.setAttribute('Name', 'Role');
        const value = doc.createElementNS(NS.saml, 'AttributeValue');
        value.textContent = role;
        a.appendChild(value);
        statement.appendChild(a);
      }
    });
    const sp = await spFor(file, { method: 'signon-url-and-certificate', signOnUrl: 'https://keycloak.test/realms/x/protocol/saml', certificate: key.certificatePem }, policy);
    return { d: await diagnoseWith(sp, signAssertion(xml, key), REAL_CLOCK[file]), roles };
  }

  it.skipIf(!haveRealFixtures)('the generic SP merges the six values in order and shows a warning row', async () => {
    const { d, roles } = await keycloakStyle({});
    expect(check(d, 'assertion.attributes')).toMatchObject({ status: 'warn', reason: expect.stringContaining('"Role" (6 elements)') as string });
    expect(d.verdicts[0]!.outcome).toMatchObject({ kind: 'signed-in', identity: { attributes: { Role: roles } } });
  });

  it.skipIf(!haveRealFixtures)('an SP whose rule is "refuse" refuses it with assertion.attributes; "first" and "last" keep one value', async () => {
    const refused = await keycloakStyle({ repeatedAttributes: 'refuse' });
    expect(check(refused.d, 'assertion.attributes').status).toBe('fail');
    expect(refused.d.conclusion).toBe('refused');
    const first = await keycloakStyle({ repeatedAttributes: 'first' });
    expect(first.d.verdicts[0]!.outcome).toMatchObject({ identity: { attributes: { Role: ['admin'] } } });
    const last = await keycloakStyle({ repeatedAttributes: 'last' });
    expect(last.d.verdicts[0]!.outcome).toMatchObject({ identity: { attributes: { Role: ['audit'] } } });
  });
});
