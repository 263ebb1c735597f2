import { app, BrowserWindow } from 'electron';
import { fileURLToPath } from 'node:url';
import { startHarness, type RunningHarness } from '../core/host/harness';
import { demoState } from '../core/demo/demo-state';
import { secureWindowOptions, isOwnUrl } from './window-policy';

let harness: RunningHarness | undefined;

async function createWindow(): Promise<void> {
  const state = await demoState(new Date());
  harness = await startHarness({ state: () => state });
  const origin = harness.origin;
  const win = new BrowserWindow(secureWindowOptions(fileURLToPath(new URL('../preload/index.cjs', import.meta.url))));
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-navigate', (event, url) => {
    if (!isOwnUrl(url, origin)) event.preventDefault();
  });
  await win.loadURL(`${origin}/`);
}

app.whenReady().then(createWindow, (e: unknown) => {
  console.error(e);
  app.quit();
});

app.on('window-all-closed', () => {
  void harness?.stop().finally(() => app.quit());
});
