/** IPC channel names. No imports: the sandboxed preload bundles this file and nothing of the core. */
export const channel = (method: string): string => `harness:${method}`;

export const CHANNELS = {
  openBrowser: 'harness:app.openBrowser',
  closeBrowser: 'harness:app.closeBrowser',
} as const;
