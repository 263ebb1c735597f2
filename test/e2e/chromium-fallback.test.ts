import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { resolveChromium } from '../support/chromium-path';
import { startWebMode } from '../support/web-ui';

describe('the Chromium the UI tests drive', () => {
  it('falls back to the registry package’s binary when told to skip CHROMIUM_PATH and the system, and it runs the UI', async () => {
    const choice = await resolveChromium({ skipEnv: true, skipSystem: true });
    expect(choice.from).toBe('@sparticuz/chromium');
    const browser = await chromium.launch({ executablePath: choice.path, args: ['--no-sandbox', '--disable-gpu'] });
    const web = await startWebMode();
    try {
      const page = await browser.newPage();
      await page.goto(web.url);
      await page.waitForSelector('[data-app-ready="true"]');
      expect(await page.title()).toContain('SAML Harness');
    } finally {
      await browser.close();
      await web.stop();
      await rm(web.workspace, { recursive: true, force: true });
    }
  });

  it('skips a CHROMIUM_PATH that exists but cannot be executed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'not-a-browser-'));
    const notExecutable = join(dir, 'chromium');
    await writeFile(notExecutable, '#!/bin/sh\n', { mode: 0o644 });
    const before = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = notExecutable;
    try {
      const choice = await resolveChromium({ skipSystem: true });
      expect(choice.path).not.toBe(notExecutable);
      expect(choice.from).toBe('@sparticuz/chromium');
    } finally {
      if (before === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = before;
      await rm(dir, { recursive: true, force: true });
    }
  });
});
