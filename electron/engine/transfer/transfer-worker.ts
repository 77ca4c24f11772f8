// Worker-thread entry for the import dialogs' quick looks at a workbook (bundled to
// dist/electron/transfer-worker.cjs by scripts/build.mjs): its sheets, and one sheet's first rows
// with the importer's reading of its header. Opening an .xls or .ods parses the whole file
// synchronously (SheetJS): here it cannot stall the host, and a hostile file only ends this thread.
// Protocol (worker-runner.ts): in {type:'sheets', input} | {type:'preview', input, sheet, mapping?}
// | {type:'cancel'}; out {type:'done', value} | {type:'error', code, params}.
import { parentPort } from 'node:worker_threads';
import { ImportError, parseMapping, readImportInput, type ImportInput, type ImportMapping } from '../excel';
import { openWorkbook } from '../excel/open';
import { META_SHEET } from '../excel/planmeta';
import { fold } from '../excel/text';
import { sheetPreview } from './preview';

export type TransferTask =
  | { type: 'sheets'; input: ImportInput }
  | { type: 'preview'; input: ImportInput; sheet: string | number; mapping?: ImportMapping; columnKeys?: string[] };

const ac = new AbortController();

async function run(task: TransferTask): Promise<unknown> {
  const wb = await openWorkbook(await readImportInput(task.input), { signal: ac.signal });
  const sheets = wb.sheets.filter((s) => s.name !== META_SHEET);
  if (task.type === 'sheets') return sheets;
  const mapping = task.mapping ? parseMapping(task.mapping, task.columnKeys) : undefined;
  const wanted = task.sheet;
  const idx = typeof wanted === 'number' ? wanted : wb.sheets.findIndex((s) => s.name === wanted.normalize('NFC') || fold(s.name) === fold(wanted));
  if (idx < 0 || idx >= wb.sheets.length) {
    throw new ImportError('excel.error.sheet_not_found', { sheet: String(wanted), sheets: sheets.map((s) => s.name).join(', ') });
  }
  return sheetPreview(await wb.load(idx, { signal: ac.signal }), mapping);
}

parentPort?.on('message', (msg: TransferTask | { type: 'cancel' }) => {
  if (msg.type === 'cancel') {
    ac.abort();
    return;
  }
  run(msg).then(
    (value) => parentPort?.postMessage({ type: 'done', value }),
    (e) => {
      if (e instanceof ImportError) parentPort?.postMessage({ type: 'error', code: e.code, params: e.params });
      else parentPort?.postMessage({ type: 'error', code: 'error.internal', params: { detail: String((e as Error)?.message ?? e).slice(0, 300) } });
    },
  );
});
