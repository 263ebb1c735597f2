import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authnRequestXml as build, redirectQuery } from '../../src/core/scenarios/crafted-requests';
import { diagnoseText } from '../../src/core/runtime/trace-ops';
import { openTempRuntime } from '../support/temp-runtime';

// A SAMLRequest URL is checked as Entra would look it up: in the tenant its URL names, the app by Identifier, then
// the Reply URL. The verdict says which tenant and app; another tenant's request is not called "taken" for ours.

let temp: Awaited<ReturnType<typeof openTempRuntime>>;
beforeAll(async () => {
  temp = await openTempRuntime();
});
afterAll(() => temp.close());

const ask = (tenant: string, issuer: string, acsUrl: string) => {
  const xml = build({}, { issuer, acsUrl, now: new Date() });
  return diagnoseText(temp.rt, `https://login.microsoftonline.com/${tenant}/saml2?${redirectQuery(xml)}`, { at: 'now', certificates: [] });
};
const imagekit = () => temp.rt.ws.apps.find((a) => a.displayName.startsWith('ImageKit'))!;

describe('diagnose of an AuthnRequest, against the tenant and app it names', () => {
  it('a request to this tenant for one of its apps: taken, and the verdict names the tenant and the app', async () => {
    const app = imagekit();
    const d = await diagnoseText(
      temp.rt,
      `https://login.microsoftonline.com/${temp.rt.ws.tenant.id}/saml2?${redirectQuery(build({}, { issuer: app.saml.identifiers[0]!.value, acsUrl: app.saml.replyUrls[0]!.url, now: new Date() }))}`,
      { at: 'now', certificates: [] },
    );
    expect(d.conclusion).toBe('accepted');
    expect(d.request?.against).toBe(`Checked against tenant Contoso (${temp.rt.ws.tenant.id}) and its app "${app.displayName}" (${app.appId}).`);
    expect(d.summary).toContain(`Entra would take it. Checked against tenant Contoso`);
  });

  it('a Reply URL the app does not have: AADSTS50011, for that app', async () => {
    const app = imagekit();
    const d = await ask(temp.rt.ws.tenant.id, app.saml.identifiers[0]!.value, 'https://imagekit.io/elsewhere');
    expect(d.conclusion).toBe('refused');
    expect(d.request?.entra).toMatchObject({ ok: false, code: 'AADSTS50011' });
    expect(d.request?.against).toContain(`its app "${app.displayName}"`);
  });

  it('an Identifier no app of this tenant has: AADSTS700016, naming the tenant', async () => {
    const d = await ask('contoso.onmicrosoft.com', 'urn:nobody', 'https://nobody.example/acs');
    expect(d.request?.entra).toMatchObject({ ok: false, code: 'AADSTS700016', message: expect.stringContaining("was not found in the directory 'Contoso'") as string });
  });

  it("another tenant's request is checked for its form only, and says so rather than 'Entra would take it'", async () => {
    const other = '72f988bf-86f1-41af-91ab-2d7cd011db47';
    const d = await ask(other, 'urn:nobody', 'https://nobody.example/acs');
    expect(d.request?.entra.ok).toBe(true);
    expect(d.conclusion).toBe('undetermined');
    expect(d.summary).toMatch(/^Undetermined: an AuthnRequest from urn:nobody to another tenant; its form is one Entra takes\. Sent to tenant/);
    expect(d.request?.against).toMatch(new RegExp(`^Sent to tenant ${other}, not this workspace's tenant Contoso \\(.+\\): checked for what every tenant requires only`));
    expect(d.summary).toContain(`Sent to tenant ${other}`);
  });
});
