import { app, BrowserWindow, shell } from 'electron';
import { join } from 'node:path';
import { resolveWorkspaceDir } from '../core/workspace/default-dir';
import { fileURLToPath } from 'node:url';
import { HarnessRuntime } from '../core/runtime/harness-runtime';
import { createBrowserView } from './browser-view';
import { registerIpc } from './ipc';
import { externalLinkAllowed, isOwnUrl, secureWindowOptions, workspaceArg } from './window-policy';
import { VENDORS } from '../core/vendors/registry';

app.setName('saml-harness');
let runtime: HarnessRuntime | undefined;

async function createWindow(): Promise<void> {
  // The same rule as web mode and the CLI: --workspace, SAML_HARNESS_WORKSPACE, or the user-data folder.
  runtime = await HarnessRuntime.open({ dir: resolveWorkspaceDir(workspaceArg(process.argv)) });
  const here = fileURLToPath(new URL('.', import.meta.url));
  const options = secureWindowOptions(join(here, '../preload/index.cjs'));
  // Kept where the launch test (test/electron) reads the preferences the window really got.
  (globalThis as { harnessWindowPreferences?: unknown }).harnessWindowPreferences = options.webPreferences;
  const win = new BrowserWindow(options);
  const ui = new URL(`file://${join(here, '../renderer/index.html')}`).toString();
  const browser = createBrowserView(win, runtime);
  registerIpc(runtime, (wc) => wc === win.webContents, { openBrowser: (u) => browser.open(u), closeBrowser: () => browser.close() });
  const guides = Object.values(VENDORS).flatMap((v) => (v.guideUrl ? [v.guideUrl] : []));
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (externalLinkAllowed(url, guides)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (event, url) => {
    if (!isOwnUrl(url, ui)) event.preventDefault();
  });
  await win.loadURL(ui);
}

app.whenReady().then(createWindow, (e: unknown) => {
  console.error(e);
  app.quit();
});

app.on('window-all-closed', () => {
  void (runtime?.close() ?? Promise.resolve()).finally(() => app.quit());
});
