#!/usr/bin/env node
// Bundles the command line into dist/cli.mjs (the package's bin) and the Node API into dist/api.mjs (the
// package's import), with the SAML schemas the validator reads from beside its module. npm packages stay
// external: they are installed next to it. `npm run build:types` writes the API's declarations.
import { build } from 'esbuild';
import { chmodSync, cpSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

const common = { bundle: true, platform: 'node', target: 'node20', format: 'esm', packages: 'external', sourcemap: 'linked', logLevel: 'warning' };
await build({ ...common, entryPoints: [`${root}src/cli/main.ts`], outfile: `${root}dist/cli.mjs`, banner: { js: '#!/usr/bin/env node' } });
await build({ ...common, entryPoints: [`${root}src/api/index.ts`], outfile: `${root}dist/api.mjs` });
cpSync(`${root}src/core/xml/schemas`, `${root}dist/schemas`, { recursive: true });
chmodSync(`${root}dist/cli.mjs`, 0o755);
