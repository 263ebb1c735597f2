import { describe, expect, it } from 'vitest';
import { readArtefact } from '../../src/core/diagnose/artefact';
import { diagnose } from '../../src/core/diagnose/diagnose';
import { MISTAKE_PRESETS, mistakesBaseline } from '../../src/core/scenarios/presets/mistakes';
import { presetById } from '../../src/core/scenarios/presets';
import { runScenario } from '../../src/core/scenarios/runner';
import type { Sandbox } from '../../src/core/scenarios/sandbox';
import { postedResponse } from '../support/captures';

/** Runs a preset, then diagnoses the response it produced against its own vendor, as of the vendor's clock. */
async function reproduceAndDiagnose(id: string) {
  let box: Sandbox | undefined;
  const run = await runScenario(presetById(id)!.build(), { inspect: (b) => void (box = b) });
  const artefact = readArtefact(postedResponse(run.result.hops));
  if (!artefact.ok) throw artefact.error;
  const at = box!.vendor.site.core.clock.now();
  const d = await diagnose(artefact.value, { vendors: [{ id: 'sp', sp: box!.vendor }], asOf: { mode: 'given', time: at }, now: at });
  if (!d.ok) throw d.error;
  return { run, d: d.value, v: d.value.verdicts[0]! };
}

describe('each classic mistake: its preset reproduces it, and diagnose names it with the values and the fix', () => {
  it("the mistakes baseline signs in, so each refusal below is the mistake's doing", async () => {
    expect((await runScenario(mistakesBaseline())).outcome).toEqual({ status: 'signed-in' });
  });

  it('there is a preset for every mistake a mock tenant can produce', () => {
    expect(MISTAKE_PRESETS.map((p) => p.id).sort()).toEqual(
      [
        'assertion-signed-response-expected',
        'certificate-expired',
        'certificate-rolled-over',
        'metadata-other-app',
        'metadata-other-tenant',
        'response-signed-assertion-expected',
        'sha1',
        'tenant-metadata',
      ].map((x) => `mistakes/${x}`),
    );
  });

  it('certificate rolled over in Entra only: the new thumbprint against the held one, both with dates', async () => {
    const { run, v, d } = await reproduceAndDiagnose('mistakes/certificate-rolled-over');
    expect(run.outcome).toMatchObject({ status: 'error', code: 'SAML_CHECK_FAILED' });
    const f = v.findings.find((x) => x.id === 'certificate-rolled-over')!;
    expect(f.detail).toMatch(/Entra signs with the newer thumbprint [0-9A-F]{40} \(.*valid \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d\); .* still holds thumbprint [0-9A-F]{40}/);
    expect(f.detail).toContain(v.signer!.thumbprint);
    expect(f.preset).toBe('mistakes/certificate-rolled-over');
    expect(v.fixes[0]).toMatchObject({ where: 'vendor', change: expect.stringContaining('Federation Metadata XML') as string });
    expect(d.summary).toMatch(/^Signed by .* — not a certificate Generic SAML SP holds\. .*Likely cause: the certificate was rolled over/);
  });

  it("another app's metadata at the vendor: same tenant, a certificate that is not newer", async () => {
    const { v } = await reproduceAndDiagnose('mistakes/metadata-other-app');
    expect(v.findings.map((f) => f.id)).toEqual(['metadata-other-app']);
    expect(v.report.checks.find((c) => c.id === 'response.issuer')!.status).toBe('pass');
  });

  it("another tenant's metadata: the tenant ID in the Issuer against the one in the held metadata", async () => {
    const { v } = await reproduceAndDiagnose('mistakes/metadata-other-tenant');
    const f = v.findings[0]!;
    expect(f.id).toBe('metadata-other-tenant');
    const issuerTenant = /sts\.windows\.net\/([0-9a-f-]+)\//.exec(v.report.message.issuer!)![1]!;
    expect(f.detail).toContain(`the response's Issuer names tenant ${issuerTenant}`);
    expect(f.detail).toMatch(/holds the metadata of tenant [0-9a-f-]{36}/);
    expect(f.detail).not.toMatch(new RegExp(`holds the metadata of tenant ${issuerTenant}`));
  });

  it("certificate expired at the vendor's clock: the SP that checks dates refuses, with the expiry and the SP's time", async () => {
    const { v, run } = await reproduceAndDiagnose('mistakes/certificate-expired');
    expect(run.result.hops.some((h) => h.form?.SAMLResponse)).toBe(true);
    expect(v.report.checks.find((c) => c.id === 'signature.trusted')).toMatchObject({ status: 'fail', reason: expect.stringMatching(/expired at .*the SP's clock says/) as string });
    expect(v.report.checks.find((c) => c.id === 'assertion.time')!.status).toBe('pass');
    const f = v.findings.find((x) => x.id === 'certificate-expired')!;
    expect(f.detail).toMatch(/the vendor's clock says .* checks certificate dates and refuses it/);
    expect(f.fix).toMatchObject({ where: 'entra', setting: 'SAML Certificates › New Certificate' });
  });

  it("tenant-level metadata where the app's was needed: the tenant-wide keys against the app's own certificate", async () => {
    const { v } = await reproduceAndDiagnose('mistakes/tenant-metadata');
    expect(v.findings.map((f) => f.id)).toEqual(['tenant-metadata']);
    expect(v.findings[0]!.detail).toMatch(/only Entra's tenant-wide keys \(thumbprint [0-9A-F]{40} \(CN=accounts\.accesscontrol\.windows\.net/);
    expect(v.findings[0]!.detail).toContain(`the app's own certificate, thumbprint ${v.signer!.thumbprint}`);
  });

  it('SHA-1 against an SP that requires SHA-256', async () => {
    const { v } = await reproduceAndDiagnose('mistakes/sha1');
    expect(v.findings.map((f) => f.id)).toEqual(['sha1']);
    expect(v.fixes[0]).toMatchObject({ setting: 'SAML Certificates › Signing Algorithm', change: 'Choose SHA-256' });
  });

  it('response signed where the assertion signature is expected, and the other way round', async () => {
    const a = await reproduceAndDiagnose('mistakes/response-signed-assertion-expected');
    expect(a.v.findings.map((f) => f.id)).toEqual(['response-signed-assertion-expected']);
    expect(a.v.findings[0]!.fix.change).toBe('Choose "Sign SAML assertion"');
    const b = await reproduceAndDiagnose('mistakes/assertion-signed-response-expected');
    expect(b.v.findings.map((f) => f.id)).toEqual(['assertion-signed-response-expected']);
    expect(b.v.findings[0]!.fix.change).toBe('Choose "Sign SAML response and assertion"');
  });

  it('each mistake preset reaches its code and nothing else is named for it', async () => {
    for (const p of MISTAKE_PRESETS) {
      const { run, v } = await reproduceAndDiagnose(p.id);
      expect(run.matches, p.id).toBe(true);
      expect(v.findings[0]?.preset, p.id).toBe(p.id);
    }
  });
});
