import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { summarize, type Timing } from '../stats';
import { resolveChromium } from '../../test/support/chromium-path';

const CLI = fileURLToPath(new URL('../../dist/cli.mjs', import.meta.url));

export interface UiResult {
  /** From starting `saml-harness web` on an existing workspace to the app answering in Chromium. */
  launchToInteractive: Timing;
  /** The same, the host's part only: start to printing its URL. */
  launchToServing: Timing;
  /** Rendering a ~1 MB SAMLResponse in the trace's code view. */
  render1Mb: Timing;
  renderedBytes: number;
}

/** Every web-mode process the bench starts, so none outlives it. */
const started = new Set<ChildProcess>();

async function startWeb(dir: string): Promise<{ child: ChildProcess; url: string; servingMs: number }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [CLI, 'web', '--port', '0', '--workspace', dir], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, NO_COLOR: '1' } });
  started.add(child);
  child.once('exit', () => started.delete(child));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`web mode exited (${code}): ${out}`)));
  });
  return { child, url, servingMs: performance.now() - t0 };
}

const stop = (c: ChildProcess) => new Promise<void>((done) => (c.exitCode !== null ? done() : (c.once('exit', () => done()), c.kill('SIGINT'))));

/** Time from a click to the code view painting the message: its content in the DOM and two frames drawn. */
async function renderTime(page: Page, hopIndex: number): Promise<number> {
  await page.locator('[data-testid=trace] li button').nth(0).click();
  await page.waitForFunction(() => !document.querySelector('[data-testid=xml-view]'));
  // Passed as text: tsx would wrap a function's inner helpers in a __name() the page does not have.
  return page.evaluate(`(async () => {
    const t0 = performance.now();
    document.querySelectorAll('[data-testid=trace] li button')[${hopIndex}].click();
    await new Promise((resolve) => {
      const poll = () => (document.querySelector('[data-testid=xml-view] .cm-content') ? resolve() : requestAnimationFrame(poll));
      poll();
    });
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return performance.now() - t0;
  })()`);
}

export async function uiBench(launches = 7, renders = 7): Promise<UiResult> {
  const dir = await mkdtemp(join(tmpdir(), 'harness-bench-ui-'));
  const browser = await chromium.launch({ executablePath: (await resolveChromium()).path, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const first = await startWeb(dir); // seeds the workspace; what follows is a user's every-day start
    await stop(first.child);
    const interactive: number[] = [];
    const serving: number[] = [];
    let last: Awaited<ReturnType<typeof startWeb>> | undefined;
    for (let i = 0; i < launches; i++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const t0 = performance.now();
      const web = await startWeb(dir);
      await page.goto(web.url);
      await page.waitForSelector('[data-app-ready="true"]');
      interactive.push(performance.now() - t0);
      serving.push(web.servingMs);
      if (i < launches - 1) {
        await page.close();
        await stop(web.child);
      } else last = web;
    }
    const page = browser.contexts()[0]!.pages().at(-1)!;
    const values = Array.from({ length: 12_000 }, (_, i) => `group-${String(i).padStart(5, '0')}-of-a-very-large-directory-with-many-nested-memberships`);
    await page.evaluate(async (vals) => {
      const token = document.querySelector('meta[name="harness-token"]')!.getAttribute('content')!;
      const r = await fetch('/api/rpc/attributeSets.save', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-harness-token': token },
        body: JSON.stringify({ set: { id: 'bench-1mb', name: 'Bench: 1 MB of values', values: { 'user.givenname': vals } } }),
      });
      if (!(await r.json()).ok) throw new Error('attribute set not saved');
    }, values);
    await page.goto(`${last!.url}#/run`);
    await page.reload();
    await page.waitForSelector('[data-app-ready="true"]');
    // Cloudinary's FirstName claim takes user.givenname, so the set's values all travel in the response.
    await page.selectOption('select[name=vendor]', 'cloudinary');
    await page.selectOption('select[name=flow]', 'idp-initiated');
    await page.selectOption('select[name=user]', 'megan.bowen@contoso.com');
    await page.selectOption('select[name=attribute-set]', 'bench-1mb');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.waitForSelector('[data-testid=outcome]', { timeout: 60_000 });
    const hopIndex = await page.evaluate(() => Array.from(document.querySelectorAll('[data-testid=trace] li')).findIndex((li) => li.textContent?.includes('Response')));
    const renderedBytes = (await page.locator('[data-testid=xml-view]').count())
      ? await page.evaluate(() => (document.querySelector('[data-testid=xml-view]') as HTMLElement & { dataset: DOMStringMap }).dataset.length ?? '0').then(Number)
      : 0;
    const samples: number[] = [];
    for (let i = 0; i < renders; i++) samples.push(await renderTime(page, hopIndex));
    await stop(last!.child);
    return { launchToInteractive: summarize(interactive), launchToServing: summarize(serving), render1Mb: summarize(samples), renderedBytes };
  } finally {
    await browser.close();
    await Promise.all([...started].map(stop));
    await rm(dir, { recursive: true, force: true });
  }
}
