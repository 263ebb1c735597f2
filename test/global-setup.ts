import { build } from 'vite';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Tests drive what users run: the built renderer, as web mode serves it, and the bundled CLI (the package's
 * bin). Both are built once per test run.
 */
export default async function setup(): Promise<void> {
  execFileSync(process.execPath, [fileURLToPath(new URL('../scripts/build-cli.mjs', import.meta.url))], { stdio: 'inherit' });
  await build({ configFile: fileURLToPath(new URL('../vite.renderer.config.ts', import.meta.url)), logLevel: 'warn' });
}
