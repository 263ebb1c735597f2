import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, launchChromium, openUi, shot, startWebMode, type WebMode } from '../support/web-ui';
import { authnRequestXml, redirectQuery } from '../../src/core/scenarios/crafted-requests';
import { presetById } from '../../src/core/scenarios/presets';
import { runScenario } from '../../src/core/scenarios/runner';

let browser: Browser;
let web: WebMode;
let page: Page;
let errors: string[];
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'harness-support-ui-'));
  browser = await launchChromium();
  web = await startWebMode();
  ({ page, errors } = await openUi(browser, web.url));
});
afterAll(async () => {
  await browser?.close();
  await web?.stop();
  await rm(dir, { recursive: true, force: true });
});

const verdict = () => page.locator('[data-testid=scenario-verdict]');

describe('web mode in Chromium: a support engineer reproduces, keeps and diagnoses', () => {
  it('reproduces Cloudinary error 7 from its preset, in a sandbox', async () => {
    await page.goto(`${web.ui.origin}/#/reproduce/cloudinary`);
    await expect.poll(() => page.locator('tr[data-preset]').count()).toBe(16);
    await page.getByRole('button', { name: 'Reproduce 7', exact: true }).click();
    // A reproduction runs a whole sign-in in a sandbox: on a loaded machine it takes more than expect.poll's second.
    await expect.poll(() => verdict().getAttribute('data-matches'), { timeout: 20_000 }).toBe('true');
    expect(await page.locator('[data-testid=outcome]').getAttribute('data-code')).toBe('7');
    expect(await verdict().textContent()).toBe('✓ Reproduced 7It ended in error 7 from the SP, as the scenario expects.');
    await shot(page, '14-reproduce-cloudinary-7');
    await page.getByRole('tab', { name: 'Entra ID' }).click();
    await page.getByRole('button', { name: 'Reproduce AADSTS50011', exact: true }).click();
    await expect.poll(() => page.locator('[data-testid=outcome]').getAttribute('data-code'), { timeout: 20_000 }).toBe('AADSTS50011');
  });

  it('finds a preset by what a ticket says, across every source, and brings the result into view with focus', async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${web.ui.origin}/#/reproduce`);
    const search = page.getByRole('searchbox');
    for (const [words, found] of [
      ['cloudinary 7', ['cloudinary/7']],
      ['cloudinary/7', ['cloudinary/7']],
      ['AADSTS50011', ['entra/AADSTS50011']],
      ['ROLE_LOOKUP_ERROR', ['cloudinary/7']],
      ['imagekit invalid email', ['imagekit/INVALID_EMAIL']],
    ] as const) {
      await search.fill(words);
      await expect.poll(() => page.locator('tr[data-preset]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-preset')))).toEqual(found);
    }
    await search.fill('no such thing at all');
    await page.getByText('No preset matches "no such thing at all".').waitFor();

    await search.fill('50011');
    await page
      .locator('tr[data-preset="entra/AADSTS50011"]')
      .getByRole('button', { name: /^Reproduce/ })
      .click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('reproduced');
    const box = await page.getByTestId('reproduced').boundingBox();
    expect(box!.y, 'the result starts inside the window').toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(900 / 2);
    expect(await verdict().getAttribute('data-matches')).toBe('true');
    // It explains: the requested ACS beside the configured Reply URLs, and the preset's one change, both in view.
    const collided = page.getByTestId('collisions').locator('tr[data-collision="Reply URL"]');
    expect(await collided.textContent()).toMatch(/AssertionConsumerServiceURL.*https:\/\/.*Reply URL.*http:\/\//);
    expect(await page.getByTestId('baseline-diff').locator('tr[data-path="app.saml.replyUrls.0.url"]').count()).toBe(1);
    expect((await page.getByTestId('collisions').boundingBox())!.y).toBeLessThan(900);
    await page.screenshot({ path: join(ARTIFACTS, '37-reproduce-search-result.png') });
    await search.fill('');
  });

  it('saves the reproduction as a scenario, finds it in Scenarios and replays it', async () => {
    await page.getByRole('button', { name: 'Save as scenario' }).click();
    await page.getByTestId('toast-info').first().waitFor();
    await page.getByRole('navigation').getByRole('button', { name: 'Scenarios' }).click();
    const row = page.locator('tr[data-scenario]', { hasText: 'AADSTS50011' });
    await row.waitFor();
    await row.getByRole('button', { name: /^Replay/ }).click();
    await expect.poll(() => verdict().getAttribute('data-matches')).toBe('true');
    await shot(page, '15-scenarios');
  });

  it('a run can be downloaded as a HAR file, which Diagnose reads back to the same vendor error and its fix', async () => {
    await page.goto(`${web.ui.origin}/#/run`);
    await page.selectOption('select[name=vendor]', 'cloudinary');
    await page.selectOption('select[name=flow]', 'idp-initiated');
    await page.selectOption('select[name=user]', 'megan.bowen@contoso.com');
    await page.selectOption('select[name=attribute-set]', 'cloudinary-wrong-case');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(() => page.locator('[data-testid=outcome]').getAttribute('data-code')).toBe('7');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download HAR' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^cloudinary-.*\.har$/);
    const har = join(dir, 'capture.har');
    await download.saveAs(har);
    expect((JSON.parse(await readFile(har, 'utf8')) as { log: { entries: unknown[] } }).log.entries.length).toBeGreaterThanOrEqual(4);

    await page.getByRole('navigation').getByRole('button', { name: 'Diagnose a capture' }).click();
    await page.setInputFiles('input[aria-label="Artefact file"]', har);
    await page.getByRole('button', { name: 'Diagnose', exact: true }).click();
    await page.getByTestId('diagnosis').waitFor();
    expect(await page.getByTestId('diagnosis-summary').textContent()).toMatch(/^Cloudinary would refuse it: 7 ROLE_LOOKUP_ERROR \(HTTP 400\)/);
    expect(await page.locator('[data-testid=verdict]').getAttribute('data-code')).toBe('7');
    expect(await page.getByTestId('fixes').textContent()).toMatch(/Attributes & Claims › claim "CloudinaryRole".*ToLowercase\(\)/);
    expect(await page.locator('[data-testid=trace] li').count()).toBeGreaterThanOrEqual(4);
    await shot(page, '16-diagnose-har');
  });

  it('says inline, where the input is, that plain text is not a SAML message, and forgets it when the input changes', async () => {
    await page.goto(`${web.ui.origin}/#/diagnose`);
    const clear = page.getByRole('button', { name: 'Clear' });
    if (await clear.count()) await clear.click();
    const input = page.locator('textarea[name=artefact]');
    await input.fill('Hi, SSO to Cloudinary is broken since Monday. Screenshot attached.');
    await page.getByRole('button', { name: 'Diagnose', exact: true }).click();
    const error = page.getByTestId('artefact-error');
    await expect.poll(() => error.textContent()).toMatch(/^This is not a SAML message: it reads as plain text \("Hi, SSO to Cloudinary is broken since Mo…"\)\. Give a HAR file/);
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('toast-error').count(), 'no toast follows the user to other screens').toBe(0);
    await shot(page, '38-diagnose-inline-error');
    await input.fill('still not SAML');
    expect(await error.count()).toBe(0);
    await input.fill('');
  });

  it('diagnoses a pasted URL whose AuthnRequest Entra would refuse', async () => {
    const xml = authnRequestXml({ id: '6c1c178c166d486687be4aaf5e482730' }, { issuer: 'https://cloudinary.com/saml', acsUrl: 'https://cloudinary.com/saml/consume', now: new Date() });
    await page.locator('textarea[name=artefact]').fill(`https://login.microsoftonline.com/contoso.onmicrosoft.com/saml2?${redirectQuery(xml)}`);
    await page.getByRole('button', { name: 'Diagnose', exact: true }).click();
    await expect.poll(() => page.getByTestId('diagnosis-summary').textContent()).toMatch(/^Entra would refuse this AuthnRequest: AADSTS7500529/);
    await shot(page, '17-diagnose-url');
  });

  it('a response the vendor cannot trust is refused, naming the signer first, with the mistake it shows and its preset', async () => {
    // A reproduced preset runs in a sandbox tenant: its certificate is not the one the workspace's Cloudinary holds.
    const run = await runScenario(presetById('cloudinary/7')!.build());
    const posted = run.result.hops.find((h) => h.form?.SAMLResponse)!.form!.SAMLResponse!;
    await page.locator('textarea[name=artefact]').fill(posted);
    await page.getByRole('button', { name: 'Diagnose', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('diagnosis-summary').textContent())
      .toMatch(/^Signed by CN=Microsoft Azure Federated SSO Certificate, thumbprint [0-9A-F]{40} — not a certificate Cloudinary holds\. Cloudinary would refuse it: 15/);
    expect(await page.locator('[data-testid=verdict]').getAttribute('data-outcome')).toBe('refused');
    expect(await page.locator('[data-testid=findings] li').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('findings').textContent()).toMatch(/Reproduce it: Reproduce an error › mistakes\//);
    await shot(page, '17b-diagnose-untrusted-signer');
    // Given the customer's certificate, the same response is trusted and the vendor's own rule answers.
    const cert = run.result.hops.find((h) => h.form?.SAMLResponse)!.saml[0]!.xml!.match(/<(?:\w+:)?X509Certificate>([^<]+)</)![1]!;
    await page.getByText("What the vendor holds, and the SP's key (optional)").click();
    await page.locator('textarea[name=certificate]').fill(cert);
    await page.getByRole('button', { name: 'Diagnose', exact: true }).click();
    await expect.poll(() => page.getByTestId('diagnosis-summary').textContent()).toMatch(/^Cloudinary would refuse it: 7 ROLE_LOOKUP_ERROR/);
    await page.locator('textarea[name=certificate]').fill('');
  });

  it('runs the attack pack against ImageKit as the workspace sets it up: each attack refused by its check', async () => {
    await page.getByRole('navigation').getByRole('button', { name: 'Attack pack' }).click();
    await page.selectOption('select[name=attack-vendor]', 'imagekit');
    await page.getByRole('button', { name: 'Run the attack pack' }).click();
    await page.getByTestId('attack-results').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('attack-results').getAttribute('data-passed')).toBe('true');
    expect(await page.locator('tr[data-attack]').count()).toBeGreaterThanOrEqual(27);
    expect(await page.locator('tr[data-attack="xsw3"] [data-testid=refused-by]').textContent()).toContain('signature.coverage');
    expect(await page.locator('tr[data-attack="xsw3"]').textContent()).toContain('signs in the victim');
    await shot(page, '18-attack-pack');
  });

  it('logged no page errors', () => {
    expect(errors).toEqual([]);
  });
});
