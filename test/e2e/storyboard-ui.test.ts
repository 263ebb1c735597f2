import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWebUiSession, shot, type WebUiSession } from '../support/web-ui';
import { seriousViolations } from '../support/axe';

let s: WebUiSession;
beforeAll(async () => {
  s = await openWebUiSession({ width: 1920, height: 1080 });
});
afterAll(async () => {
  await s?.close();
});

const board = () => s.page.getByTestId('storyboard');
const step = async () => Number(await board().getAttribute('data-step'));
const pageText = () => s.page.frameLocator('[data-testid=storyboard-page]').locator('body').textContent();
const focused = () => s.page.evaluate(() => document.activeElement?.getAttribute('data-testid'));

describe('web mode in Chromium: the storyboard of a sign-in', () => {
  it('runs SP-initiated through the account picker when asked, and steps through its pages with the keyboard', async () => {
    await s.page.goto(`${s.ui.origin}/#/run?vendor=cloudinary&flow=sp-initiated`);
    await s.page.selectOption('select[name=user]', 'adele.vance@contoso.com');
    await s.page.getByRole('checkbox', { name: "Through Entra's account picker" }).check();
    await s.page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(() => s.page.getByTestId('outcome').getAttribute('data-status')).toBe('signed-in');

    await s.page.getByRole('tab', { name: /Storyboard/ }).click();
    await board().waitFor();
    expect(await focused()).toBe('storyboard');
    expect(await step()).toBe(1);
    // The vendor's sign-in page, Entra's account picker, the auto-post, the vendor's signed-in page.
    const captions: string[] = [];
    const pages: string[] = [];
    for (;;) {
      const caption = (await s.page.getByTestId('storyboard-caption').textContent()) ?? '';
      captions.push(caption);
      // The auto-post page is blank, as the user's browser showed it; the note over it says where it posts.
      if (caption.startsWith('The auto-post')) {
        await expect.poll(() => s.page.getByTestId('auto-post-note').count()).toBe(1);
        pages.push((await s.page.getByTestId('auto-post-note').textContent()) ?? '');
      } else {
        await expect.poll(pageText).not.toBe('');
        pages.push((await pageText()) ?? '');
      }
      const before = await step();
      await s.page.keyboard.press('ArrowRight');
      if ((await step()) === before) break;
    }
    expect(captions[0]).toMatch(/^Cloudinary's sign-in page/);
    expect(captions.some((c) => c.includes("Entra's account picker"))).toBe(true);
    expect(captions.some((c) => c.startsWith('The auto-post'))).toBe(true);
    expect(captions.at(-1)).toMatch(/signed the user in/);
    expect(pages.some((p) => p.includes('Pick an account'))).toBe(true);
    // Home goes back to the first page; End to the last, where the signed response arrived.
    await s.page.keyboard.press('Home');
    expect(await step()).toBe(1);
    await s.page.keyboard.press('End');
    expect(await step()).toBe(captions.length);
    const travelled = s.page.getByLabel('What travelled');
    expect(await travelled.getByTestId('signatures').first().textContent()).toMatch(/on Response|on Assertion/);
  });

  for (const theme of ['dark', 'light'] as const) {
    it(`presents with large type in the ${theme} theme at 1920×1080, stepped with the keyboard`, async () => {
      const current = await s.page.evaluate(() => document.documentElement.dataset.theme);
      if (current !== theme) await s.page.getByRole('button', { name: `Switch to ${theme} theme` }).click();
      await board().getByRole('button', { name: 'Present' }).click();
      expect(await board().evaluate((el) => el.classList.contains('presenting'))).toBe(true);
      expect(await focused()).toBe('storyboard');
      expect(await board().evaluate((el) => getComputedStyle(el).fontSize)).toBe('20px');
      const box = await board().boundingBox();
      expect(box).toMatchObject({ x: 0, y: 0, width: 1920, height: 1080 });

      await s.page.keyboard.press('Home');
      await s.page.keyboard.press('ArrowRight');
      await expect.poll(pageText).toContain('Pick an account');
      await shot(s.page, `46-storyboard-present-${theme}-picker`);
      await s.page.keyboard.press('ArrowRight');
      await expect.poll(() => s.page.getByTestId('storyboard-caption').textContent()).toMatch(/^The auto-post/);
      await shot(s.page, `47-storyboard-present-${theme}-auto-post`);
      await s.page.keyboard.press('End');
      await expect.poll(pageText).not.toBe('');
      await shot(s.page, `48-storyboard-present-${theme}-signed-in`);
      expect(await seriousViolations(s.page)).toEqual([]);

      await s.page.keyboard.press('Escape');
      expect(await board().evaluate((el) => el.classList.contains('presenting'))).toBe(false);
      expect(await focused()).toBe('storyboard');
    });
  }

  it('logs nothing as an error', () => {
    expect(s.errors).toEqual([]);
  });
});
