import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openWebUiSession, shot, type WebUiSession } from '../support/web-ui';
import { haveRealFixtures, real } from '../support/real-fixtures';
import { definitionOf } from '../../src/core/workspace/schema';

// The screens a demo and a support call live on, at the two sizes and in the two themes a user has: each shot is
// of the window as the user sees it, and each asserts that what matters is inside it.

const CONFIGS = [
  { width: 1366, height: 768, theme: 'light' },
  { width: 1366, height: 768, theme: 'dark' },
  { width: 1920, height: 1080, theme: 'light' },
  { width: 1920, height: 1080, theme: 'dark' },
] as const;
type Config = (typeof CONFIGS)[number];
const tag = (c: Config) => `${c.width}-${c.theme}`;

let s: WebUiSession;
beforeAll(async () => {
  s = await openWebUiSession({ width: 1366, height: 768 });
});
afterAll(async () => {
  await s?.close();
});

async function use(page: Page, c: Config): Promise<void> {
  await page.setViewportSize({ width: c.width, height: c.height });
  const theme = await page.evaluate(() => document.documentElement.dataset.theme);
  if (theme !== c.theme) await page.getByRole('button', { name: `Switch to ${c.theme} theme` }).click();
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(c.theme);
}

/** Nothing runs off the side of the window. */
const noSideways = (page: Page) => page.evaluate(() => document.scrollingElement!.scrollWidth <= window.innerWidth);

async function run(vendor: string, flow: string, attributeSet = '', picker = false): Promise<void> {
  await s.page.goto(`${s.ui.origin}/#/run`);
  await s.page.selectOption('select[name=vendor]', vendor);
  await s.page.selectOption('select[name=flow]', flow);
  await s.page.selectOption('select[name=user]', 'adele.vance@contoso.com');
  await s.page.selectOption('select[name=attribute-set]', attributeSet);
  if (picker) await s.page.getByRole('checkbox', { name: "Through Entra's account picker" }).check();
  const before = await s.page.getByTestId('earlier-runs').getByRole('button').count();
  await s.page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect.poll(() => s.page.getByTestId('earlier-runs').getByRole('button').count()).toBeGreaterThan(before);
  await s.page.getByTestId('outcome').waitFor();
}

describe('the demo and support screens, at 1366×768 and 1920×1080, light and dark', () => {
  it('the first ImageKit run on a fresh workspace signs in, with nothing to fix first', async () => {
    await s.page.goto(`${s.ui.origin}/#/run`);
    await s.page.selectOption('select[name=vendor]', 'imagekit');
    await run('imagekit', 'idp-initiated');
    expect(await s.page.getByTestId('outcome').getAttribute('data-status')).toBe('signed-in');
    expect(await s.page.getByTestId('setup-warnings').count()).toBe(0);
    for (const c of CONFIGS) {
      await use(s.page, c);
      await s.page.getByTestId('run-section').scrollIntoViewIfNeeded();
      expect(await noSideways(s.page), tag(c)).toBe(true);
      await shot(s.page, `70-first-imagekit-run-${tag(c)}`, { viewport: true });
    }
  });

  it("the Run screen's refusal says what to change, and its Fix it is in the window with it", async () => {
    await use(s.page, CONFIGS[0]);
    await run('imagekit', 'idp-initiated', 'imagekit-invalid-role');
    expect(await s.page.getByTestId('outcome').getAttribute('data-code')).toBe('INVALID_ROLE');
    for (const c of CONFIGS) {
      await use(s.page, c);
      const change = s.page.getByTestId('what-to-change');
      await change.scrollIntoViewIfNeeded();
      expect(await change.locator('[data-fix]').count(), tag(c)).toBeGreaterThan(0);
      expect(await noSideways(s.page), tag(c)).toBe(true);
      await shot(s.page, `71-run-refusal-what-to-change-${tag(c)}`, { viewport: true });
    }
  });

  it('every storyboard step in Present: the page fills its frame, the picked account is marked, the auto-post is drawn as seen', async () => {
    await use(s.page, CONFIGS[0]);
    await run('cloudinary', 'sp-initiated', '', true);
    await s.page.getByRole('tab', { name: /Storyboard/ }).click();
    const board = s.page.getByTestId('storyboard');
    // Opened, the storyboard's top is in the window, not below the fold.
    await expect.poll(async () => (await board.boundingBox())!.y).toBeLessThan(200);
    await shot(s.page, '72-storyboard-opened-1366', { viewport: true });
    const frame = () => s.page.frameLocator('[data-testid=storyboard-page]');
    for (const c of CONFIGS) {
      await use(s.page, c);
      await board.getByRole('button', { name: 'Present' }).click();
      await s.page.keyboard.press('Home');
      const steps = Number(await board.locator('.storyboard-steps li').count());
      for (let i = 1; i <= steps; i++) {
        await expect.poll(() => board.getAttribute('data-step')).toBe(String(i));
        await expect.poll(() => frame().locator('body').count()).toBe(1);
        const page = await s.page.getByTestId('storyboard-page').boundingBox();
        const view = await board.locator('.storyboard-body').boundingBox();
        // The page fills its column (no empty strip beside it) and ends inside the window.
        expect(page!.width, `${tag(c)} step ${i}`).toBeGreaterThan(view!.width * 0.55);
        expect(page!.y + page!.height, `${tag(c)} step ${i}`).toBeLessThanOrEqual(c.height + 1);
        expect(await board.evaluate((el) => el.scrollHeight <= el.clientHeight + 1), `${tag(c)} step ${i}: one scroll area`).toBe(true);
        const caption = (await s.page.getByTestId('storyboard-caption').textContent()) ?? '';
        if (caption.startsWith('The auto-post')) {
          expect(await frame().locator('body').textContent()).not.toContain('Script is disabled');
          expect(await s.page.getByTestId('auto-post-note').textContent()).toMatch(/^The page posts itself to https:\/\/cloudinary\.com\/saml\/consume/);
        }
        if (caption.startsWith("Entra's account picker")) {
          const picked = frame().locator('.tile[data-upn="adele.vance@contoso.com"]');
          expect(await picked.evaluate((el) => getComputedStyle(el, '::after').content)).toBe('"✓ picked"');
        }
        await shot(s.page, `72-present-step-${i}-${tag(c)}`, { viewport: true });
        await s.page.keyboard.press('ArrowRight');
      }
      await s.page.keyboard.press('Escape');
    }
  });

  it.skipIf(!haveRealFixtures)('Diagnose on a response addressed to no SP: its own facts, a pick-a-vendor and a define-its-SP', async () => {
    await use(s.page, CONFIGS[0]);
    await s.page.goto(`${s.ui.origin}/#/diagnose`);
    await s.page.locator('textarea[name=artefact]').fill(real('azure-response-5b5c94c6-2022.xml'));
    await s.page.getByRole('button', { name: 'Diagnose', exact: true }).click();
    const panel = s.page.getByTestId('unaddressed');
    await panel.waitFor();
    expect(await s.page.getByTestId('verdict').count()).toBe(0);
    expect(await panel.textContent()).toContain('https://devpg.tercen.com/_service/sso/auth/saml');
    expect(await panel.textContent()).toMatch(/Signed by.*thumbprint [0-9A-F]{40}/);
    for (const c of CONFIGS) {
      await use(s.page, c);
      await panel.scrollIntoViewIfNeeded();
      expect(await panel.evaluate((el) => el.scrollWidth <= el.clientWidth + 1), tag(c)).toBe(true);
      expect(await noSideways(s.page), tag(c)).toBe(true);
      await shot(s.page, `73-diagnose-unaddressed-${tag(c)}`, { viewport: true });
    }
    await panel.getByRole('button', { name: 'Define devpg.tercen.com from the response' }).click();
    await expect.poll(() => s.page.locator('[data-testid=verdict]').getAttribute('data-vendor')).toBe('devpg-tercen-com');
    expect(definitionOf(s.rt.ws.vendors.find((v) => v.id === 'devpg-tercen-com')!)?.acsUrl).toBe('https://devpg.tercen.com/_service/sso/auth/saml');
    // The verdict card reads top to bottom: its steps are as wide as the card, the thumbprint inside it.
    const verdict = s.page.getByTestId('verdict');
    expect(await verdict.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
    // A lone response has no trace to stand beside: the card takes the width, not half of it.
    expect(await verdict.evaluate((el) => el.getBoundingClientRect().width / document.querySelector('main')!.clientWidth)).toBeGreaterThan(0.8);
    await shot(s.page, '74-diagnose-defined-sp', { viewport: true });
  });

  it('logged no page errors', () => {
    expect(s.errors).toEqual([]);
  });
});
