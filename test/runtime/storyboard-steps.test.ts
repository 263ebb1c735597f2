import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HarnessRuntime } from '../../src/core/runtime/harness-runtime';
import { openTempRuntime } from '../support/temp-runtime';
import { runPreset } from '../../src/core/runtime/scenario-ops';
import { storyboardSteps } from '../../src/renderer/lib/storyboard';

let rt: HarnessRuntime;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ rt, close } = await openTempRuntime({ runLog: false }));
});
afterAll(() => close());

describe('the storyboard of a run', () => {
  it('an MFA prompt and the error page Entra ends on, each a step with what travelled to it', async () => {
    const { run } = await runPreset(rt, 'entra/AADSTS500121');
    const steps = storyboardSteps(run.result.hops, 'Generic SAML SP');
    expect(steps.map((s) => s.by)).toEqual(steps.map(() => 'Microsoft Entra ID'));
    expect(steps.some((s) => s.caption.startsWith('Conditional Access wants multifactor authentication'))).toBe(true);
    const last = steps.at(-1)!;
    expect(last.caption).toMatch(/^Entra's error page: AADSTS500121/);
    // The AuthnRequest travelled to reach Entra's first page; the SP's redirect hop has no page of its own.
    expect(steps[0]!.arrived.map((m) => m.kind)).toEqual(['AuthnRequest']);
    expect(steps.every((s) => run.result.hops[s.hop]!.body !== undefined)).toBe(true);
  });

  it('the auto-post page says what it posts on: the signed response', async () => {
    const ok = await rt.runFlow({ vendorId: 'cloudinary', flow: 'idp-initiated', user: 'adele.vance@contoso.com' });
    const steps = storyboardSteps(ok.result.hops, 'Cloudinary');
    const autoPost = steps.find((s) => s.caption.startsWith('The auto-post'))!;
    expect(autoPost.sends.map((m) => m.kind)).toEqual(['Response']);
    expect(steps.at(-1)).toMatchObject({ by: 'Cloudinary', caption: 'Cloudinary read the response, checked it, and signed the user in.' });
    expect(steps.at(-1)!.arrived.map((m) => m.kind)).toEqual(['Response']);
  });
});
