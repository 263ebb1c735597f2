import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { chromium } from 'playwright-core';
import { HarnessRuntime, logEntry } from '../../src/core/runtime/harness-runtime';
import { startWebUi } from '../../src/core/runtime/web-api';
import { RunLog } from '../../src/core/runs/run-log';
import { summarize, type Timing } from '../stats';
import { resolveChromium } from '../../test/support/chromium-path';

const UI_DIR = fileURLToPath(new URL('../../out/renderer', import.meta.url));
const USER = 'adele.vance@contoso.com';

export interface RunLogResult {
  /** A run through the runtime (Cloudinary, IdP-initiated, provisioning) with the sign-in log on, and off. */
  withLog: Timing;
  withoutLog: Timing;
  ratio: number;
  /** Logged runs in the workspace the screen was opened on. */
  loggedRuns: number;
  /** Opening that workspace (the runtime reads the log's index). */
  openWorkspace: Timing;
  /** A click on "Sign-in logs" to its rows drawn, in Chromium. */
  openScreen: Timing;
}

/** Alternating blocks, so drift on a shared machine falls on both sides alike. */
async function roundTrips(flows: number): Promise<{ on: number[]; off: number[] }> {
  const dirs = [await mkdtemp(join(tmpdir(), 'bench-log-on-')), await mkdtemp(join(tmpdir(), 'bench-log-off-'))];
  const on = await HarnessRuntime.open({ dir: dirs[0]! });
  const off = await HarnessRuntime.open({ dir: dirs[1]!, runLog: false });
  const samples = { on: [] as number[], off: [] as number[] };
  const one = async (rt: HarnessRuntime, into?: number[]) => {
    const t = performance.now();
    const r = await rt.runFlow({ vendorId: 'cloudinary', flow: 'idp-initiated', user: USER });
    if (r.result.outcome.status !== 'signed-in') throw new Error(`the bench flow did not sign in: ${JSON.stringify(r.result.outcome)}`);
    into?.push(performance.now() - t);
  };
  try {
    for (let i = 0; i < 20; i++) await Promise.all([one(on), one(off)]);
    for (let block = 0; block < flows / 10; block++) {
      for (let i = 0; i < 10; i++) await one(on, samples.on);
      for (let i = 0; i < 10; i++) await one(off, samples.off);
    }
    return samples;
  } finally {
    await Promise.all([on.close(), off.close()]);
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  }
}

/** A workspace whose log holds `count` runs, each a real run's record under its own ID. */
async function filledWorkspace(count: number): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-log-10k-'));
  const rt = await HarnessRuntime.open({ dir, runLog: false });
  const users = rt.ws.tenant.users.map((u) => u.attributes.userprincipalname);
  const vendors = ['cloudinary', 'huggingface', 'imagen'];
  const samples = await Promise.all(vendors.flatMap((v) => users.slice(0, 3).map((u) => rt.runFlow({ vendorId: v, flow: 'idp-initiated', user: u }))));
  await rt.close();
  const log = await RunLog.open(dir, { max: count });
  for (let i = 0; i < count; i++) {
    const run = { ...samples[i % samples.length]!, id: randomBytes(8).toString('hex') };
    const source = i % 7 === 0 ? 'reproduced' : 'run';
    log.append(logEntry(run, source, { sp: run.vendorId, app: run.vendorId }), run);
    if (i % 500 === 499) await log.flush();
  }
  await log.flush();
  return dir;
}

export async function runLogBench(flows = 300, opens = 7, logged = 10_000): Promise<RunLogResult> {
  const { on, off } = await roundTrips(flows);
  const dir = await filledWorkspace(logged);
  const browser = await chromium.launch({ executablePath: (await resolveChromium()).path, args: ['--no-sandbox', '--disable-gpu'] });
  const openWorkspace: number[] = [];
  const openScreen: number[] = [];
  try {
    for (let i = 0; i < opens; i++) {
      const t0 = performance.now();
      const rt = await HarnessRuntime.open({ dir });
      const ui = await startWebUi(rt, { uiDir: UI_DIR });
      openWorkspace.push(performance.now() - t0);
      if (rt.log.entries().length !== logged) throw new Error(`the log holds ${rt.log.entries().length} runs, not ${logged}`);
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await page.goto(`${ui.origin}/#/tenant/users`);
      await page.waitForSelector('[data-app-ready="true"]');
      openScreen.push(
        await page.evaluate(`(async () => {
          const t0 = performance.now();
          [...document.querySelectorAll('nav.side button')].find((b) => b.textContent === 'Sign-in logs').click();
          await new Promise((resolve) => {
            const poll = () => (document.querySelectorAll('[data-testid=log-row]').length > 0 && /${logged} in the log/.test(document.querySelector('[data-testid=log-count]')?.textContent ?? '') ? resolve() : requestAnimationFrame(poll));
            poll();
          });
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
          return performance.now() - t0;
        })()`),
      );
      await page.close();
      await ui.stop();
      await rt.close();
    }
  } finally {
    await browser.close();
    await rm(dir, { recursive: true, force: true });
  }
  const withLog = summarize(on);
  const withoutLog = summarize(off);
  return { withLog, withoutLog, ratio: Math.round((withLog.p50 / withoutLog.p50) * 100) / 100, loggedRuns: logged, openWorkspace: summarize(openWorkspace), openScreen: summarize(openScreen) };
}
