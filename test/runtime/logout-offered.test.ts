import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleApiCall } from '../../src/core/runtime/api-handlers';
import { openTempRuntime } from '../support/temp-runtime';

let temp: Awaited<ReturnType<typeof openTempRuntime>>;
beforeAll(async () => {
  temp = await openTempRuntime();
});
afterAll(() => temp.close());

describe('single logout is run only where the SP offers it', () => {
  it('a vendor without single logout has no sign-out to run: a clear error, no run logged as a failed sign-in', async () => {
    const before = temp.rt.log.entries().length;
    const r = await handleApiCall(temp.rt, 'flows.run', { vendorId: 'cloudinary', flow: 'sp-logout', user: 'adele.vance@contoso.com' });
    expect(r).toMatchObject({ ok: false, code: 'LOGOUT_NOT_OFFERED', message: 'Cloudinary offers no single logout (its guide sets no Logout URL), so there is no sign-out to run.' });
    expect(temp.rt.log.entries().length).toBe(before);
  });

  it('ImageKit, which has single logout, signs out after a sign-in', async () => {
    const signIn = await temp.rt.runFlow({ vendorId: 'imagekit', flow: 'idp-initiated', user: 'adele.vance@contoso.com' });
    expect(signIn.result.outcome.status).toBe('signed-in');
    const out = await temp.rt.runFlow({ vendorId: 'imagekit', flow: 'sp-logout', user: 'adele.vance@contoso.com', browserOf: signIn.id });
    expect(out.result.outcome.status).toBe('signed-out');
  });
});
