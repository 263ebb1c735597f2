import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rm } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import type { HarnessRuntime } from '../../src/core/runtime/harness-runtime';
import { seriousViolations, type AxeFinding } from '../support/axe';
import { launchChromium, openUi, shot, startWebMode } from '../support/web-ui';

let browser: Browser;
let rt: HarnessRuntime;
let page: Page;
let errors: string[];
let workspace: string;

beforeAll(async () => {
  browser = await launchChromium();
  ({ rt, workspace } = await startWebMode());
  ({ page, errors } = await openUi(browser, `${rt.origin}/`, { width: 1440, height: 900 }));
});
afterAll(async () => {
  await browser?.close();
  await rt?.close();
  await rm(workspace, { recursive: true, force: true });
});

/** Every screen and tab, by its route. */
function routes(): string[] {
  const app = rt.view().apps.find((a) => a.vendorId === 'imagekit')!.objectId;
  return [
    ...['users', 'groups', 'attribute-sets'].map((t) => `tenant/${t}`),
    'apps',
    ...['basic', 'claims', 'certificates', 'users', 'roles'].map((t) => `apps/${app}/${t}`),
    ...rt.view().vendors.map((v) => `vendors/${v.id}`),
    'vendors/new',
    'run',
    'diagnose',
    'reproduce',
    'scenarios',
    'attacks',
  ];
}

async function scan(theme: 'light' | 'dark'): Promise<Record<string, AxeFinding[]>> {
  const found: Record<string, AxeFinding[]> = {};
  // As a user switches it: the page and the XML views (CodeMirror) change together.
  const toggle = page.getByRole('button', { name: `Switch to ${theme} theme` });
  if (await toggle.count()) await toggle.click();
  for (const route of routes()) {
    await page.goto(`${rt.origin}/#/${route}`);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
    await page.locator('main h1').first().waitFor();
    const v = await seriousViolations(page);
    if (v.length) found[route] = v;
  }
  return found;
}

describe('accessibility (axe-core, WCAG 2.1 A and AA) on every screen', () => {
  it('has no serious or critical violation on any screen, light and dark, including a run with its XML', async () => {
    // A finished run puts the trace, the XML views and the report on the Run screen, and it stays there.
    await page.goto(`${rt.origin}/#/run?vendor=cloudinary&flow=idp-initiated`);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.getByTestId('outcome').waitFor();
    for (const theme of ['light', 'dark'] as const) expect(await scan(theme), `${theme} theme`).toEqual({});
    expect(errors).toEqual([]);
  });
});

describe('the keyboard', () => {
  it('reaches content by a skip link, lands on the heading after navigation, and runs with Ctrl+Enter', async () => {
    await page.goto(`${rt.origin}/#/tenant/users`);
    await page.reload();
    await page.waitForSelector('[data-app-ready="true"]');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await shot(page, '36-skip-link');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.tagName + ' ' + document.activeElement?.textContent)).toBe('H1 Contoso');

    await page.getByRole('navigation').getByRole('button', { name: 'Run a flow' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName + ' ' + document.activeElement?.textContent)).toBe('H1 Run a flow');
    // A tab within a screen keeps focus on the tab.
    await page.goto(`${rt.origin}/#/tenant/users`);
    await page.getByRole('tab', { name: 'Groups' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForTimeout(100);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Groups');

    await page.goto(`${rt.origin}/#/run?vendor=huggingface&flow=idp-initiated`);
    await page.locator('main h1').waitFor();
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.getByTestId('outcome').getAttribute('data-status')).toBe('signed-in');
  });
});
