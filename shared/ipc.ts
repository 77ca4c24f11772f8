// The contract between the UI and the engine, typed once: every command's arguments (as zod
// schemas, validated again on the engine side of every bridge) and its result type.
// Electron's IPC, the browser-mode loopback bridge and the tests all go through this map.
import type { z } from 'zod';
import type { BridgeError, FileInfo } from './protocol';
import type { PrintTarget } from './print/print-target';
import { areaCommandArgs, type AreaCommandResults } from './commands';
import { coreCommandArgs, type CoreCommandResults } from './commands/core';

// The shapes every command shares live in protocol.ts; importers keep finding them here.
export type { BridgeError, FileInfo, Patch, RowView, Snapshot, UndoState } from './protocol';

// The core commands are declared in shared/commands/core.ts; importers keep finding them here.
export { coreCommandArgs, META_TEXT_MAX, type CoreCommandResults } from './commands/core';

/** Argument schemas of every engine command: the core's and each area's. */
export const commandArgs = { ...coreCommandArgs, ...areaCommandArgs };

export type CommandName = keyof typeof commandArgs;
export type CommandArgs<K extends CommandName> = z.infer<(typeof commandArgs)[K]>;






export interface CommandResults extends CoreCommandResults, AreaCommandResults {}


/** The bridge the renderer sees (preload in Electron, loopback HTTP in browser mode). */
export interface PlanDeskBridge {
  invoke<K extends CommandName>(name: K, args: CommandArgs<K>): Promise<CommandResults[K]>;
  /**
   * File-level actions handled by the host (dialogs live in Electron's main process). 'print' and
   * 'exportPdf' print the open cycle's annex with its saved settings — `target` says which (the plan
   * annex when absent, or the allocation annex of a funding column); exportPdf's `file` is the PDF.
   * 'openInNewWindow' and 'newInNewWindow' (Electron only) open or create a plan in a window of its
   * own; a plan already open in a window is brought to the front instead.
   */
  fileAction(
    action: 'new' | 'open' | 'saveAs' | 'openRecent' | 'print' | 'exportPdf' | 'openInNewWindow' | 'newInNewWindow',
    arg?: string,
    target?: PrintTarget,
  ): Promise<FileActionResult>;
  /**
   * Hand the host a spreadsheet the person picked or dropped in the page (bytes, at most 100 MB):
   * the answer's id starts an import ('transfer/start' with source {kind: 'upload', id}).
   */
  upload(name: string, bytes: ArrayBuffer): Promise<{ ok: true; id: string } | { ok: false; error: BridgeError }>;
  /** The recent-files list the host keeps (newest first), for File → recent files. */
  recentFiles(): Promise<string[]>;
  /** Subscribe to host events (e.g. the menu asked to undo, the file changed). Returns unsubscribe. */
  on(listener: (event: HostEvent) => void): () => void;
  readonly mode: 'electron' | 'browser';
}

export type FileActionResult = { ok: true; file: FileInfo | null } | { ok: false; error: BridgeError };

export type HostEvent =
  | { type: 'file-changed'; file: FileInfo }
  | { type: 'menu'; action: string };
