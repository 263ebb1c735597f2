import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as x509 from '@peculiar/x509';
import { AsnConvert } from '@peculiar/asn1-schema';
import { Certificate } from '@peculiar/asn1-x509';
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ValidateInResponseTo } from '@node-saml/node-saml';
import { decodePostMessage } from '../../src/core/xml/codec';
import { nodeSamlSp, postedToSp, startIdp, type IdpHarness } from '../support/idp-harness';
import { generateSelfSignedCertificate } from '../../src/core/crypto/generate';
import { authnRequestXml, redirectQuery } from '../support/authn-request';
import { haveRealFixtures, real } from '../support/real-fixtures';
import { lexicalDifferences, lexicalShape } from '../support/lexical';
import { parseIdpMetadata } from '../../src/core/sp/idp-metadata';

let h: IdpHarness;
beforeAll(async () => {
  h = await startIdp({ configure: (app) => void (app.claims.nameId = { source: { kind: 'attribute', attribute: 'user.mail' }, format: 'emailAddress' }) });
});
afterAll(() => h.stop());

async function oursSpInitiated(option: 'assertion' | 'response' | 'response-and-assertion' = 'assertion'): Promise<string> {
  h.state.apps[0]!.signing.option = option;
  const agent = h.agent();
  await agent.navigate(`${h.ssoLoopback}?${redirectQuery(authnRequestXml(), { extra: { login_hint: 'adele.vance@contoso.com' } })}`);
  const xml = decodePostMessage(postedToSp(agent).SAMLResponse);
  if (!xml.ok) throw xml.error;
  return xml.value;
}

const TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

// The real documents live beside the repository (../shared/fixtures/real), read in place; CI has them.
describe.skipIf(!haveRealFixtures)('lexical fidelity: the mock against real Entra documents, byte-level', () => {
  it.each(['azure-response-5b5c94c6-2022.xml', 'azure-response-682febe8-2018.xml'])(
    'the response (assertion signed, as Entra by default) reads like %s: prefixes, namespace declarations, attribute order, no BOM or declaration, one line, times',
    async (file) => {
      const theirs = lexicalShape(real(file));
      const ours = lexicalShape(await oursSpInitiated());
      expect(lexicalDifferences(theirs, ours)).toEqual([]);
      expect(ours.elements.get('Signature')!.attributes).toEqual(['xmlns']);
      expect(ours.whitespaceBetweenTags).toBe(0);
      for (const t of [...theirs.times, ...ours.times]) expect(t).toMatch(TIME);
    },
  );

  it('the App Federation Metadata XML reads like the real 2021 app document: BOM, declaration, " />", attribute order, 19 claim types', async () => {
    const realXml = real('azure-metadata-app-507beeb6-2021.xml');
    // The bytes as served: Response.text() would drop the BOM this checks for.
    const oursXml = Buffer.from(await (await fetch(h.metadataRealForm)).arrayBuffer()).toString('utf8');
    expect(lexicalDifferences(lexicalShape(realXml), lexicalShape(oursXml))).toEqual([]);
    const uris = (xml: string) => [...xml.matchAll(/<auth:ClaimType Uri="([^"]+)"/g)].map((m) => m[1]);
    expect(uris(oursXml)).toEqual(uris(realXml));
    expect(uris(oursXml)).toHaveLength(19);
  });

  it('the tenant-level metadata (no ?appid=) is served, signed with the tenant key, listing the tenant-wide keys, shaped like the real 2018 tenant document', async () => {
    const bytes = await fetch(h.metadataRealForm.replace(/\?appid=[^&]+&/, '?'));
    const oursXml = Buffer.from(await bytes.arrayBuffer()).toString('utf8');
    const md = parseIdpMetadata(oursXml);
    if (!md.ok) throw md.error;
    expect(md.value.trust.entityId).toBe(`https://sts.windows.net/${h.tenant.id}/`);
    expect(md.value.signature.status).toBe('valid');
    const subjects = md.value.trust.certificates.map((c) => new x509.X509Certificate(c).subject);
    expect(subjects).toEqual(['CN=accounts.accesscontrol.windows.net', 'CN=accounts.accesscontrol.windows.net']);
    expect(md.value.trust.certificates).not.toContain(h.app.signing.certificates[0]!.certificatePem);
    // The 2018 tenant document has no BOM (the app one does); the element shapes are the same otherwise.
    const diffs = lexicalDifferences(lexicalShape(real('azure-metadata-tenant-682febe8-2018.xml')), lexicalShape(oursXml));
    expect(diffs).toEqual(['BOM: real false, ours true']);
  });

  it("the signing certificate is bare v3, as Entra's per-app certificates are: no extensions field at all", () => {
    const theirs = new x509.X509Certificate(real('azure-cert-app-5b5c94c6-2022.pem'));
    const ours = new x509.X509Certificate(h.app.signing.certificates[0]!.certificatePem);
    expect(ours.subject).toBe(theirs.subject);
    // Not an empty list: no [3] field in the TBSCertificate (RFC 5280 forbids an empty one; strict parsers refuse it).
    const tbs = (c: x509.X509Certificate) => AsnConvert.parse(c.rawData, Certificate).tbsCertificate;
    expect(tbs(theirs).extensions).toBeUndefined();
    expect(tbs(ours).extensions).toBeUndefined();
    expect(tbs(ours).version).toBe(tbs(theirs).version);
    // Node's parser and openssl read it and check its self-signature.
    const pem = h.app.signing.certificates[0]!.certificatePem;
    const node = new X509Certificate(pem);
    expect(node.verify(node.publicKey)).toBe(true);
    expect(execFileSync('openssl', ['x509', '-noout', '-text'], { input: pem, encoding: 'utf8' })).not.toMatch(/X509v3 extensions/);
    const file = join(tmpdir(), `harness-app-cert-${process.pid}.pem`);
    writeFileSync(file, pem);
    try {
      expect(execFileSync('openssl', ['verify', '-CAfile', file, file], { encoding: 'utf8' }).trim()).toBe(`${file}: OK`);
    } finally {
      rmSync(file, { force: true });
    }
  });

  it('an encrypted assertion keeps the one-line, unprefixed style, and an SP library decrypts it', async () => {
    const sp = await generateSelfSignedCertificate({ now: new Date(), subject: 'CN=sp encryption' });
    h.state.apps[0]!.encryption = { active: true, certificatePem: sp.certificatePem };
    try {
      const xml = await oursSpInitiated('assertion');
      expect(xml).toContain('<EncryptedAssertion xmlns="urn:oasis:names:tc:SAML:2.0:assertion"><xenc:EncryptedData');
      expect(xml).not.toMatch(/saml:|\n/);
      expect(lexicalShape(xml).whitespaceBetweenTags).toBe(0);
      const node = nodeSamlSp(h, h.app.signing.certificates[0]!.certificatePem, { decryptionPvk: sp.privateKeyPem, validateInResponseTo: ValidateInResponseTo.never });
      const { profile } = await node.validatePostResponseAsync({ SAMLResponse: Buffer.from(xml).toString('base64') });
      expect(profile?.nameID).toBe('adele.vance@contoso.com');
    } finally {
      delete h.state.apps[0]!.encryption;
    }
  });

  it('sees each kind of drift: a prefix, a namespace declaration moved, a reordered attribute, a newline, a BOM, a space before "/>"', async () => {
    const theirs = lexicalShape(real('azure-response-5b5c94c6-2022.xml'));
    const ours = await oursSpInitiated();
    const drifts = [
      ours.replace(/<Signature xmlns="http:\/\/www\.w3\.org\/2000\/09\/xmldsig#">/, '<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#">'),
      ours.replace('<Issuer xmlns="urn:oasis:names:tc:SAML:2.0:assertion">', '<Issuer xmlns:x="urn:x" xmlns="urn:oasis:names:tc:SAML:2.0:assertion">'),
      ours.replace(/<samlp:Response ID="([^"]+)" Version="2\.0"/, '<samlp:Response Version="2.0" ID="$1"'),
      ours.replace('</Subject>', '</Subject>\n'),
      `\uFEFF${ours}`,
      ours.replace('Success"/>', 'Success" />'),
    ];
    for (const drifted of drifts) expect(lexicalDifferences(theirs, lexicalShape(drifted))).not.toEqual([]);
  });
});
