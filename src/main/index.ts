import { app, BrowserWindow } from 'electron';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HarnessRuntime } from '../core/runtime/harness-runtime';
import { createBrowserView } from './browser-view';
import { registerIpc } from './ipc';
import { isOwnUrl, secureWindowOptions, workspaceArg } from './window-policy';

app.setName('saml-harness');
let runtime: HarnessRuntime | undefined;

async function createWindow(): Promise<void> {
  const dir = workspaceArg(process.argv) ?? join(app.getPath('userData'), 'workspace');
  runtime = await HarnessRuntime.open({ dir: resolve(dir) });
  const here = fileURLToPath(new URL('.', import.meta.url));
  const win = new BrowserWindow(secureWindowOptions(join(here, '../preload/index.cjs')));
  const ui = new URL(`file://${join(here, '../renderer/index.html')}`).toString();
  const browser = createBrowserView(win, runtime);
  registerIpc(runtime, (wc) => wc === win.webContents, { openBrowser: (u) => browser.open(u), closeBrowser: () => browser.close() });
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
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
