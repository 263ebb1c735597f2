import { build } from 'vite';
import { fileURLToPath } from 'node:url';

/** The UI tests drive the built renderer, as web mode serves it; build it once per run. */
export default async function setup(): Promise<void> {
  await build({ configFile: fileURLToPath(new URL('../../vite.renderer.config.ts', import.meta.url)), logLevel: 'warn' });
}
