import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rm } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { type HarnessRuntime, logEntry } from '../../src/core/runtime/harness-runtime';
import { handleApiCall } from '../../src/core/runtime/api-handlers';
import { listPresets } from '../../src/core/runtime/scenario-ops';
import { launchChromium, openUi, shot, startWebMode, type WebMode } from '../support/web-ui';
import { seriousViolations } from '../support/axe';

let browser: Browser;
let rt: HarnessRuntime;
let web: WebMode;
let workspace: string;
let page: Page;
let errors: string[];

const ADELE = 'adele.vance@contoso.com';
const MEGAN = 'megan.bowen@contoso.com';

beforeAll(async () => {
  browser = await launchChromium();
  web = await startWebMode();
  ({ rt, workspace } = web);
  // Several runs of every kind but an outside SP's: two headless runs and a reproduced error.
  await rt.runFlow({ vendorId: 'cloudinary', flow: 'idp-initiated', user: ADELE });
  await rt.runFlow({ vendorId: 'cloudinary', flow: 'idp-initiated', user: MEGAN });
  await rt.runFlow({ vendorId: 'huggingface', flow: 'idp-initiated', user: ADELE });
  await handleApiCall(rt, 'presets.run', { id: listPresets().find((p) => p.code === 'AADSTS50011')!.id });
  ({ page, errors } = await openUi(browser, `${web.ui.origin}/#/logs`, { width: 1440, height: 900 }));
});
afterAll(async () => {
  await browser?.close();
  await web?.stop();
  await rm(workspace, { recursive: true, force: true });
});

const rows = () => page.getByTestId('log-row');
const inViewport = (testId: string) =>
  page.getByTestId(testId).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.top < window.innerHeight;
  });

describe('web mode in Chromium: the sign-in logs', () => {
  it('list every run, newest first, and filter them', async () => {
    await expect.poll(() => rows().count()).toBe(4);
    expect(await rows().first().textContent()).toContain('AADSTS50011');
    expect(await page.getByTestId('log-count').textContent()).toBe('4 shown of 4 matching · 4 in the log');
    await shot(page, '42-sign-in-logs');

    await page.selectOption('select[name=status]', 'failure');
    await expect.poll(() => rows().count()).toBe(1);
    await page.selectOption('select[name=status]', '');
    await page.selectOption('select[name=user]', MEGAN);
    await expect.poll(() => rows().count()).toBe(1);
    await page.selectOption('select[name=user]', '');
    await page.fill('input[name=log-search]', 'hugging');
    await expect.poll(() => rows().count()).toBe(1);
    await page.fill('input[name=log-search]', '');
    await expect.poll(() => rows().count()).toBe(4);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('survive a reload and a restart of the host', async () => {
    await page.reload();
    await page.waitForSelector('[data-app-ready="true"]');
    await expect.poll(() => rows().count()).toBe(4);

    await web.stop();
    web = await startWebMode(workspace);
    rt = web.rt;
    await page.goto(`${web.ui.origin}/#/logs`);
    await page.waitForSelector('[data-app-ready="true"]');
    await expect.poll(() => rows().count()).toBe(4);
    await shot(page, '43-sign-in-logs-after-restart');
  });

  it('open a run whole, in view and focused, with its trace, page and exports', async () => {
    await rows().nth(1).getByRole('button').click();
    await page.getByTestId('log-run').waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('log-run');
    expect(await inViewport('log-run')).toBe(true);
    expect(await page.getByTestId('log-run').getByTestId('outcome').getAttribute('data-status')).toBe('signed-in');
    expect(await page.getByTestId('log-run').getByTestId('report').getAttribute('data-ok')).toBe('true');
    // The page it ended on is read back from the log after the restart, into a sandboxed frame of its own.
    const frame = page.getByTestId('log-run').locator('iframe');
    expect(await frame.count()).toBe(1);
    expect(await frame.getAttribute('sandbox')).toBe('');
    expect(await frame.contentFrame().locator('[data-page=signed-in]').count()).toBe(1);
    const download = page.waitForEvent('download');
    await page.getByTestId('log-run').getByRole('button', { name: 'Download HAR' }).click();
    expect((await download).suggestedFilename()).toMatch(/^huggingface-.*\.har$/);
    await shot(page, '44-sign-in-log-run');
  });

  it('compare two runs: the claims, set-up and checks that differ', async () => {
    // The two Cloudinary runs: Adele's and Megan's.
    await rows().nth(3).getByRole('checkbox').check();
    await rows().nth(2).getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Compare the two runs' }).click();
    const cmp = page.getByTestId('run-comparison');
    await cmp.waitFor();
    expect(await inViewport('run-comparison')).toBe(true);
    const nameId = cmp.locator('tr[data-kind=claim]', { hasText: 'NameID' });
    expect(await nameId.getAttribute('data-same')).toBe('false');
    expect(await nameId.textContent()).toContain(ADELE);
    expect(await nameId.textContent()).toContain(MEGAN);
    // Only what differs, until asked for all: the tenant ID claim is the same in both runs.
    const tenantClaim = cmp.locator('tr[data-kind=claim]', { hasText: 'claims/tenantid' });
    expect(await tenantClaim.count()).toBe(0);
    await cmp.getByRole('checkbox', { name: 'Only what differs' }).uncheck();
    expect(await tenantClaim.getAttribute('data-same')).toBe('true');
    await cmp.getByRole('checkbox', { name: 'Only what differs' }).check();
    // Only what differs means no identical row at all, the run's own rows included.
    expect(await cmp.locator('tr[data-same=true]').count()).toBe(0);
    // Both runs' times are written as the list writes them.
    const listed = await rows().nth(3).getByRole('button').textContent();
    expect(await cmp.locator('thead').textContent()).toContain(listed!);
    await shot(page, '45-two-runs-compared');
    expect(await seriousViolations(page)).toEqual([]);
    // The same at 1920×1080 in the dark theme, from the top of the screen.
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await page.locator('main h1').scrollIntoViewIfNeeded();
    await shot(page, '45-sign-in-logs-dark-1920');
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('a click anywhere on a row opens it; a filter that leaves out the open run and the compared ones closes them', async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await rows().nth(2).locator('td').nth(2).click();
    await page.getByTestId('log-run').waitFor();
    const opened = await rows().nth(2).getAttribute('data-run');
    expect(await rows().nth(2).getAttribute('aria-current')).toBe('true');
    // One date format: the opened run's heading writes its time as the list does.
    expect(await page.locator('#log-run-title').textContent()).toContain((await rows().nth(2).getByRole('button').textContent())!);
    expect(await page.getByTestId('run-comparison').count()).toBe(1);
    await page.selectOption('select[name=status]', 'failure');
    await expect.poll(() => rows().count()).toBe(1);
    expect(await rows().first().getAttribute('data-run')).not.toBe(opened);
    await expect.poll(() => page.getByTestId('log-run').count()).toBe(0);
    expect(await page.getByTestId('run-comparison').count()).toBe(0);
    await page.selectOption('select[name=status]', '');
    await expect.poll(() => rows().count()).toBe(4);
  });

  it('page a long log a hundred rows at a time', async () => {
    // The host was restarted: a logged run read back, filed 120 times more under other IDs.
    const one = await rt.findRun(rt.log.entries()[0]!.id);
    for (let i = 0; i < 120; i++) {
      const run = { ...one!, id: `${i.toString(16).padStart(4, '0')}${'a'.repeat(12)}` };
      rt.log.append(logEntry(run, 'run', { sp: 'Cloudinary', app: 'Cloudinary' }), run);
    }
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.reload();
    await page.waitForSelector('[data-app-ready="true"]');
    await expect.poll(() => page.getByTestId('log-count').textContent()).toBe('100 shown of 124 matching · 124 in the log');
    await page.getByRole('button', { name: 'Show 100 more' }).click();
    await expect.poll(() => rows().count()).toBe(124);
    expect(await page.getByRole('button', { name: 'Show 100 more' }).count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
