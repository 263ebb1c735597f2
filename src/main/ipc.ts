import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { API_ARGS, type ApiMethod } from '../shared/api';
import { CHANNELS, channel } from '../shared/channels';
import { handleApiCall } from '../core/runtime/api-handlers';
import type { HarnessRuntime } from '../core/runtime/harness-runtime';

/**
 * One handler per API method. A call from anything but the app's own window is dropped; arguments are
 * validated against the shared schemas inside handleApiCall; failures come back as values with a code.
 */
export function registerIpc(rt: HarnessRuntime, isOwnSender: (wc: WebContents) => boolean, extra: { openBrowser(url: string): Promise<void>; closeBrowser(): Promise<void> }): void {
  const guard =
    <T>(fn: (event: IpcMainInvokeEvent, arg: unknown) => Promise<T>) =>
    async (event: IpcMainInvokeEvent, arg: unknown): Promise<T | { ok: false; code: string; message: string }> =>
      isOwnSender(event.sender) ? fn(event, arg) : { ok: false, code: 'FORBIDDEN_SENDER', message: 'Calls are accepted from the harness window only.' };
  for (const method of Object.keys(API_ARGS) as ApiMethod[]) {
    ipcMain.handle(channel(method), guard(async (_e, args) => handleApiCall(rt, method, args)));
  }
  ipcMain.handle(CHANNELS.origin, guard(async () => rt.origin));
  ipcMain.handle(
    CHANNELS.openBrowser,
    guard(async (_e, url) => {
      if (typeof url !== 'string' || !/^https:\/\//.test(url)) return { ok: false, code: 'BAD_URL', message: 'Only https URLs open in the browser view.' };
      await extra.openBrowser(url);
      return { ok: true, value: undefined };
    }),
  );
  ipcMain.handle(CHANNELS.closeBrowser, guard(async () => extra.closeBrowser().then(() => ({ ok: true, value: undefined }))));
}
