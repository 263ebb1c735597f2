import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Electron's binary, where `npm start` (or the electron package's install script) has fetched it. */
function electronBinary(): string | undefined {
  try {
    const dir = dirname(require.resolve('electron/package.json'));
    const bin = join(dir, 'dist', readFileSync(join(dir, 'path.txt'), 'utf8'));
    return existsSync(bin) ? bin : undefined;
  } catch {
    return undefined;
  }
}

const BIN = process.env.ELECTRON_PATH ?? electronBinary();
const SKIP_REASON = "Electron's binary is not installed on this machine (it comes from Electron's download host, not the npm registry; `npm start` fetches it where it can)";
// Said once in the output, beside the suite reported as skipped.
if (!BIN) console.info(`launch test of the desktop app skipped: ${SKIP_REASON}`);

let app: ElectronApplication;
let page: Page;
let workspace: string;

describe.skipIf(!BIN)(`the desktop app, launched for real${BIN ? '' : ` (skipped: ${SKIP_REASON})`}`, () => {
  beforeAll(async () => {
    execFileSync(process.execPath, [join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: ROOT, stdio: 'ignore' });
    workspace = await mkdtemp(join(tmpdir(), 'harness-electron-'));
    app = await electron.launch({ executablePath: BIN!, args: [join(ROOT, 'out/main/index.js'), '--workspace', workspace], cwd: ROOT });
    page = await app.firstWindow();
    await page.waitForSelector('[data-app-ready="true"]', { timeout: 30_000 });
  }, 180_000);
  afterAll(async () => {
    await app?.close().catch(() => undefined);
    if (workspace) await rm(workspace, { recursive: true, force: true });
  });

  it('opens its window with contextIsolation and sandbox on and Node off, read back at run time', async () => {
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      // getLastWebPreferences is gone from recent Electron's types; where the runtime lacks it, main keeps what it gave.
      const wc = BrowserWindow.getAllWindows()[0]!.webContents as unknown as { getLastWebPreferences?(): Record<string, unknown> };
      const p = wc.getLastWebPreferences?.() ?? (globalThis as { harnessWindowPreferences?: Record<string, unknown> }).harnessWindowPreferences;
      return { contextIsolation: p?.contextIsolation, sandbox: p?.sandbox, nodeIntegration: p?.nodeIntegration };
    });
    expect(prefs).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false });
  });

  it('the page has no Node, and the preload exposes exactly window.harness', async () => {
    expect(await page.evaluate(() => [typeof (globalThis as { require?: unknown }).require, typeof (globalThis as { process?: unknown }).process])).toEqual(['undefined', 'undefined']);
    expect(await page.evaluate(() => Object.keys((window as unknown as { harness: object }).harness).sort())).toEqual(['call', 'closeBrowser', 'kind', 'openBrowser', 'origin']);
    const exposed = await page.evaluate(() => Object.keys(window).filter((k) => !(k in Object.getPrototypeOf(window)) && ['harness', 'electron', 'ipcRenderer', 'require'].includes(k)));
    expect(exposed).toEqual(['harness']);
  });

  it('every screen opens', async () => {
    for (const name of ['Tenant: users & groups', 'Enterprise applications', 'Run a flow', 'Diagnose a capture', 'Reproduce an error', 'Scenarios', 'Attack pack']) {
      await page.getByRole('navigation').getByRole('button', { name, exact: true }).click();
      await expect.poll(() => page.locator('main h1').first().textContent()).toBeTruthy();
    }
  });

  it('runs an IdP-initiated sign-in', async () => {
    await page.getByRole('navigation').getByRole('button', { name: 'Run a flow', exact: true }).click();
    await page.selectOption('select[name=vendor]', 'cloudinary');
    await page.selectOption('select[name=flow]', 'idp-initiated');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(() => page.getByTestId('outcome').getAttribute('data-status'), { timeout: 30_000 }).toBe('signed-in');
  });

  it('opens the in-app browser on a virtual host and shows the real https://login.microsoftonline.com URL', async () => {
    const tenantId = await page.evaluate(
      async () => (await (window as unknown as { harness: { call(m: string, a: object): Promise<{ value: { tenant: { id: string } } }> } }).harness.call('workspace.get', {})).value.tenant.id,
    );
    await page.evaluate(
      (u) => (window as unknown as { harness: { openBrowser(u: string): Promise<void> } }).harness.openBrowser(u),
      `https://login.microsoftonline.com/${tenantId}/federationmetadata/2007-06/federationmetadata.xml?appid=x`,
    );
    const urls = await app.evaluate(({ webContents }) => webContents.getAllWebContents().map((w) => w.getURL()));
    expect(urls.some((u) => u.startsWith(`https://login.microsoftonline.com/${tenantId}/`))).toBe(true);
    await page.evaluate(() => (window as unknown as { harness: { closeBrowser(): Promise<void> } }).harness.closeBrowser());
  });

  it('refuses navigation away and window.open', async () => {
    const before = page.url();
    await page.evaluate(() => {
      window.open('https://example.com/');
      location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe(before);
    expect(app.windows()).toHaveLength(1);
  });

  it('closes cleanly with the workspace saved', async () => {
    await app.close();
    expect(readdirSync(workspace).sort()).toEqual(expect.arrayContaining(['apps', 'tenant.json', 'vendors']));
    expect(JSON.parse(readFileSync(join(workspace, 'tenant.json'), 'utf8'))).toMatchObject({ format: 'saml-harness/tenant' });
  });
});
