import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { spkiSha256 } from '../../src/core/crypto/local-ca';
import { HarnessRuntime } from '../../src/core/runtime/harness-runtime';
import { createApp } from '../../src/core/runtime/app-ops';
import { parseScenario } from '../../src/core/scenarios/scenario-file';
import { runScenario } from '../../src/core/scenarios/runner';
import { CLI } from '../support/cli';
import { freePort, startProcess } from '../support/processes';
import { launchChromium, shot } from '../support/web-ui';

const APP = 'Outside SP';
const ENTITY_ID = 'urn:example:outside-sp';
const SP_APP = new URL('../fixtures/outside-sp/app.mjs', import.meta.url).pathname;

let dir: string;
let spPort: number;
let harness: Awaited<ReturnType<typeof startProcess>>;
let browser: Browser;
let section: (form: 'http' | 'https') => { metadata: string; myApps: string; login: string };
let caFile: string;
let uiOrigin: string;

/** Reads what `web` printed: per form (http, https), the Login URL, My Apps and the app's metadata URL. */
function parseLines(out: string) {
  const lines = out.split('\n');
  return (form: 'http' | 'https') => {
    const start = lines.findIndex((l) => l.trim() === `Over ${form} (loopback)`);
    const end = lines.findIndex((l, i) => i > start && l.trim() === '');
    const block = lines.slice(start + 1, end);
    const value = (label: string) =>
      block
        .find((l) => l.trim().startsWith(label))!
        .trim()
        .split(/\s+/)
        .pop()!;
    return {
      login: value('Login URL:'),
      myApps: value('My Apps:'),
      metadata: block
        .find((l) => l.includes(APP))!
        .split('metadata: ')[1]!
        .trim(),
    };
  };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'harness-outside-'));
  spPort = await freePort();
  // The integrator's step in the portal: a non-gallery app with the SP's Identifier and Reply URL.
  const rt = await HarnessRuntime.open({ dir });
  const app = await createApp(rt, { displayName: APP });
  app.saml = { identifiers: [{ value: ENTITY_ID, isDefault: true }], replyUrls: [{ url: `http://127.0.0.1:${spPort}/saml/acs`, isDefault: true }] };
  app.assignmentRequired = false;
  await rt.saveApp(app.objectId);
  await rt.close();
  harness = await startProcess(process.execPath, [CLI, 'web', '--port', '0', '--https', '--workspace', dir], { ready: 'Press Ctrl+C to stop.' });
  section = parseLines(harness.output());
  uiOrigin = /web mode\) at (http:\/\/127\.0\.0\.1:\d+)\//.exec(harness.output())![1]!;
  caFile = /HTTPS certificate authority: (\S+)/.exec(harness.output())![1]!;
  // Chromium is told to trust the workspace's CA (by its key), as a user imports tls/ca.pem.
  browser = await launchChromium([`--ignore-certificate-errors-spki-list=${spkiSha256(await readFile(caFile, 'utf8'))}`]);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await harness?.stop();
  await rm(dir, { recursive: true, force: true });
});

async function withSp<T>(form: 'http' | 'https', fn: () => Promise<T>): Promise<T> {
  const sp = await startProcess(process.execPath, [SP_APP], {
    ready: 'outside SP listening',
    env: { METADATA_URL: section(form).metadata, PORT: String(spPort), ENTITY_ID, ...(form === 'https' ? { NODE_EXTRA_CA_CERTS: caFile } : {}) },
  });
  try {
    return await fn();
  } finally {
    await sp.stop();
  }
}

async function pickAccount(page: Page, upn: string): Promise<void> {
  await page.waitForSelector(`button[data-upn="${upn}"]`);
  await page.click(`button[data-upn="${upn}"]`);
}

describe.each(['http', 'https'] as const)('your own SP (Express + @node-saml/passport-saml, its own process) signs in through the mock tenant over %s', (form) => {
  it("publishes metadata with Entra's identifiers and endpoints this machine reaches", async () => {
    const s = section(form);
    expect(s.login).toMatch(new RegExp(`^${form}://127\\.0\\.0\\.1:\\d+/vh/login\\.microsoftonline\\.com/[0-9a-f-]{36}/saml2$`));
    // Read over http (the test process does not trust the workspace's CA): the same document at the tenant's http port.
    const xml = await (await fetch(s.metadata.replace('https://', 'http://').replace(/:\d+\//, `:${new URL(section('http').metadata).port}/`))).text();
    expect(new URL(s.metadata).port).not.toBe(new URL(uiOrigin).port);
    expect(xml).toMatch(/entityID="https:\/\/sts\.windows\.net\/[0-9a-f-]{36}\/"/);
  });

  it("SP-initiated: Entra's account picker, then the SP's signed-in page", async () => {
    await withSp(form, async () => {
      const page = await (await browser.newContext()).newPage();
      await page.goto(`http://127.0.0.1:${spPort}/login`);
      expect(page.url()).toMatch(new RegExp(`^${form}://127\\.0\\.0\\.1:\\d+/vh/login\\.microsoftonline\\.com/`));
      await pickAccount(page, 'adele.vance@contoso.com');
      await page.waitForSelector('[data-testid=signed-in]');
      expect(await page.textContent('[data-testid=signed-in]')).toBe('Signed in as adele.vance@contoso.com');
      expect(await page.textContent('[data-testid=how]')).toBe('SP-initiated');
      expect(await page.textContent('[data-testid=issuer]')).toMatch(/^https:\/\/sts\.windows\.net\//);
      await shot(page, `19-outside-sp-${form}-sp-initiated`);

      // IdP-initiated from the My Apps page a real browser opens; the Entra session from above is reused.
      await page.goto(section(form).myApps);
      await page.click(`a.tile:has-text("${APP}")`);
      await page.waitForSelector('[data-testid=signed-in]');
      expect(await page.textContent('[data-testid=how]')).toBe('IdP-initiated');
      await page.context().close();
    });
  });
});

describe('what the harness recorded for your SP', () => {
  it("shows each exchange as a run beside the headless ones, with Entra's reading of the request and the signed response; a run replays as a scenario", async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${uiOrigin}/#/run`);
    await page.waitForSelector('[data-app-ready="true"]');
    const external = page.locator('[data-testid=earlier-runs] button[data-run-flow=external]');
    await expect.poll(() => external.count()).toBe(4);
    // And in the sign-in logs, marked as your SP's.
    await page.goto(`${uiOrigin}/#/logs`);
    await page.selectOption('select[name=source]', 'external');
    await expect.poll(() => page.getByTestId('log-row').count()).toBe(4);
    await page.goto(`${uiOrigin}/#/run`);
    await expect.poll(() => external.count()).toBe(4);
    await external.last().click();
    await page.getByTestId('authn-request').waitFor();
    expect(await page.getByTestId('outcome').textContent()).toContain(`Entra issued a response for adele.vance@contoso.com to http://127.0.0.1:${spPort}/saml/acs`);
    expect(await page.getByTestId('authn-request').textContent()).toMatch(new RegExp(`Entra takes it.*From ${ENTITY_ID}`));
    expect(await page.locator('[data-testid=trace] li').count()).toBeGreaterThanOrEqual(2);
    await shot(page, '20-outside-sp-run');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download scenario' }).click()]);
    const scenario = parseScenario(await readFile((await download.path())!, 'utf8'), 'download');
    if (!scenario.ok) throw scenario.error;
    expect(scenario.value.vendor.definition).toMatchObject({ entityId: ENTITY_ID, acsUrl: `http://127.0.0.1:${spPort}/saml/acs` });
    const replay = await runScenario(scenario.value);
    expect(replay.outcome, JSON.stringify(replay.outcome)).toEqual({ status: 'signed-in' });
    await page.close();
  });
});
