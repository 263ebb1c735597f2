import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VENDORS } from '../../src/core/vendors/registry';
import { openTempRuntime } from '../support/temp-runtime';

// Vendors are data to the pixels: the UI's gallery, a vendor's buttons, its settings' labels and whether its
// IdP configuration can be deleted come in the view, from each vendor's profile, not from the renderer's code.

let temp: Awaited<ReturnType<typeof openTempRuntime>>;
beforeAll(async () => {
  temp = await openTempRuntime();
});
afterAll(() => temp.close());

describe("each vendor's data in the view", () => {
  it('the gallery is the registry', () => {
    expect(temp.rt.view().gallery).toEqual(Object.values(VENDORS).map((v) => ({ id: v.id, name: v.displayName })));
  });

  it("a vendor's buttons, labels and flags come from its profile", () => {
    const v = (id: string) => temp.rt.view().vendors.find((x) => x.id === id)!;
    expect(v('huggingface').actions).toEqual([{ id: 'enable', label: 'Enable' }]);
    expect(v('cloudinary').actions).toEqual([]);
    expect(v('imagekit').idpConfigDeletable).toBe(true);
    expect(v('cloudinary').idpConfigDeletable).toBe(false);
    expect(v('cloudinary').settingLabels.accountId).toBe('Provisioning Account ID');
    expect(v('imagekit').settingLabels.imagekitId).toBe('ImageKit ID of the account');
  });
});
