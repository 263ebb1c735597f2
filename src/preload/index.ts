import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS, channel } from '../shared/channels';
import type { HarnessBridge } from '../shared/bridge';

/** The one object the renderer gets: named calls, never the raw ipcRenderer. */
const bridge: HarnessBridge = {
  kind: 'electron',
  call: (method, args) => ipcRenderer.invoke(channel(method), args),
  openBrowser: (url) => ipcRenderer.invoke(CHANNELS.openBrowser, url),
  closeBrowser: () => ipcRenderer.invoke(CHANNELS.closeBrowser),
};

contextBridge.exposeInMainWorld('harness', bridge);
