import { ipcMain, type WebContents } from 'electron';
import type { HarnessRuntime } from '../core/runtime/harness-runtime';
import { ipcHandlers, type BrowserControl } from './ipc-handlers';

/** Registers the handlers of ipc-handlers.ts with Electron. */
export function registerIpc(rt: HarnessRuntime, isOwnSender: (wc: WebContents) => boolean, browser: BrowserControl): void {
  for (const [name, handler] of ipcHandlers(rt, isOwnSender, browser)) {
    ipcMain.handle(name, (event, arg: unknown) => handler(event.sender, arg));
  }
}
