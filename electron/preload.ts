/**
 * Sandboxed preload, bundled into one file: it may use only `electron`'s contextBridge and
 * ipcRenderer. It hands the page two functions, never ipcRenderer itself, so the page can
 * reach no IPC channel but these two. main re-checks every argument; nothing is trusted here.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { DESKTOP_BRIDGE_KEY, DESKTOP_CHANNELS, type PickedFile, type QianzhaoDesktop, type SaveFileResult } from '../shared/desktop-bridge';

const bridge: QianzhaoDesktop = {
  pickFiles: (options) => ipcRenderer.invoke(DESKTOP_CHANNELS.pickFiles, options) as Promise<PickedFile[]>,
  saveFile: (options) => ipcRenderer.invoke(DESKTOP_CHANNELS.saveFile, options) as Promise<SaveFileResult>,
};

contextBridge.exposeInMainWorld(DESKTOP_BRIDGE_KEY, bridge);
