// Files dropped on the consolidation board: the page has no paths (Electron's sandbox, a browser), so
// each file's bytes go to the host through bridge.upload — the upload the import's drop uses — and
// are staged at once in one batch (the host keeps only two uploads waiting), one after the other;
// the batch is then collected like a folder. A dropped folder is walked through the drop's file-system
// entries (its sub-folders too, the spreadsheets only, as the host walks a folder it is given).
import { isUnitSheetInFolder, MAX_UNIT_FILES, skippedInFolder } from '../../../../shared/consolidation/unit-files';
import type { PlanDeskBridge } from '../../../../shared/ipc';
import { BridgeFailure } from '../../bridge';

/** A dropped file as the page sees it (the DOM's File). */
export interface DroppedFile {
  name: string;
  size: number;
  type: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** Files among the dropped items: a folder shows as an empty, typeless entry that cannot be read. */
export function droppedFiles(list: ArrayLike<DroppedFile>): DroppedFile[] {
  return Array.from(list).filter((f) => f.size > 0 || f.type !== '');
}

/** The part of the DOM's FileSystemEntry a walk needs (tests give plain objects). */
export interface DropEntry {
  name: string;
  isFile: boolean;
  isDirectory: boolean;
  file?(ok: (f: DroppedFile) => void, fail: (e: unknown) => void): void;
  createReader?(): { readEntries(ok: (entries: DropEntry[]) => void, fail: (e: unknown) => void): void };
}


/**
 * The files of a drop: each dropped file as it is, each dropped folder walked (sub-folders too;
 * sorted by name; hidden and lock files and non-spreadsheets left out). `entries` must be taken from
 * the DataTransfer during the drop event (webkitGetAsEntry); `plain` are the event's files, used for
 * an item that gives no entry.
 */
export async function filesOfDrop(entries: readonly (DropEntry | null)[], plain: ArrayLike<DroppedFile>): Promise<DroppedFile[]> {
  const out: DroppedFile[] = [];
  const push = (f: DroppedFile) => {
    if (out.length >= MAX_UNIT_FILES) throw new BridgeFailure({ code: 'consolidation.error.too_many', params: { max: MAX_UNIT_FILES } });
    out.push(f);
  };
  const fileOf = (e: DropEntry) => new Promise<DroppedFile>((ok, fail) => e.file!(ok, fail));
  const readAll = async (dir: DropEntry): Promise<DropEntry[]> => {
    // readEntries gives its entries in batches (Chromium: 100) until an empty one.
    const reader = dir.createReader!();
    const all: DropEntry[] = [];
    for (;;) {
      const batch = await new Promise<DropEntry[]>((ok, fail) => reader.readEntries(ok, fail));
      if (!batch.length) return all;
      all.push(...batch);
    }
  };
  const walk = async (dir: DropEntry): Promise<void> => {
    const children = (await readAll(dir)).sort((a, b) => a.name.localeCompare(b.name));
    for (const c of children) {
      if (skippedInFolder(c.name)) continue;
      if (c.isDirectory) await walk(c);
      else if (c.isFile && isUnitSheetInFolder(c.name)) push(await fileOf(c));
    }
  };
  const files = Array.from(plain);
  for (const [i, e] of entries.entries()) {
    if (e?.isDirectory && e.createReader) await walk(e);
    else if (e?.isFile && e.file) push(await fileOf(e));
    else if (files[i] && droppedFiles([files[i]]).length) push(files[i]);
  }
  // Items without entries at all (an older page): the plain files.
  if (!entries.length) for (const f of droppedFiles(files)) push(f);
  return out;
}

/** Upload and stage each file in one batch; its id for consolidation/start. */
export async function stageDropped(bridge: Pick<PlanDeskBridge, 'upload' | 'invoke'>, files: readonly DroppedFile[], onProgress?: (done: number) => void): Promise<string> {
  let batch: string | undefined;
  for (const [i, f] of files.entries()) {
    const up = await bridge.upload(f.name, await f.arrayBuffer());
    if (!up.ok) throw new BridgeFailure(up.error);
    batch = (await bridge.invoke('consolidation/stage', { upload: up.id, ...(batch ? { batch } : {}) })).batch;
    onProgress?.(i + 1);
  }
  if (!batch) throw new BridgeFailure({ code: 'error.invalid_args', params: { detail: 'files' } });
  return batch;
}
