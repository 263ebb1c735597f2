/** IPC channel names. No imports: the sandboxed preload bundles this file and nothing of the core. */
export const channel = (method: string): string => `harness:${method}`;

export const CHANNELS = {
  /** The loopback origin of the host (for outcome pages and downloads). */
  origin: 'harness:app.origin',
  openBrowser: 'harness:app.openBrowser',
  closeBrowser: 'harness:app.closeBrowser',
} as const;
