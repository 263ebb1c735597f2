import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleApiCall } from '../../src/core/runtime/api-handlers';
import type { HarnessRuntime } from '../../src/core/runtime/harness-runtime';
import type { Diagnosis } from '../../src/core/diagnose/diagnose';
import { openTempRuntime } from '../support/temp-runtime';

// A support engineer pastes the URL an SP's logout failed on: the diagnosis says why a strict SP refuses it.

let rt: HarnessRuntime;
let close: () => Promise<void>;
beforeAll(async () => ({ rt, close } = await openTempRuntime()));
afterAll(() => close());

describe('diagnose of a LogoutResponse', () => {
  it("says when its Issuer is Entra's documented login host, not the entity ID the SP holds, with each stack's fix", async () => {
    const signIn = await rt.runFlow({ vendorId: 'generic', flow: 'sp-initiated', user: 'adele.vance@contoso.com' });
    const logout = await rt.runFlow({ vendorId: 'generic', flow: 'sp-logout', browserOf: signIn.id });
    const url = logout.result.hops.find((h) => h.location?.includes('SAMLResponse='))!.location!;
    const r = await handleApiCall(rt, 'diagnose.run', { text: url });
    if (!r.ok) throw new Error(r.message);
    const d = r.value as Diagnosis;
    expect(d.notes?.[0]).toMatch(new RegExp(`LogoutResponse names its Issuer https://login\\.microsoftonline\\.com/${rt.ws.tenant.id}/.*Shibboleth SP`));
    // The logout run itself says it too.
    expect(logout.result.notes?.[0]).toBe(d.notes?.[0]);
  });
});
