// Files dropped on the consolidation board: the page has no paths (Electron's sandbox, a browser), so
// each file's bytes go to the host through bridge.upload — the upload the import's drop uses — and
// are staged at once in one batch (the host keeps only two uploads waiting), one after the other;
// the batch is then collected like a folder. Folders dropped are left out (no bytes): the board's
// "Chọn thư mục…" takes a folder.
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
