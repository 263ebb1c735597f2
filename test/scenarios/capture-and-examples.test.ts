import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HarnessRuntime } from '../../src/core/runtime/harness-runtime';
import { handleApiCall } from '../../src/core/runtime/api-handlers';
import { exampleScenarios } from '../../src/core/scenarios/examples';
import { runScenario } from '../../src/core/scenarios/runner';
import { parseScenario, serializeScenario } from '../../src/core/scenarios/scenario-file';
import type { FlowRunView } from '../../src/shared/views';
import { openTempRuntime } from '../support/temp-runtime';

let rt: HarnessRuntime;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ rt, close } = await openTempRuntime());
});
afterAll(() => close());

/** The run's scenario, through its file text, replays to the run's outcome. */
async function expectReplays(run: FlowRunView): Promise<void> {
  const parsed = parseScenario(serializeScenario(run.scenario!), 'captured.json');
  if (!parsed.ok) throw parsed.error;
  const replay = await runScenario(parsed.value);
  expect(replay.matches, `${JSON.stringify(run.result.outcome)} vs ${JSON.stringify(replay.outcome)}`).toBe(true);
}

describe('a run of the workspace, saved as a scenario', () => {
  it('keeps the attribute set and replays the vendor refusal', async () => {
    const run = await rt.runFlow({ vendorId: 'cloudinary', flow: 'idp-initiated', user: 'megan.bowen@contoso.com', attributeSetId: 'cloudinary-bad-role' });
    expect(run.result.outcome).toMatchObject({ code: '7' });
    // An unknown role, as the set's name says, not a known one in the wrong case (that is a set of its own).
    expect(run.result.outcome).toMatchObject({ reason: expect.stringMatching(/^"CloudinaryRole" has value "superuser", which is not one of/) as string });
    const wrongCase = await rt.runFlow({ vendorId: 'cloudinary', flow: 'idp-initiated', user: 'megan.bowen@contoso.com', attributeSetId: 'cloudinary-wrong-case' });
    expect(wrongCase.result.outcome).toMatchObject({ code: '7', reason: expect.stringMatching(/the accepted value is "admin" — values are case-sensitive/) as string });
    expect(run.scenario).toMatchObject({
      expect: { status: 'error', code: '7', source: 'sp' },
      flow: { attributeSet: { name: 'Cloudinary: unknown role' } },
      vendor: { idpConfig: { method: 'metadata-url', metadataUrl: 'app' } },
    });
    expect(run.scenario!.tenant.users.map((u) => u.attributes.userprincipalname)).toEqual(['megan.bowen@contoso.com']);
    expect(run.scenario!.tenant.groups.map((g) => g.displayname).sort()).toEqual(['All Staff', 'Designers', 'Marketing']);
    await expectReplays(run);
  });

  it("keeps a vendor's state as it was (Hugging Face enabled), and a sign-in replays", async () => {
    const run = await rt.runFlow({ vendorId: 'huggingface', flow: 'idp-initiated', user: 'adele.vance@contoso.com' });
    expect(run.result.outcome.status).toBe('signed-in');
    expect(run.scenario!.vendor.settings).toMatchObject({ state: 'enabled' });
    await expectReplays(run);
  });

  it('a certificate rolled over in Entra but not at the vendor is captured as such', async () => {
    const app = rt.view().apps.find((a) => a.vendorId === 'huggingface')!;
    const created = await handleApiCall(rt, 'apps.createCertificate', { objectId: app.objectId });
    if (!created.ok) throw new Error(created.message);
    const newest = rt.app(app.objectId).signing.certificates.at(-1)!;
    expect((await handleApiCall(rt, 'apps.activateCertificate', { objectId: app.objectId, thumbprint: newest.thumbprint })).ok).toBe(true);
    const run = await rt.runFlow({ vendorId: 'huggingface', flow: 'sp-initiated', user: 'adele.vance@contoso.com' });
    expect(run.result.outcome).toMatchObject({ code: 'SAML_VALIDATION_FAILED' });
    expect(run.scenario!.app.signing.certificate).toBe('rolled-over');
    await expectReplays(run);
  });

  it('a run through the API can be exported as a scenario, a HAR file or a SAML-tracer export', async () => {
    const run = await rt.runFlow({ vendorId: 'generic', flow: 'sp-initiated', user: 'adele.vance@contoso.com' });
    for (const format of ['scenario', 'har', 'saml-tracer'] as const) {
      const r = await handleApiCall(rt, 'runs.export', { runId: run.id, format });
      expect(r.ok).toBe(true);
      const { fileName, text } = (r as { value: { fileName: string; text: string } }).value;
      expect(fileName).toMatch(format === 'har' ? /\.har$/ : /\.json$/);
      expect(() => JSON.parse(text) as unknown).not.toThrow();
    }
  });
});

describe('examples/scenarios', () => {
  const folder = fileURLToPath(new URL('../../examples/scenarios', import.meta.url));

  it('is what the presets give (npm run examples rewrites it), one per vendor and per common mistake', async () => {
    const files = (await readdir(folder)).sort();
    const expected = exampleScenarios();
    expect(files).toEqual(expected.map((e) => e.file).sort());
    for (const e of expected) expect(await readFile(join(folder, e.file), 'utf8'), e.file).toBe(serializeScenario(e.scenario));
    for (const vendor of ['imagekit', 'cloudinary', 'huggingface', 'imagen', 'generic']) expect(files).toContain(`${vendor}-sign-in.json`);
  });
});
