#!/usr/bin/env node
// `npm start`: the desktop app where Electron's binary is installed, web mode where it is not.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const forceWeb = args.includes('--web') || process.env.SAML_HARNESS_WEB === '1';

function electronBinary() {
  try {
    const dir = dirname(require.resolve('electron/package.json'));
    const rel = readFileSync(join(dir, 'path.txt'), 'utf8');
    const bin = join(dir, 'dist', rel);
    return existsSync(bin) ? bin : undefined;
  } catch {
    return undefined;
  }
}

/** The binary comes from Electron's download host, not the npm registry; try once, briefly. */
function tryFetchElectron() {
  const dir = dirname(require.resolve('electron/package.json'));
  const r = spawnSync(process.execPath, [join(dir, 'install.js')], { stdio: 'ignore', timeout: 120_000 });
  return r.status === 0 ? electronBinary() : undefined;
}

/** A package's CLI script; packages that declare "exports" do not let require.resolve reach it directly. */
const binOf = (pkg, rel) => join(dirname(require.resolve(`${pkg}/package.json`)), rel);

function run(cmd, argv) {
  const child = spawn(cmd, argv, { stdio: 'inherit' });
  const forward = (sig) => child.kill(sig);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code) => process.exit(code ?? 0));
}

let electron = forceWeb ? undefined : (electronBinary() ?? tryFetchElectron());
if (electron) {
  const build = spawnSync(process.execPath, [binOf('electron-vite', 'bin/electron-vite.js'), 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  run(electron, ['.', ...args.filter((a) => a !== '--web')]);
} else {
  if (!forceWeb) {
    process.stdout.write(
      "Electron's binary is not installed here and could not be fetched (it comes from Electron's own download host).\n" +
        'Starting web mode instead: the same app, served on 127.0.0.1 for your browser.\n\n',
    );
  }
  const build = spawnSync(process.execPath, [binOf('vite', 'bin/vite.js'), 'build', '--config', 'vite.renderer.config.ts', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  run(process.execPath, [require.resolve('tsx/cli'), 'src/cli/main.ts', 'web', ...args.filter((a) => a !== '--web')]);
}
