import { build } from 'vite';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { resolveChromium } from './support/chromium-path';

/**
 * Tests drive what users run: the built renderer, as web mode serves it, and the bundled CLI (the package's
 * bin). Both are built once per test run.
 */
export default async function setup(): Promise<void> {
  execFileSync(process.execPath, [fileURLToPath(new URL('../scripts/build-cli.mjs', import.meta.url))], { stdio: 'inherit' });
  await build({ configFile: fileURLToPath(new URL('../vite.renderer.config.ts', import.meta.url)), logLevel: 'warn' });
  // Where the fallback Chromium is used, it is unpacked here, once: test files asking for it at the same time
  // would otherwise unpack it over each other.
  const browser = await resolveChromium();
  process.stdout.write(`UI tests drive Chromium from ${browser.from}: ${browser.path}\n`);
}
