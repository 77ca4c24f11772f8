// The limits of every spreadsheet job run in a worker thread, in one place: the window's import and
// its dialogs (transfer/jobs.ts), browser mode, and `plandesk import` all read a workbook under
// the same heap cap and wall time (issue 10: the CLI used to read a big .ods with no cap at all).
// PLANDESK_WORKER_HEAP_MB may lower the heap cap (tests use it to reach it with small files); it
// never raises it.

const DEFAULT_HEAP_MB = 1536;

function heapMb(): number {
  const v = Number(process.env.PLANDESK_WORKER_HEAP_MB);
  return Number.isInteger(v) && v >= 8 && v < DEFAULT_HEAP_MB ? v : DEFAULT_HEAP_MB;
}

export const WORKER_LIMITS = {
  /** Heap cap of a worker (old generation), in MB. */
  get maxHeapMb(): number {
    return heapMb();
  },
  /** Young generation of a worker: roomy, imports allocate many short-lived objects. */
  youngHeapMb: 64,
  /** Wall time of an import. */
  importTimeoutMs: 5 * 60_000,
  /** Wall time of a quick look at a workbook (its sheets, a preview). */
  lookTimeoutMs: 2 * 60_000,
} as const;
