import { SAML, ValidateInResponseTo } from '@node-saml/node-saml';
import * as samlify from 'samlify';
import { appFederationMetadata } from '../../src/core/idp/app-metadata';
import { ServiceProviderCore } from '../../src/core/sp/service-provider';
import { sharedSchemaValidator } from '../../src/core/xml/schema-validator';
import { cloudinaryBench } from '../fixture';
import { measure, type Timing } from '../stats';

export interface ValidationResult {
  responseBytes: number;
  /** The SP core's full report, as the app shows it: our checks and node-saml's second opinion. */
  oursWithSecondOpinion: Timing;
  /** The SP core's own checks (schema included, which neither peer does). */
  ours: Timing;
  oursWithoutSchema: Timing;
  /** libxml2's XSD validation alone (parse + validate against the kept schemas). */
  schemaOnly: Timing;
  nodeSaml: Timing;
  samlify: Timing;
  ratioOursToNodeSaml: number;
  ratioOursToSamlify: number;
}

export async function validationBench(n = 300): Promise<ValidationResult> {
  const b = await cloudinaryBench();
  try {
    const { box, kit } = b;
    const xml = await kit.issue({ inResponseTo: null });
    const b64 = Buffer.from(xml).toString('base64');
    const at = box.clock.now();
    const site = box.vendor.site.core;
    const core = (crossCheck: boolean, schema = sharedSchemaValidator()) =>
      new ServiceProviderCore({ endpoints: site.endpoints, policy: { ...site.policy, crossCheck }, clock: box.clock, idp: site.idp!, schema });
    const full = core(true);
    const own = core(false);
    const noSchema = core(false, { validate: async () => ({ valid: true, problems: [] }), close: async () => undefined } as unknown as ReturnType<typeof sharedSchemaValidator>);
    for (const c of [full, own]) {
      const r = await c.validate(b64, { at, commit: false });
      if (!r.ok) throw new Error(`the bench response is refused: ${r.failure?.reason}`);
    }
    const oursWithSecondOpinion = await measure(n, () => full.validate(b64, { at, commit: false }));
    const ours = await measure(n, () => own.validate(b64, { at, commit: false }));
    const oursWithoutSchema = await measure(n, () => noSchema.validate(b64, { at, commit: false }));
    const schemaOnly = await measure(n, () => sharedSchemaValidator().validate(xml));

    const cert = kit.idpSigner.certificatePem;
    const urls = box.vendor.urls;
    const ns = new SAML({
      callbackUrl: urls.replyUrl,
      issuer: urls.identifier,
      audience: urls.identifier,
      idpCert: cert,
      wantAssertionsSigned: true,
      wantAuthnResponseSigned: false,
      validateInResponseTo: ValidateInResponseTo.never,
    });
    await ns.validatePostResponseAsync({ SAMLResponse: b64 });
    const nodeSaml = await measure(n, () => ns.validatePostResponseAsync({ SAMLResponse: b64 }));

    const schema = sharedSchemaValidator();
    samlify.setSchemaValidator({ validate: async (x: string) => ((await schema.validate(x)).valid ? 'ok' : Promise.reject(new Error('schema'))) });
    const md = appFederationMetadata(box.tenant, box.app, box.harness.urls, at);
    if (!md.ok) throw md.error;
    const idp = samlify.IdentityProvider({ metadata: md.value });
    const sp = samlify.ServiceProvider({
      entityID: urls.identifier,
      assertionConsumerService: [{ Binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST', Location: urls.replyUrl }],
      wantAssertionsSigned: true,
    });
    await sp.parseLoginResponse(idp, 'post', { body: { SAMLResponse: b64 } });
    const samlifyTiming = await measure(n, () => sp.parseLoginResponse(idp, 'post', { body: { SAMLResponse: b64 } }));
    const ratio = (a: Timing, c: Timing) => Math.round((a.p50 / c.p50) * 100) / 100;
    return {
      responseBytes: xml.length,
      oursWithSecondOpinion,
      ours,
      oursWithoutSchema,
      schemaOnly,
      nodeSaml,
      samlify: samlifyTiming,
      ratioOursToNodeSaml: ratio(ours, nodeSaml),
      ratioOursToSamlify: ratio(ours, samlifyTiming),
    };
  } finally {
    await b.stop();
  }
}
