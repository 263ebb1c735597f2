#!/usr/bin/env node
// Bundles the command line into dist/cli.mjs (the package's bin), with the SAML schemas the validator reads
// from beside its module. npm packages stay external: they are installed next to it.
import { build } from 'esbuild';
import { chmodSync, cpSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

await build({
  entryPoints: [`${root}src/cli/main.ts`],
  outfile: `${root}dist/cli.mjs`,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: 'linked',
  banner: { js: '#!/usr/bin/env node' },
  logLevel: 'warning',
});
cpSync(`${root}src/core/xml/schemas`, `${root}dist/schemas`, { recursive: true });
chmodSync(`${root}dist/cli.mjs`, 0o755);
