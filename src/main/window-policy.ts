import type { BrowserWindowConstructorOptions } from 'electron';

/** The privileged window: isolated, sandboxed, no Node in the page. */
export function secureWindowOptions(preload: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    title: 'SAML Harness',
    show: true,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    },
  };
}

/** Navigation is allowed only to the harness's own UI document. */
export function isOwnUrl(url: string, ui: string): boolean {
  try {
    const a = new URL(url);
    const b = new URL(ui);
    return a.protocol === b.protocol && a.host === b.host && a.pathname === b.pathname;
  } catch {
    return false;
  }
}

/** `--workspace DIR` or `--workspace=DIR` from the command line. */
export function workspaceArg(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--workspace') return argv[i + 1];
    if (a.startsWith('--workspace=')) return a.slice('--workspace='.length);
  }
  return undefined;
}

/**
 * A link the page asks to open in a new window is opened in the user's browser only when it is exactly one of the
 * given pages (the vendors' public guides); everything else is refused.
 */
export function externalLinkAllowed(url: string, allowed: readonly string[]): boolean {
  try {
    return new URL(url).protocol === 'https:' && allowed.includes(url);
  } catch {
    return false;
  }
}
