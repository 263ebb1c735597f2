import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HarnessRuntime } from '../../src/core/runtime/harness-runtime';
import { handleApiCall } from '../../src/core/runtime/api-handlers';
import type { ClaimsPreview } from '../../src/core/vendors/claims-preview';
import { openTempRuntime } from '../support/temp-runtime';

let rt: HarnessRuntime;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ rt, close } = await openTempRuntime({ seed: 'demo' }));
});
afterAll(() => close());

async function preview(vendorId: string, attributeSetId?: string): Promise<ClaimsPreview> {
  const r = await handleApiCall(rt, 'vendors.previewClaims', { vendorId, user: 'adele.vance@contoso.com', ...(attributeSetId ? { attributeSetId } : {}) });
  if (!r.ok) throw new Error(r.message);
  return r.value as ClaimsPreview;
}

describe('the claims a run would send, before it runs', () => {
  it('lists what Entra issues with the accepted values beside the constrained claim, and no warning when the vendor takes them', async () => {
    const p = await preview('imagekit');
    expect(p.warnings).toEqual([]);
    const role = p.claims.find((c) => c.name === 'imagekit_role')!;
    expect(role.values).toEqual(['developer']);
    expect(role.accepted).toEqual(['account_administrator', 'developer', 'media_library_full_access', 'media_library_view_only_access', 'finance']);
    expect(p.nameId?.value).toBe('adele.vance@contoso.com');
  });

  it('warns, as the vendor would refuse it, when an attribute set puts in a value it does not accept or in the wrong case', async () => {
    expect((await preview('imagekit', 'imagekit-invalid-role')).warnings).toEqual([expect.stringMatching(/imagekit_role.*"Designer"/)]);
    expect((await preview('imagekit', 'imagekit-wrong-case')).warnings).toEqual([expect.stringMatching(/"Finance".*finance/)]);
    // And the run agrees with the preview: ImageKit, given the app's metadata, refuses it.
    const app = rt.view().apps.find((a) => a.vendorId === 'imagekit')!;
    const md = await handleApiCall(rt, 'apps.metadata', { objectId: app.objectId });
    if (!md.ok) throw new Error(md.message);
    const configured = await handleApiCall(rt, 'vendors.configure', { vendorId: 'imagekit', input: { method: 'metadata-xml', metadataXml: (md.value as { xml: string }).xml } });
    expect(configured.ok, configured.ok ? '' : configured.message).toBe(true);
    const run = await rt.runFlow({ vendorId: 'imagekit', flow: 'idp-initiated', user: 'adele.vance@contoso.com', attributeSetId: 'imagekit-invalid-role' });
    expect(run.result.outcome).toMatchObject({ status: 'error', source: 'sp' });
    expect(JSON.stringify(run.result.outcome)).toContain('Designer');
  });
});
