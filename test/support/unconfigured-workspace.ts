import { HarnessRuntime } from '../../src/core/runtime/harness-runtime';
import { handleApiCall } from '../../src/core/runtime/api-handlers';

/**
 * A demo workspace in `dir` whose vendor holds no IdP configuration (as before the integrator pastes the
 * Federation Metadata XML): what Diagnose meets when nothing is known of the IdP that signed.
 */
export async function workspaceWithoutIdpConfig(dir: string, vendorId: string): Promise<void> {
  const rt = await HarnessRuntime.open({ dir });
  try {
    const r = await handleApiCall(rt, 'vendors.clearConfig', { vendorId });
    if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  } finally {
    await rt.close();
  }
}
