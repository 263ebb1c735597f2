import { API_ARGS, type ApiMethod } from '../shared/api';
import { CHANNELS, channel } from '../shared/channels';
import { handleApiCall } from '../core/runtime/api-handlers';
import type { HarnessRuntime } from '../core/runtime/harness-runtime';

export interface BrowserControl {
  openBrowser(url: string): Promise<void>;
  closeBrowser(): Promise<void>;
}

type Failure = { ok: false; code: string; message: string };
/** A handler as ipcMain.handle gets it, with the sender reduced to what the guard needs. */
export type IpcHandler<S> = (sender: S, arg: unknown) => Promise<unknown>;

/**
 * Every IPC channel and its handler, without Electron so it can be tested. A call from anything but the app's
 * own window is refused; arguments are validated against the shared schemas inside handleApiCall; failures
 * come back as values with a code.
 */
export function ipcHandlers<S>(rt: HarnessRuntime, isOwnSender: (sender: S) => boolean, browser: BrowserControl): Map<string, IpcHandler<S>> {
  const guard =
    (fn: (arg: unknown) => Promise<unknown>): IpcHandler<S> =>
    async (sender, arg) =>
      isOwnSender(sender) ? fn(arg) : ({ ok: false, code: 'FORBIDDEN_SENDER', message: 'Calls are accepted from the harness window only.' } satisfies Failure);
  const handlers = new Map<string, IpcHandler<S>>();
  for (const method of Object.keys(API_ARGS) as ApiMethod[]) {
    handlers.set(
      channel(method),
      guard((args) => handleApiCall(rt, method, args)),
    );
  }
  handlers.set(
    CHANNELS.openBrowser,
    guard(async (url) => {
      if (!isBrowsableUrl(url)) return { ok: false, code: 'BAD_URL', message: 'Only https URLs open in the browser view.' } satisfies Failure;
      await browser.openBrowser(url);
      return { ok: true, value: undefined };
    }),
  );
  handlers.set(
    CHANNELS.closeBrowser,
    guard(async () => browser.closeBrowser().then(() => ({ ok: true, value: undefined }))),
  );
  return handlers;
}

function isBrowsableUrl(url: unknown): url is string {
  if (typeof url !== 'string') return false;
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}
