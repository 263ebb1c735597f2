import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { CLI, runCli } from '../support/cli';
import { freePort, startProcess } from '../support/processes';
import { launchChromium } from '../support/web-ui';

/** Debian packages the recipes need, installed with apt when missing (the suite runs as root, as CI does). */
export function ensurePackages(packages: readonly string[]): void {
  const missing = packages.filter((p) => spawnSync('dpkg', ['-s', p], { stdio: 'ignore' }).status !== 0);
  if (!missing.length) return;
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

export const TENANT = '7d1c3b2a-0e4f-4a5b-9c8d-1e2f3a4b5c6d';
export const ADELE = 'adele.vance@contoso.com';
export const MEGAN = 'megan.bowen@contoso.com';

export interface Stage {
  dir: string;
  workspace: string;
  tenantPort: number;
  spPort: number;
  browser: Browser;
  /** Registers the SP from its metadata file (Adele assigned, Megan not), returns the app's ID and metadata URL. */
  register(spMetadataFile: string, relayState?: string): Promise<{ appId: string; metadataUrl: string }>;
  /** Starts `saml-harness serve` on the pinned tenant; stop() ends it. */
  serve(): Promise<{ stop(): Promise<void> }>;
  /** The IdP metadata an SP stack is given, and a copy under the LogoutResponse Issuer's name (the logout fix). */
  idpMetadata(metadataUrl: string): Promise<{ file: string; logoutFile: string }>;
  close(): Promise<void>;
}

export async function stage(name: string): Promise<Stage> {
  const dir = await mkdtemp(join(tmpdir(), `real-sp-${name}-`));
  execFileSync('chmod', ['755', dir]);
  const workspace = join(dir, 'ws');
  const [tenantPort, spPort] = [await freePort(), await freePort()];
  const browser = await launchChromium();
  return {
    dir,
    workspace,
    tenantPort,
    spPort,
    browser,
    async register(file, relayState) {
      const r = await runCli([
        'apps',
        'add',
        '--metadata',
        file,
        '--name',
        name,
        ...(relayState ? ['--relay-state', relayState] : []),
        '--assign',
        ADELE,
        '--tenant-id',
        TENANT,
        '--port',
        String(tenantPort),
        '--workspace',
        workspace,
        '--json',
      ]);
      if (r.code !== 0) throw new Error(`apps add failed: ${r.stderr}`);
      const out = JSON.parse(r.stdout) as { appId: string; metadataUrl: { served: string } };
      return { appId: out.appId, metadataUrl: out.metadataUrl.served };
    },
    async serve() {
      return startProcess(process.execPath, [CLI, 'serve', '--port', String(tenantPort), '--tenant-id', TENANT, '--workspace', workspace], { ready: 'Press Ctrl+C to stop.' });
    },
    async idpMetadata(metadataUrl) {
      const xml = await (await fetch(metadataUrl)).text();
      const file = join(dir, 'idp-metadata.xml');
      const logoutFile = join(dir, 'idp-metadata-logout-issuer.xml');
      await writeFile(file, xml);
      await writeFile(logoutFile, xml.replace(`entityID="https://sts.windows.net/${TENANT}/"`, `entityID="https://login.microsoftonline.com/${TENANT}/"`));
      return { file, logoutFile };
    },
    close: () => browser.close(),
  };
}

/** Apache in the foreground of its own config, started and stopped by the test. */
export function apache(conf: string) {
  return {
    start: () => execFileSync('apache2', ['-f', conf, '-k', 'start'], { stdio: 'inherit' }),
    stop: () => spawnSync('apache2', ['-f', conf, '-k', 'stop'], { stdio: 'inherit' }),
  };
}

/** The runs the tenant logged, read from the workspace after serve stopped. */
export async function loggedRuns(workspace: string): Promise<Array<{ result: string; user?: string; source: string }>> {
  const index = await readFile(join(workspace, 'runs', 'index.jsonl'), 'utf8');
  return index
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { result: string; user?: string; source: string });
}

/** Picks an account on Entra's account picker and waits for what follows. */
export async function pick(page: Page, upn: string): Promise<void> {
  await page.waitForSelector(`button[data-upn="${upn}"]`);
  await page.click(`button[data-upn="${upn}"]`);
  await page.waitForLoadState('load');
}

/** A new page that opens `url` on the SP and picks `upn` on Entra's picker: where the sign-in lands. */
export async function signInAt(browser: Browser, url: string, upn: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(url);
  await pick(page, upn);
  return page;
}

/** The AADSTS code Entra's error page shows when `upn` signs in at `url` (the page is closed after). */
export async function entraCodeFor(browser: Browser, url: string, upn: string): Promise<string | null> {
  const page = await signInAt(browser, url, upn);
  const code = await page.locator('[data-aadsts]').getAttribute('data-aadsts');
  await page.close();
  return code;
}
