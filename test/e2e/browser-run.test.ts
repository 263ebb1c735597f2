import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { publishedEndpoints } from '../../src/core/runtime/published-endpoints';
import { launchChromium, openUi, startWebMode, type WebMode } from '../support/web-ui';

// A real browser signs in to a shipped vendor the harness serves (My Apps tile → ImageKit). The harness drew the
// vendor's page itself, so the run is ImageKit's, with every page in its storyboard, not "your SP" and two hops.

let browser: Browser;
let web: WebMode;
let page: Page;
beforeAll(async () => {
  browser = await launchChromium();
  web = await startWebMode();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

describe('a real browser signs in to a vendor the harness serves', () => {
  it("My Apps tile → ImageKit is logged as ImageKit's run, with the vendor's verdict and its pages", async () => {
    const myApps = publishedEndpoints(web.rt)[0]!.myApps;
    const imagekit = web.rt.ws.apps.find((a) => a.objectId === web.rt.ws.vendors.find((v) => v.id === 'imagekit')!.appObjectId)!;
    await page.goto(myApps);
    await page.locator(`a.tile[data-app-id="${imagekit.appId}"]`).click();
    await page.locator('button.tile[data-upn="adele.vance@contoso.com"]').click();
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('Welcome, adele.vance@contoso.com');

    await expect.poll(() => web.rt.log.entries().find((e) => e.source === 'browser')?.vendorId).toBe('imagekit');
    const entry = web.rt.log.entries().find((e) => e.source === 'browser')!;
    expect(entry).toMatchObject({ sp: 'ImageKit', flow: 'idp-initiated', status: 'success', user: 'adele.vance@contoso.com' });
    expect(web.rt.log.entries().some((e) => e.source === 'external')).toBe(false);
    const run = (await web.rt.findRun(entry.id))!;
    expect(run.result.outcome).toMatchObject({ status: 'signed-in', sp: 'ImageKit' });
    expect(run.result.report?.ok).toBe(true);
    // Entra's picker, its auto-post page and ImageKit's signed-in page: pages the storyboard can show.
    const pages = run.result.hops.filter((h) => h.body !== undefined).map((h) => h.page?.kind ?? h.page?.title);
    expect(pages).toEqual(expect.arrayContaining(['pick-account', 'signed-in']));
    expect(run.result.hops.at(-1)).toMatchObject({ method: 'POST', cause: 'auto-post', url: 'https://imagekit.io/saml/consume' });
    expect(run.result.hops.flatMap((h) => h.saml).filter((m) => m.param === 'SAMLResponse')).toHaveLength(1);

    // In the UI, the run is ImageKit's.
    const ui = await openUi(browser, `${web.ui.origin}/#/run`);
    await expect
      .poll(() => ui.page.locator('[data-testid=earlier-runs] button[data-run-flow=idp-initiated]').first().textContent())
      .toMatch(/^ImageKit · idp-initiated · signed-in · adele\.vance@contoso\.com/);
    await ui.page.close();
  });
});
