// The narrow bridge between the sandboxed renderer and the main process: a fixed set of channels,
// nothing else of Electron or Node is exposed. Bundled as CommonJS (sandboxed preloads need it).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { CommandName, HostEvent } from '../../shared/ipc';

contextBridge.exposeInMainWorld('plandesk', {
  mode: 'electron',
  // Returns an {ok, value|error} envelope: main validates the arguments again.
  invoke: (name: CommandName, args: unknown) => ipcRenderer.invoke('plandesk:invoke', name, args),
  fileAction: (action: string, arg?: string, target?: unknown) => ipcRenderer.invoke('plandesk:file', action, arg, target),
  // A file dropped on the window, as bytes (main checks the sender and the size).
  upload: (name: string, bytes: ArrayBuffer) => ipcRenderer.invoke('plandesk:upload', name, bytes),
  recentFiles: () => ipcRenderer.invoke('plandesk:recent'),
  on: (listener: (e: HostEvent) => void) => {
    const wrapped = (_e: IpcRendererEvent, event: HostEvent) => listener(event);
    ipcRenderer.on('plandesk:event', wrapped);
    return () => ipcRenderer.removeListener('plandesk:event', wrapped);
  },
});
