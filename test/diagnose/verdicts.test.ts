import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readArtefact } from '../../src/core/diagnose/artefact';
import { diagnose, type AsOf, type Diagnosis } from '../../src/core/diagnose/diagnose';
import { PRESET_GROUPS, presetById } from '../../src/core/scenarios/presets';
import { runScenario } from '../../src/core/scenarios/runner';
import { capturingWorkspace, postedResponse } from '../support/captures';

let ws: Awaited<ReturnType<typeof capturingWorkspace>>;
beforeAll(async () => {
  ws = await capturingWorkspace();
});
afterAll(() => ws.close());

async function diagnoseText(text: string, opts: { vendor?: string; asOf?: AsOf; certificates?: string[] } = {}): Promise<Diagnosis> {
  const artefact = readArtefact(text);
  if (!artefact.ok) throw artefact.error;
  const d = await diagnose(artefact.value, {
    vendors: ws.vendors(),
    asOf: opts.asOf ?? { mode: 'now' },
    now: new Date(),
    ...(opts.vendor ? { vendor: opts.vendor } : {}),
    ...(opts.certificates ? { certificates: opts.certificates } : {}),
  });
  if (!d.ok) throw d.error;
  return d.value;
}

/** A response from another tenant — a customer's — with the fault of the preset, and the certificate it was signed with. */
async function customerResponse(presetId: string): Promise<{ posted: string; thumbprint: string; cert: string }> {
  const run = await runScenario(presetById(presetId)!.build());
  const hop = run.result.hops.find((h) => h.form?.SAMLResponse)!;
  const cert = hop.saml[0]!.xml!.match(/<(?:\w+:)?X509Certificate>([^<]+)</)![1]!;
  return { posted: postedResponse(run.result.hops), thumbprint: hop.saml[0]!.signatures[0]!.certificateThumbprint!, cert };
}

describe('a response signed by a certificate the vendor does not hold', () => {
  it('fails signature.trusted: the verdict is the vendor\'s refusal, the summary names the signer first, nothing is rewritten to "skipped"', async () => {
    const { posted, thumbprint } = await customerResponse('cloudinary/7');
    const d = await diagnoseText(posted);
    const v = d.verdicts[0]!;
    expect(v.vendorId).toBe('cloudinary');
    expect(v.trust).toBe('vendor');
    expect(v.signer).toMatchObject({ thumbprint, known: false });
    expect(v.report.checks.find((c) => c.id === 'signature.trusted')).toMatchObject({ status: 'fail', reason: expect.stringContaining(thumbprint) as string });
    expect(v.report.checks.find((c) => c.id === 'signature.valid')!.status).toBe('pass');
    expect(v.report.checks.some((c) => c.status === 'skipped' && /could not be verified|not compared/.test(c.reason))).toBe(false);
    expect(v.outcome).toMatchObject({ kind: 'refused', error: { code: '15' } });
    expect(d.conclusion).toBe('refused');
    expect(d.summary).toMatch(new RegExp(`^Signed by CN=Microsoft Azure Federated SSO Certificate, thumbprint ${thumbprint} — not a certificate Cloudinary holds\\. Cloudinary would refuse it`));
  });

  it('given that certificate, it is verified and trusted', async () => {
    const run = await runScenario(presetById('cloudinary/7')!.build());
    const cert = run.result.hops.find((h) => h.form?.SAMLResponse)!.saml[0]!.xml!.match(/<(?:\w+:)?X509Certificate>([^<]+)</)![1]!;
    const d = await diagnoseText(postedResponse(run.result.hops), { certificates: [cert] });
    expect(d.verdicts[0]!.signer?.known).toBe(true);
    expect(d.verdicts[0]!.report.checks.find((c) => c.id === 'signature.trusted')!.status).toBe('pass');
  });

  it('a response changed after signing fails signature.valid and the fix says to capture it again', async () => {
    const { posted, cert } = await customerResponse('cloudinary/7');
    const tampered = Buffer.from(Buffer.from(posted, 'base64').toString('utf8').replace('>Media_Library_User<', '>media_library_user<')).toString('base64');
    const v = (await diagnoseText(tampered, { certificates: [cert] })).verdicts[0]!;
    expect(v.report.checks.find((c) => c.id === 'signature.valid')!.status).toBe('fail');
    expect(v.fixes[0]).toMatchObject({ where: 'capture', change: expect.stringContaining('changed after Entra signed it') as string });
  });
});

describe('time', () => {
  it('an old response fails on expiry now, and is checked as of its IssueInstant when asked, saying so', async () => {
    const run = await ws.rt.runFlow({ vendorId: 'imagekit', flow: 'idp-initiated', user: 'adele.vance@contoso.com' });
    const posted = postedResponse(run.result.hops);
    const later = new Date(Date.now() + 3 * 3600_000);
    const old = await diagnoseText(posted, { asOf: { mode: 'given', time: later } });
    expect(old.verdicts[0]!.report.checks.find((c) => c.id === 'assertion.time')!.status).toBe('fail');
    expect(old.verdicts[0]!.fixes.some((f) => f.where === 'capture' && /IssueInstant/.test(f.change))).toBe(true);
    const asIssued = await diagnoseText(posted, { asOf: { mode: 'issue-instant' } });
    const issueInstant = /IssueInstant="([^"]+)"/.exec(Buffer.from(posted, 'base64').toString('utf8'))![1]!;
    expect(asIssued.asOf).toMatchObject({ mode: 'issue-instant', time: new Date(issueInstant).toISOString(), note: expect.stringContaining('by choice') as string });
    expect(asIssued.verdicts[0]!.report.evaluatedAt).toBe(new Date(issueInstant).toISOString());
    expect(asIssued.verdicts[0]!.outcome.kind).toBe('signed-in');
  });
});

describe('vendors', () => {
  it("reads a vendor's placeholders from the response: a Hugging Face org other than the workspace's", async () => {
    const base = PRESET_GROUPS.find((g) => g.source === 'huggingface')!.baseline();
    base.vendor.params = { org: 'acme-ai' };
    base.app.saml.identifiers = [{ value: 'https://huggingface.co/organizations/acme-ai/saml/consume', isDefault: true }];
    base.app.saml.replyUrls = [{ url: 'https://huggingface.co/organizations/acme-ai/saml/consume', isDefault: true }];
    const run = await runScenario(base);
    expect(run.outcome).toEqual({ status: 'signed-in' });
    const d = await diagnoseText(postedResponse(run.result.hops));
    expect(d.verdicts.map((v) => v.vendorId)).toEqual(['huggingface']);
    expect(d.verdicts[0]).toMatchObject({ addressed: true, params: { org: 'acme-ai' }, urls: { replyUrl: 'https://huggingface.co/organizations/acme-ai/saml/consume' } });
    expect(d.verdicts[0]!.report.checks.find((c) => c.id === 'response.destination')!.status).toBe('pass');
  });

  it('--vendor checks against one vendor even when the response is addressed to another, and names the mismatch', async () => {
    const { posted } = await customerResponse('cloudinary/7');
    const d = await diagnoseText(posted, { vendor: 'imagekit' });
    const v = d.verdicts[0]!;
    expect(v).toMatchObject({ vendorId: 'imagekit', addressed: false });
    expect(v.fixes.map((f) => f.setting)).toEqual(
      expect.arrayContaining(['Basic SAML Configuration › Reply URL (Assertion Consumer Service URL)', 'Basic SAML Configuration › Identifier (Entity ID)']),
    );
    await expect(diagnoseText(posted, { vendor: 'dropbox' })).rejects.toMatchObject({ code: 'UNKNOWN_VENDOR' });
  });

  it('an SP that takes SP-initiated only: the fix is the Sign on URL', async () => {
    const { posted, cert } = await customerResponse('imagen/NOSTATE');
    const v = (await diagnoseText(posted, { certificates: [cert] })).verdicts[0]!;
    expect(v.outcome).toMatchObject({ kind: 'refused', error: { code: 'NOSTATE' } });
    expect(v.fixes[0]).toMatchObject({ where: 'entra', setting: 'Basic SAML Configuration › Sign on URL', change: expect.stringContaining('https://contoso.imagencloud.com/') as string });
  });
});
