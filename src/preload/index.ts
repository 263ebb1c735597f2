import { contextBridge } from 'electron';

/** The one object the renderer gets; the typed API grows with the UI. */
contextBridge.exposeInMainWorld('harness', { platform: process.platform, electron: true });
