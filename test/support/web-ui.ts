import { chromium, type Browser, type Page } from 'playwright-core';
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HarnessRuntime } from '../../src/core/runtime/harness-runtime';
import { startWebUi, type WebUi } from '../../src/core/runtime/web-api';
import { resolveChromium } from './chromium-path';

export const UI_DIR = fileURLToPath(new URL('../../out/renderer', import.meta.url));
export const ARTIFACTS = fileURLToPath(new URL('../artifacts', import.meta.url));

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  const { path } = await resolveChromium();
  return chromium.launch({ executablePath: path, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

export interface WebMode {
  rt: HarnessRuntime;
  /** The UI's own listener (apart from the tenant's, rt.origin). */
  ui: WebUi;
  workspace: string;
  /** The UI's address. */
  url: string;
  /** Stops the UI and the runtime (the workspace stays). */
  stop(): Promise<void>;
}

/** Web mode on a fresh workspace (or the given one), as `npm run web` starts it: the runtime, then the UI's listener. */
export async function startWebMode(dir?: string, port?: number): Promise<WebMode> {
  const workspace = dir ?? (await mkdtemp(join(tmpdir(), 'harness-e2e-')));
  const rt = await HarnessRuntime.open({ dir: workspace });
  const ui = await startWebUi(rt, { uiDir: UI_DIR, ...(port !== undefined ? { port } : {}) });
  return { rt, ui, workspace, url: `${ui.origin}/`, stop: async () => (await ui.stop(), await rt.close()) };
}

/** Opens the UI and waits until it has the workspace, collecting what the page logs as errors. */
export async function openUi(browser: Browser, url: string, viewport = { width: 1280, height: 800 }): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(url);
  await page.waitForSelector('[data-app-ready="true"]');
  return { page, errors };
}

/** A screenshot in test/artifacts: the whole page, or (viewport) only what the window shows, as the user sees it. */
export async function shot(page: Page, name: string, opts: { viewport?: boolean } = {}): Promise<void> {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: !opts.viewport });
}

export interface WebUiSession {
  browser: Browser;
  rt: HarnessRuntime;
  ui: WebUi;
  page: Page;
  /** What the page logged as errors. */
  errors: string[];
  workspace: string;
  close(): Promise<void>;
}

/** Chromium on web mode over a fresh demo workspace, one page open at the given size; close() removes it all. */
export async function openWebUiSession(viewport = { width: 1440, height: 900 }): Promise<WebUiSession> {
  const browser = await launchChromium();
  const web = await startWebMode();
  const { rt, ui, workspace, url } = web;
  const { page, errors } = await openUi(browser, url, viewport);
  return {
    browser,
    rt,
    ui,
    page,
    errors,
    workspace,
    close: async () => {
      await browser.close();
      await web.stop();
      await rm(workspace, { recursive: true, force: true });
    },
  };
}
