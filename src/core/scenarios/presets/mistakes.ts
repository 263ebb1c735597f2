import type { MistakeId } from '../../diagnose/mistakes';
import { GenericSpDefinition } from '../../vendors/generic/profile';
import { ScenarioDraft, type VendorBase } from './draft';
import { EXAMPLE_GENERIC } from './generic';
import type { Preset } from './preset';

/** The example SP, strict as careful SPs are: it also checks the dates of the IdP's certificate. */
const STRICT = GenericSpDefinition.parse({ ...EXAMPLE_GENERIC, policy: { ...EXAMPLE_GENERIC.policy, checkCertificateValidity: true } });

const BASE: VendorBase = { profile: 'generic', definition: STRICT, idpConfig: { method: 'metadata-xml', metadataXml: 'app' }, flow: 'sp-initiated', user: 'adele.vance@contoso.com' };

interface MistakeSpec {
  id: Exclude<MistakeId, 'common-metadata'>;
  title: string;
  fault(d: ScenarioDraft): void;
}

/**
 * One preset per classic set-up mistake that diagnose names, each the smallest change to a working set-up. All
 * end in the SP's refusal (SAML_CHECK_FAILED); diagnosing the response they produce names the mistake.
 * The "common" metadata has no preset: it belongs to the multi-tenant endpoint, which the mock does not serve.
 */
const SPECS: readonly MistakeSpec[] = [
  { id: 'certificate-rolled-over', title: 'A new certificate was made active in Entra; the SP still holds the old one', fault: (d) => void (d.s.app.signing.certificate = 'rolled-over') },
  {
    id: 'metadata-other-app',
    title: "The SP was given another enterprise app's Federation Metadata XML",
    fault: (d) => void (d.s.vendor.idpConfig = { method: 'metadata-xml', metadataXml: 'other-app' }),
  },
  // Started from My Apps: SP-initiated, the SP would send the user to the other tenant, which this one is not.
  {
    id: 'metadata-other-tenant',
    title: "The SP was given another tenant's Federation Metadata XML; the user signs in from My Apps",
    fault: (d) => {
      d.s.vendor.idpConfig = { method: 'metadata-xml', metadataXml: 'other-tenant' };
      d.s.vendor.definition = GenericSpDefinition.parse({ ...STRICT, flows: { ...STRICT.flows, idpInitiated: true } });
      d.s.flow.kind = 'idp-initiated';
    },
  },
  {
    id: 'tenant-metadata',
    title: "The SP was given the tenant's metadata (federationmetadata.xml without ?appid=) instead of the app's",
    fault: (d) => void (d.s.vendor.idpConfig = { method: 'metadata-xml', metadataXml: 'tenant' }),
  },
  {
    id: 'certificate-expired',
    title: "The certificate expires a minute after sign-in, and the SP's clock runs two minutes ahead",
    fault: (d) => {
      d.s.app.signing.certificate = 'expiring';
      d.s.vendor.clockAheadSeconds = 120;
    },
  },
  { id: 'sha1', title: 'The Signing Algorithm is SHA-1; the SP requires SHA-256', fault: (d) => void (d.s.app.signing.algorithm = 'sha1') },
  { id: 'response-signed-assertion-expected', title: 'Signing Option "Sign SAML response"; the SP reads the signature on the assertion', fault: (d) => void (d.s.app.signing.option = 'response') },
  {
    id: 'assertion-signed-response-expected',
    title: 'Signing Option "Sign SAML assertion"; the SP wants the response signed',
    fault: (d) => {
      d.s.vendor.definition = GenericSpDefinition.parse({ ...STRICT, policy: { ...STRICT.policy, wantResponseSigned: true } });
      d.s.app.signing.option = 'assertion';
    },
  },
];

export const MISTAKE_PRESETS: readonly Preset[] = SPECS.map((spec) => ({
  id: `mistakes/${spec.id}`,
  source: 'mistakes',
  code: 'SAML_CHECK_FAILED',
  title: spec.title,
  build: () => {
    const d = new ScenarioDraft(BASE);
    spec.fault(d);
    return d.finish(`Mistake: ${spec.id}`, spec.title, { status: 'error', code: 'SAML_CHECK_FAILED', source: 'sp' });
  },
}));

/** The working set-up the mistake presets change one thing in. */
export const mistakesBaseline = () =>
  new ScenarioDraft(BASE).finish('Mistakes: the strict example SP as set up', 'The working set-up the mistake presets change one thing in.', { status: 'signed-in' });
