import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HarnessRuntime } from '../../src/core/runtime/harness-runtime';
import { openTempRuntime } from '../support/temp-runtime';
import { handleApiCall } from '../../src/core/runtime/api-handlers';

let rt: HarnessRuntime;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ rt, close } = await openTempRuntime());
});
afterAll(() => close());

describe('two address forms, one identity', () => {
  it("the harness's own vendors, configured from the metadata URL, hold Entra's real endpoints", async () => {
    const cloudinary = rt.vendors.get('cloudinary')!;
    expect(cloudinary.state.idpConfig).toMatchObject({ method: 'metadata-url' });
    const configured = await handleApiCall(rt, 'vendors.configure', { vendorId: 'cloudinary', input: cloudinary.state.idpConfig! });
    expect(configured.ok).toBe(true);
    expect(cloudinary.idpTrust!.ssoUrl).toBe(`https://login.microsoftonline.com/${rt.ws.tenant.id}/saml2`);
  });

  it('the workspace view publishes the reachable form beside the real one, with the same Issuer', () => {
    const idp = rt.view().idp;
    expect(idp.loginUrl).toBe(`https://login.microsoftonline.com/${rt.ws.tenant.id}/saml2`);
    expect(idp.reachable).toEqual([
      {
        form: 'http',
        loginUrl: `${rt.origin}/vh/login.microsoftonline.com/${rt.ws.tenant.id}/saml2`,
        logoutUrl: `${rt.origin}/vh/login.microsoftonline.com/${rt.ws.tenant.id}/saml2`,
        myAppsUrl: `${rt.origin}/vh/launcher.myapps.microsoft.com/`,
        metadataBase: `${rt.origin}/vh/login.microsoftonline.com/${rt.ws.tenant.id}/federationmetadata/2007-06/federationmetadata.xml?appid=`,
      },
    ]);
  });

  it('the My Apps page a real browser opens lists the enabled apps, each tile launching IdP-initiated sign-in', async () => {
    const html = await (await fetch(`${rt.origin}/vh/launcher.myapps.microsoft.com/`)).text();
    for (const app of rt.ws.apps) expect(html).toContain(`data-app-id="${app.appId}"`);
    expect(html).toContain(`href="${rt.origin}/vh/launcher.myapps.microsoft.com/api/signin/`);
  });
});
