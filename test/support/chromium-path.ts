import { constants } from 'node:fs';
import { access } from 'node:fs/promises';

/** Where a system Chromium or Chrome usually is, in the order tried. */
export const SYSTEM_CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium'];

export interface ChromiumChoice {
  path: string;
  /** Which rule chose it: the environment, a system install, or the registry package's own binary. */
  from: 'CHROMIUM_PATH' | 'system' | '@sparticuz/chromium';
}

export interface ResolveOptions {
  /** Ignore CHROMIUM_PATH (the resolver's test uses this to reach the fallback). */
  skipEnv?: boolean;
  /** Ignore the system locations. */
  skipSystem?: boolean;
}

async function executable(path: string): Promise<boolean> {
  return access(path, constants.X_OK).then(
    () => true,
    () => false,
  );
}

/**
 * The Chromium the UI tests and the bench drive: CHROMIUM_PATH, else a system Chromium or Chrome, else the binary
 * that @sparticuz/chromium ships in the npm registry (so `npm ci && npm test` needs no browser on the machine).
 * A candidate that exists but cannot be executed is skipped.
 */
export async function resolveChromium(opts: ResolveOptions = {}): Promise<ChromiumChoice> {
  const fromEnv = opts.skipEnv ? undefined : process.env.CHROMIUM_PATH;
  if (fromEnv && (await executable(fromEnv))) return { path: fromEnv, from: 'CHROMIUM_PATH' };
  if (!opts.skipSystem) {
    for (const path of SYSTEM_CHROMIUMS) if (await executable(path)) return { path, from: 'system' };
  }
  // Imported only here: it unpacks its binary into the temp folder the first time it is asked for the path.
  const { default: packaged } = await import('@sparticuz/chromium');
  return { path: await packaged.executablePath(), from: '@sparticuz/chromium' };
}
