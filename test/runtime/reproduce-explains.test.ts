import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HarnessRuntime } from '../../src/core/runtime/harness-runtime';
import { openTempRuntime } from '../support/temp-runtime';
import { runPreset } from '../../src/core/runtime/scenario-ops';

let rt: HarnessRuntime;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ rt, close } = await openTempRuntime({ runLog: false }));
});
afterAll(() => close());

describe('reproduce explains', () => {
  it('AADSTS50011: the requested ACS URL beside the configured Reply URLs, and the one change from the baseline', async () => {
    const r = await runPreset(rt, 'entra/AADSTS50011');
    expect(r.matches).toBe(true);
    const [c] = r.collisions;
    expect(c).toMatchObject({ what: 'Reply URL', sent: { where: 'AuthnRequest › AssertionConsumerServiceURL' } });
    expect(c!.sent.value).toMatch(/^https:\/\//);
    expect(c!.held.values.length).toBeGreaterThan(0);
    expect(c!.held.values.every((v) => v.startsWith('http://'))).toBe(true);
    expect(c!.held.values).not.toContain(c!.sent.value);
    expect(r.changedFromBaseline).toEqual(
      c!.held.values.map((v, i) => ({ path: `app.saml.replyUrls.${i}.url`, label: `Basic SAML Configuration › Reply URL ${i + 1}`, a: v.replace('http://', 'https://'), b: v })),
    );
  });

  it('AADSTS700016: the AuthnRequest Issuer beside the Identifiers', async () => {
    const r = await runPreset(rt, 'entra/AADSTS700016');
    const [c] = r.collisions;
    expect(c!.sent.value.endsWith('/')).toBe(true);
    expect(c!.held.values).toContain(c!.sent.value.slice(0, -1));
  });

  it('Cloudinary 7: the refused role beside the roles Cloudinary accepts (case-sensitive)', async () => {
    const r = await runPreset(rt, 'cloudinary/7');
    expect(r.matches).toBe(true);
    expect(r.collisions).toEqual([
      expect.objectContaining({
        what: 'Claim CloudinaryRole',
        sent: expect.objectContaining({ value: 'Media_Library_User' }),
        held: expect.objectContaining({ where: 'Values the vendor accepts (case-sensitive)', values: expect.arrayContaining(['media_library_user']) }),
      }),
    ]);
    expect(r.changedFromBaseline?.map((c) => c.path)).toEqual(['flow.attributeSet.name', 'flow.attributeSet.values.user.extensionattribute1.0']);
  });

  it('Cloudinary 3 and ImageKit ACCOUNT_MISMATCH: the account ID the claim sent beside the one the vendor holds', async () => {
    const cloudinary = await runPreset(rt, 'cloudinary/3');
    expect(cloudinary.collisions).toEqual([
      {
        what: 'Claim CloudinaryAccountID',
        sent: { where: "The assertion's CloudinaryAccountID attribute", value: expect.not.stringMatching(/^f+$/) as string },
        held: { where: "Cloudinary › this account's ID", values: ['ffffffffffffffff'] },
      },
    ]);
    expect(cloudinary.changedFromBaseline?.map((c) => c.path)).toContain('vendor.settings.accountId');
    const imagekit = await runPreset(rt, 'imagekit/ACCOUNT_MISMATCH');
    expect(imagekit.collisions[0]).toMatchObject({ what: 'Claim imagekit_id', sent: { value: 'contoso' }, held: { values: ['contoso-emea'] } });
  });

  it("a set-up mistake shows what it changed from its vendor's working set-up", async () => {
    const r = await runPreset(rt, 'mistakes/sha1');
    expect(r.changedFromBaseline).toContainEqual({ path: 'app.signing.algorithm', label: 'SAML Certificates › Signing Algorithm', a: 'sha256', b: 'sha1' });
  });

  it('a run of the workspace that Entra refuses with AADSTS50011 says what collided too', async () => {
    const app = rt.app(rt.entry('generic').appObjectId!);
    const saved = structuredClone(app.saml.replyUrls);
    app.saml.replyUrls = [{ url: 'https://elsewhere.example.com/acs', isDefault: true }];
    const run = await rt.runFlow({ vendorId: 'generic', flow: 'sp-initiated', user: 'adele.vance@contoso.com' });
    app.saml.replyUrls = saved;
    expect(run.result.outcome).toMatchObject({ code: 'AADSTS50011', collided: { what: 'Reply URL', held: { values: ['https://elsewhere.example.com/acs'] } } });
    expect(rt.log.entries().at(-1)).toMatchObject({ id: run.id, result: 'AADSTS50011' });
  });

  it("an SP's failed check says what collided: the Audience sent beside the SP's entity ID", async () => {
    const entry = rt.entry('cloudinary');
    const app = rt.app(entry.appObjectId!);
    app.claims.advanced = { appendApplicationIdToIssuer: false, audienceOverride: 'urn:someone-else' };
    const run = await rt.runFlow({ vendorId: 'cloudinary', flow: 'idp-initiated', user: 'adele.vance@contoso.com' });
    delete app.claims.advanced;
    expect(run.result.outcome).toMatchObject({
      status: 'error',
      check: 'assertion.audience',
      collided: { what: 'Audience', sent: { value: 'urn:someone-else' }, held: { where: "The SP's entity ID", values: [app.saml.identifiers[0]!.value] } },
    });
  });
});
