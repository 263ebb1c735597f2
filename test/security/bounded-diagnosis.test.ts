import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleApiCall } from '../../src/core/runtime/api-handlers';
import type { HarnessRuntime } from '../../src/core/runtime/harness-runtime';
import { MAX_CAPTURE_MESSAGES } from '../../src/core/diagnose/captured';
import { MAX_ECHO_CHARS, type Diagnosis } from '../../src/core/diagnose/diagnose';
import { hostileHar } from '../../bench/hostile-har';
import { openTempRuntime } from '../support/temp-runtime';

// A customer's (or an attacker's) capture can be huge. The diagnosis reads a bounded number of messages, says
// so, and answers with a bounded amount of XML per message. (`npm run bench` measures the host's longest stall
// while a 100,000-entry HAR is diagnosed.)

let rt: HarnessRuntime;
let close: () => Promise<void>;
beforeAll(async () => ({ rt, close } = await openTempRuntime()));
afterAll(() => close());

const diagnoseText = async (text: string): Promise<Diagnosis> => {
  const r = await handleApiCall(rt, 'diagnose.run', { text });
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.value as Diagnosis;
};

describe('a diagnosis is bounded', () => {
  it(`reads at most ${MAX_CAPTURE_MESSAGES} SAML messages of a 20,000-entry HAR, the newest, and says so`, async () => {
    const d = await diagnoseText(hostileHar(20_000));
    expect(d.artefact.limited).toMatchObject({ found: 20_000, read: MAX_CAPTURE_MESSAGES, note: expect.stringMatching(/20,000 SAML messages; the last 50 were diagnosed/) as string });
    expect(d.artefact.messages).toHaveLength(MAX_CAPTURE_MESSAGES);
    expect(JSON.stringify(d).length).toBeLessThan(2_000_000);
  }, 60_000);

  it('answers with a bounded amount of XML per message, and says where it cut; the checks read all of it', async () => {
    await handleApiCall(rt, 'attributeSets.save', { set: { id: 'huge', name: 'Huge', values: { 'user.givenname': Array.from({ length: 4000 }, (_, i) => `value-${i}-`.padEnd(120, 'x')) } } });
    const run = await rt.runFlow({ vendorId: 'cloudinary', flow: 'idp-initiated', user: 'megan.bowen@contoso.com', attributeSetId: 'huge' });
    const posted = run.result.hops.find((h) => h.form?.SAMLResponse)!.form!.SAMLResponse!;
    expect(Buffer.from(posted, 'base64').length).toBeGreaterThan(MAX_ECHO_CHARS);
    const d = await diagnoseText(posted);
    expect(d.response?.pretty?.length).toBeLessThan(MAX_ECHO_CHARS + 200);
    expect(d.response?.pretty).toMatch(/cut at 256 KB of \d+ KB/);
    expect(d.verdicts[0]!.report.checks.find((c) => c.id === 'signature.valid' || c.id.startsWith('signature'))?.status).toBe('pass');
  }, 60_000);
});
