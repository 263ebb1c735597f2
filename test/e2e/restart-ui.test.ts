import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startWebUi, type WebUi } from '../../src/core/runtime/web-api';
import { launchChromium, openUi, shot, startWebMode, UI_DIR, type WebMode } from '../support/web-ui';

// Web mode restarted under an open tab: the tab's token is from the earlier start, so every call is refused.
// The tab says so once, with the way out, instead of "could not be reached: HTTP_401" and a toast per call.

let browser: Browser;
let web: WebMode;
let again: WebUi | undefined;
let page: Page;
let errors: string[];
beforeAll(async () => {
  browser = await launchChromium();
  web = await startWebMode();
  ({ page, errors } = await openUi(browser, web.url));
});
afterAll(async () => {
  await again?.stop();
  await web?.rt.close();
  await browser?.close();
});

describe('an open tab when web mode restarts', () => {
  it('says once that the harness was restarted, offers Reload, and reconnects after it', async () => {
    const port = Number(new URL(web.ui.origin).port);
    await web.ui.stop();
    again = await startWebUi(web.rt, { uiDir: UI_DIR, port });
    expect(again.token).not.toBe(web.ui.token);
    // Three screens, three calls refused: one banner, no toasts.
    for (const screen of ['logs', 'run', 'diagnose']) {
      await page
        .getByRole('navigation')
        .getByRole('button', { name: { logs: 'Sign-in logs', run: 'Run a flow', diagnose: 'Diagnose a capture' }[screen]! })
        .click();
    }
    const banner = page.getByTestId('connection-banner');
    await expect.poll(() => banner.getAttribute('data-state')).toBe('restarted');
    expect(await page.getByTestId('connection-banner').count()).toBe(1);
    expect(await page.getByTestId('toast-error').count()).toBe(0);
    expect(await page.getByText(/HTTP_401/).count()).toBe(0);
    await shot(page, '75-restarted-banner', { viewport: true });
    await banner.getByRole('button', { name: 'Reload' }).click();
    await page.waitForSelector('[data-app-ready="true"]');
    expect(await page.getByTestId('connection-banner').count()).toBe(0);
    expect(errors.filter((e) => !/401/.test(e))).toEqual([]);
  });
});
