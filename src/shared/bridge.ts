import type { Api } from './api';

/** What the preload puts on window.harness in the desktop app. Web mode has no bridge and uses HTTP. */
export interface HarnessBridge extends Api {
  kind: 'electron';
  /** Opens a real URL (https://login.microsoftonline.com/…) in the app's browser view, answered by the harness. */
  openBrowser(url: string): Promise<void>;
  closeBrowser(): Promise<void>;
}
