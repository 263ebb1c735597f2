import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { networkInterfaces } from 'node:os';
import type { HarnessRuntime } from '../../src/core/runtime/harness-runtime';
import { handleApiCall } from '../../src/core/runtime/api-handlers';
import { LIMITS } from '../../src/core/xml/limits';
import { openTempRuntime } from '../support/temp-runtime';

let rt: HarnessRuntime;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ rt, close } = await openTempRuntime());
});
afterAll(() => close());

const call = async (method: string, args: unknown) => {
  const r = await handleApiCall(rt, method, args);
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.value;
};

describe('hardening', () => {
  it('input past the size limits gets a clear error naming the limit, not a hang', async () => {
    const report = await rt.vendor('generic').site.core.validate('A'.repeat(LIMITS.maxBase64Chars + 4));
    expect(report.ok).toBe(false);
    expect(report.failure).toMatchObject({ id: 'xml.wellFormed', reason: expect.stringMatching(/too large|limit|characters/i) as string });
    const huge = `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol">${' '.repeat(LIMITS.maxXmlChars)}</samlp:Response>`;
    const big = await rt.vendor('generic').site.core.validate(huge);
    expect(big.failure?.id).toBe('xml.wellFormed');
  });

  it('keys stay in the workspace: no private key reaches the UI, a scenario, a capture or a diagnosis', async () => {
    const view = JSON.stringify(await call('workspace.get', {}));
    expect(view).not.toMatch(/PRIVATE KEY/);
    const run = (await call('flows.run', { vendorId: 'generic', flow: 'sp-initiated', user: 'adele.vance@contoso.com' })) as { id: string };
    for (const format of ['scenario', 'har', 'saml-tracer']) {
      const exported = (await call('runs.export', { runId: run.id, format })) as { text: string };
      expect(exported.text).not.toMatch(/PRIVATE KEY|privateKeyPem/);
    }
    const har = (await call('runs.export', { runId: run.id, format: 'har' })) as { text: string };
    expect(JSON.stringify(await call('diagnose.run', { text: har.text }))).not.toMatch(/PRIVATE KEY/);
    expect(JSON.stringify(await call('presets.run', { id: 'entra/AADSTS50011' }))).not.toMatch(/PRIVATE KEY/);
  });

  it('the host listens on 127.0.0.1 only', async () => {
    expect(rt.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const port = new URL(rt.origin).port;
    const external = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    if (!external) return; // a machine with no other interface has nothing else to listen on
    await expect(fetch(`http://${external.address}:${port}/status`, { signal: AbortSignal.timeout(3000) })).rejects.toThrow();
  });
});
