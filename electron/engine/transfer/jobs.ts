// Import jobs of the app (File → Import, a file dropped on the window): each job holds its
// spreadsheet (a path, or bytes the page uploaded), reads it in worker threads — the sheet list
// first, then the import itself with progress and Cancel — and keeps the result, unwritten, until
// the user confirms it (a new cycle file, or the table replaced) or cancels. The UI polls status().
// Nothing here touches a plan: a failed or cancelled import changes nothing.
import crypto from 'node:crypto';
import path from 'node:path';
import type { ImportSource, MappingSpec, SheetChoice, SheetPreview, TransferStatus } from '../../../shared/commands/transfer';
import { MAX_UPLOAD_BYTES } from '../../../shared/commands/transfer';
import type { BridgeError } from '../../../shared/ipc';
import { PlanDeskError, toBridgeError } from '../errors';
import { ImportError, importInWorker, type ImportInput, type ImportResult } from '../excel';
import { runTransferTask } from './worker-runner';

export interface TransferJobsOptions {
  /** Folder of the worker bundles: import-worker.cjs (the engine's) and transfer-worker.cjs. */
  workerDir: string;
  /** Wall-time limit of one import (default: the engine's 5 minutes). */
  timeoutMs?: number;
}

/** A job's result, once read: what confirming writes. */
export interface ReadyImport {
  name: string;
  result: ImportResult;
}

interface Job {
  id: string;
  name: string;
  input: ImportInput;
  sheets: SheetChoice[];
  state: TransferStatus['state'];
  phase: 'open' | 'read';
  fraction: number;
  sheet: string | number | null;
  mapping: MappingSpec | null;
  /** The open plan's column keys, admitted as mapping targets. */
  columnKeys: string[];
  result: ImportResult | null;
  error: BridgeError | null;
  abort: AbortController | null;
  /** Bumped on every (re)read: answers of an older read are ignored. */
  generation: number;
}

/** Jobs kept at once (a new one past this forgets the oldest); uploads waiting for their job. */
const MAX_JOBS = 3;
const MAX_UPLOADS = 2;
const UPLOAD_TTL_MS = 10 * 60_000;
/** Refusals that mean "the table or its columns were not found": the mapping dialog can help. */
const NEEDS_MAPPING = new Set(['excel.error.no_table', 'excel.error.no_table_in_sheet']);

export class TransferJobs {
  private readonly jobs = new Map<string, Job>();
  private readonly uploads = new Map<string, { name: string; bytes: Uint8Array; at: number }>();
  private readonly importWorker: string;
  private readonly transferWorker: string;

  constructor(private readonly opts: TransferJobsOptions) {
    this.importWorker = path.join(opts.workerDir, 'import-worker.cjs');
    this.transferWorker = path.join(opts.workerDir, 'transfer-worker.cjs');
  }

  /** Keep the bytes of a file the page picked or dropped; 'transfer/start' names them by the id. */
  addUpload(name: string, bytes: Uint8Array): string {
    if (bytes.byteLength > MAX_UPLOAD_BYTES) {
      throw new ImportError('excel.error.file_too_big', { size: Math.round(bytes.byteLength / 1048576), max: MAX_UPLOAD_BYTES / 1048576 });
    }
    const now = Date.now();
    for (const [id, u] of this.uploads) if (now - u.at > UPLOAD_TTL_MS) this.uploads.delete(id);
    while (this.uploads.size >= MAX_UPLOADS) this.uploads.delete(this.uploads.keys().next().value!);
    const id = crypto.randomUUID();
    this.uploads.set(id, { name: path.basename(name.replace(/\\/g, '/')).slice(0, 255) || 'upload.xlsx', bytes, at: now });
    return id;
  }

  /** An upload's name and bytes, taken (gone from here) for another reader — consolidation's dropped files. */
  takeUpload(id: string): { name: string; bytes: Uint8Array } {
    const u = this.uploads.get(id);
    if (!u) throw new PlanDeskError('transfer.error.upload_gone');
    this.uploads.delete(id);
    return { name: u.name, bytes: u.bytes };
  }

  start(source: ImportSource, opts: { sheet?: string | number; mapping?: MappingSpec; columnKeys?: string[] } = {}): { job: string; name: string } {
    let input: ImportInput;
    let name: string;
    if (source.kind === 'path') {
      if (!source.path) throw new PlanDeskError('error.invalid_args', { detail: 'path' });
      input = { path: path.resolve(source.path) };
      name = path.basename(source.path);
    } else {
      const u = this.uploads.get(source.id);
      if (!u) throw new PlanDeskError('transfer.error.upload_gone');
      this.uploads.delete(source.id);
      input = { bytes: u.bytes, name: u.name };
      name = u.name;
    }
    while (this.jobs.size >= MAX_JOBS) this.cancel(this.jobs.keys().next().value!);
    const job: Job = {
      id: crypto.randomUUID(), name, input, sheets: [], state: 'reading', phase: 'open', fraction: 0,
      sheet: opts.sheet ?? null, mapping: opts.mapping ?? null, columnKeys: opts.columnKeys ?? [], result: null, error: null, abort: null, generation: 0,
    };
    this.jobs.set(job.id, job);
    void this.open(job, opts.sheet !== undefined);
    return { job: job.id, name };
  }

  /** List the sheets; with several visible ones (and none asked for), let the user choose. */
  private async open(job: Job, sheetGiven: boolean): Promise<void> {
    const gen = ++job.generation;
    const abort = (job.abort = new AbortController());
    try {
      const sheets = await runTransferTask<SheetChoice[]>(this.transferWorker, { type: 'sheets', input: job.input }, { signal: abort.signal });
      if (job.generation !== gen) return;
      job.sheets = sheets.map((s) => ({ name: s.name, hidden: s.hidden }));
      if (!sheetGiven && job.sheets.filter((s) => !s.hidden).length > 1) {
        job.state = 'chooseSheet';
        job.abort = null;
        return;
      }
      void this.read(job.id, job.sheet, job.mapping);
    } catch (e) {
      if (job.generation === gen) this.fail(job, e);
    }
  }

  /** (Re)read the workbook: the import proper, in the engine's import worker. */
  read(id: string, sheet: string | number | null, mapping: MappingSpec | null): TransferStatus {
    const job = this.get(id);
    job.abort?.abort();
    const gen = ++job.generation;
    const abort = (job.abort = new AbortController());
    Object.assign(job, { state: 'reading', phase: 'read', fraction: 0, sheet, mapping, result: null, error: null });
    importInWorker(this.importWorker, job.input, {
      sheet: sheet ?? undefined,
      mapping: mapping ?? undefined,
      columnKeys: job.columnKeys,
      signal: abort.signal,
      timeoutMs: this.opts.timeoutMs,
      onProgress: (f) => {
        if (job.generation === gen) job.fraction = f;
      },
    }).then(
      (result) => {
        if (job.generation !== gen) return;
        job.result = result;
        job.state = 'ready';
        job.fraction = 1;
        job.abort = null;
      },
      (e) => {
        if (job.generation === gen) this.fail(job, e);
      },
    );
    return this.status(id);
  }

  private fail(job: Job, e: unknown): void {
    job.abort = null;
    const error = toBridgeError(e);
    if (error.code === 'excel.error.cancelled') {
      job.state = 'cancelled';
      return;
    }
    job.state = 'failed';
    job.error = error;
  }

  status(id: string): TransferStatus {
    const j = this.get(id);
    const base = { job: j.id, name: j.name };
    switch (j.state) {
      case 'reading':
        return { ...base, state: 'reading', phase: j.phase, fraction: j.fraction, sheet: j.sheet };
      case 'chooseSheet':
        return { ...base, state: 'chooseSheet', sheets: j.sheets };
      case 'ready':
        // The handler adds whether the columns match the open plan's.
        return { ...base, state: 'ready', sheets: j.sheets, report: j.result!.report, columns: j.result!.data.columns, columnsMatch: false, unmatchedColumns: [], mapping: j.mapping };
      case 'failed':
        return {
          ...base, state: 'failed', sheets: j.sheets, error: j.error!, needsMapping: NEEDS_MAPPING.has(j.error!.code), sheet: j.sheet, mapping: j.mapping,
        };
      default:
        return { ...base, state: 'cancelled' };
    }
  }

  /** A sheet's first rows for the mapping dialog (read in a worker; a refusal is the workbook's). */
  preview(id: string, sheet: string | number, mapping?: MappingSpec): Promise<SheetPreview> {
    const job = this.get(id);
    return runTransferTask<SheetPreview>(this.transferWorker, { type: 'preview', input: job.input, sheet, mapping, columnKeys: job.columnKeys });
  }

  /** Cancel: stop the job's work and forget it. */
  cancel(id: string): boolean {
    const job = this.jobs.get(id);
    if (!job) return false;
    job.generation++;
    job.abort?.abort();
    this.jobs.delete(id);
    return true;
  }

  /** The job's result, to write; the job stays until finish() (a refused write can be retried). */
  ready(id: string): ReadyImport {
    const job = this.get(id);
    if (job.state !== 'ready' || !job.result) throw new PlanDeskError('transfer.error.not_ready');
    return { name: job.name, result: job.result };
  }

  /** The result was written: forget the job. */
  finish(id: string): void {
    this.jobs.delete(id);
  }

  close(): void {
    for (const id of [...this.jobs.keys()]) this.cancel(id);
    this.uploads.clear();
  }

  private get(id: string): Job {
    const job = this.jobs.get(id);
    if (!job) throw new PlanDeskError('transfer.error.no_job');
    return job;
  }
}

let current: TransferJobs | null = null;

/** Set up the host's import jobs (Electron main, browser-mode server, tests) with its worker folder. */
export function configureTransfer(opts: TransferJobsOptions): TransferJobs {
  current?.close();
  current = new TransferJobs(opts);
  return current;
}

/** The host's import jobs; a host that set none (the CLI) cannot run the app's import. */
export function transferJobs(): TransferJobs {
  if (!current) throw new PlanDeskError('error.no_workspace');
  return current;
}
