import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations, type AxeFinding } from '../support/axe';
import { openWebUiSession, shot, type WebUiSession } from '../support/web-ui';

let s: WebUiSession;
beforeAll(async () => {
  s = await openWebUiSession();
});
afterAll(async () => {
  await s?.close();
});

/** Every screen and tab, by its route. */
function routes(): string[] {
  const app = s.rt.view().apps.find((a) => a.vendorId === 'imagekit')!.objectId;
  return [
    ...['users', 'groups', 'attribute-sets'].map((t) => `tenant/${t}`),
    'apps',
    ...['basic', 'claims', 'certificates', 'users', 'roles'].map((t) => `apps/${app}/${t}`),
    ...s.rt.view().vendors.map((v) => `vendors/${v.id}`),
    'vendors/new',
    'run',
    'logs',
    // A logged run opened whole, with its compare boxes, trace and XML.
    ...s.rt.log
      .entries()
      .map((e) => `logs/${e.id}`)
      .slice(0, 1),
    'diagnose',
    'reproduce',
    'scenarios',
    'attacks',
  ];
}

async function scan(theme: 'light' | 'dark'): Promise<Record<string, AxeFinding[]>> {
  const found: Record<string, AxeFinding[]> = {};
  // As a user switches it: the page and the XML views (CodeMirror) change together.
  const toggle = s.page.getByRole('button', { name: `Switch to ${theme} theme` });
  if (await toggle.count()) await toggle.click();
  for (const route of routes()) {
    await s.page.goto(`${s.ui.origin}/#/${route}`);
    expect(await s.page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
    await s.page.locator('main h1').first().waitFor();
    const v = await seriousViolations(s.page);
    if (v.length) found[route] = v;
  }
  return found;
}

describe('accessibility (axe-core, WCAG 2.1 A and AA) on every screen', () => {
  it('has no serious or critical violation on any screen, light and dark, including a run with its XML', async () => {
    // A finished run puts the trace, the XML views and the report on the Run screen, and it stays there.
    await s.page.goto(`${s.ui.origin}/#/run?vendor=cloudinary&flow=idp-initiated`);
    await s.page.getByRole('button', { name: 'Run', exact: true }).click();
    await s.page.getByTestId('outcome').waitFor();
    for (const theme of ['light', 'dark'] as const) expect(await scan(theme), `${theme} theme`).toEqual({});
    expect(s.errors).toEqual([]);
  });
});

describe('the keyboard', () => {
  it('reaches content by a skip link, lands on the heading after navigation, and runs with Ctrl+Enter', async () => {
    await s.page.goto(`${s.ui.origin}/#/tenant/users`);
    await s.page.reload();
    await s.page.waitForSelector('[data-app-ready="true"]');
    await s.page.keyboard.press('Tab');
    expect(await s.page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await shot(s.page, '36-skip-link');
    await s.page.keyboard.press('Enter');
    expect(await s.page.evaluate(() => document.activeElement?.tagName + ' ' + document.activeElement?.textContent)).toBe('H1 Contoso');

    await s.page.getByRole('navigation').getByRole('button', { name: 'Run a flow' }).focus();
    await s.page.keyboard.press('Enter');
    await expect.poll(() => s.page.evaluate(() => document.activeElement?.tagName + ' ' + document.activeElement?.textContent)).toBe('H1 Run a flow');
    // A tab within a screen keeps focus on the tab.
    await s.page.goto(`${s.ui.origin}/#/tenant/users`);
    // Navigation puts focus on the heading once the screen is drawn: wait for it, so it cannot take the tab's.
    await expect.poll(() => s.page.evaluate(() => document.activeElement?.tagName + ' ' + document.activeElement?.textContent)).toBe('H1 Contoso');
    await s.page.getByRole('tab', { name: 'Groups' }).focus();
    await s.page.keyboard.press('Enter');
    await expect.poll(() => s.page.getByRole('tab', { name: 'Groups' }).getAttribute('aria-selected')).toBe('true');
    expect(await s.page.evaluate(() => document.activeElement?.textContent)).toBe('Groups');

    await s.page.goto(`${s.ui.origin}/#/run?vendor=huggingface&flow=idp-initiated`);
    await s.page.locator('main h1').waitFor();
    await s.page.keyboard.press('Control+Enter');
    await expect.poll(() => s.page.getByTestId('outcome').getAttribute('data-status')).toBe('signed-in');
    // The result, drawn below the form and the claims preview, is brought into view with focus.
    await expect.poll(() => s.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('run-section');
    const top = await s.page.getByTestId('run-section').evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(900 / 2);
  });
});
