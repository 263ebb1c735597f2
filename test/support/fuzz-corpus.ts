import { readFileSync } from 'node:fs';
import { generateSelfSignedCertificate } from '../../src/core/crypto/generate';
import { AttackKit } from '../../src/core/attacks/kit';
import { appFederationMetadata } from '../../src/core/idp/app-metadata';
import { PRESET_GROUPS } from '../../src/core/scenarios/presets';
import { openSandbox, type Sandbox } from '../../src/core/scenarios/sandbox';
import { runScenario } from '../../src/core/scenarios/runner';
import { hopsToHar } from '../../src/core/trace/har';
import { hopsToSamlTracer } from '../../src/core/trace/saml-tracer';

/**
 * The real inputs the fuzzers start from: a response Entra signs (XML and as posted), the app's Federation
 * Metadata XML, an AuthnRequest as node-saml sends it, HAR and SAML-tracer captures of a whole sign-in, and the
 * skeleton of a real Azure AD response (test/fixtures/SOURCES.md).
 */
export async function fuzzCorpus() {
  const baseline = PRESET_GROUPS.find((g) => g.source === 'imagekit')!.baseline();
  const { box } = await openSandbox(baseline);
  const kit = new AttackKit(box, 'adele.vance@contoso.com', 'alex.wilber@contoso.com', await generateSelfSignedCertificate({ now: new Date(), subject: 'CN=x' }), undefined);
  const responseXml = await kit.issue();
  const metadata = appFederationMetadata(box.tenant, box.app, box.harness.urls, box.clock.now());
  if (!metadata.ok) throw metadata.error;
  const flow = await runScenario(PRESET_GROUPS.find((g) => g.source === 'generic')!.baseline());
  const authnRequest = flow.result.hops.find((h) => h.saml[0]?.kind === 'AuthnRequest')!;
  return {
    box: box as Sandbox,
    kit,
    responseXml,
    responseB64: Buffer.from(responseXml).toString('base64'),
    metadataXml: metadata.value,
    authnRequestUrl: authnRequest.url,
    authnRequestValue: new URL(authnRequest.url).searchParams.get('SAMLRequest')!,
    har: JSON.stringify(hopsToHar(flow.result.hops, flow.result.startedAt)),
    samlTracer: JSON.stringify(hopsToSamlTracer(flow.result.hops, flow.result.startedAt)),
    entraSkeleton: readFileSync(new URL('../fixtures/entra/response-assertion-signed.skeleton.txt', import.meta.url), 'utf8'),
    stop: () => box.stop(),
  };
}
