// The import as the person goes through it, outside React so menus, the drop zone and the dialogs
// share it: a job is started (a path from Electron's dialog, or the bytes of a picked or dropped
// file), polled while the host reads it (progress, Cancel), then a sheet is chosen, columns mapped,
// the report reviewed, and the result written (replace the table / a new cycle file) — or nothing.
// At most one import at a time; the Export dialog shares the same "which dialog is open" state.
import { useSyncExternalStore } from 'react';
import type { ColumnChoice, ImportSource, MappingSpec, SheetChoice, TransferStatus } from '../../../../shared/commands/transfer';
import { MAX_UPLOAD_BYTES } from '../../../../shared/commands/transfer';
import type { PlainMessageKey } from '../../../../shared/i18n';
import type { BridgeError, Patch } from '../../../../shared/ipc';
import { BridgeFailure } from '../../bridge';
import type { AppContext } from '../types';

type Ready = Extract<TransferStatus, { state: 'ready' }>;

export type TransferStep =
  | { kind: 'idle' }
  | { kind: 'progress'; job: string | null; name: string; phase: 'upload' | 'open' | 'read'; fraction: number; sheet: string | number | null }
  | { kind: 'sheet'; job: string; name: string; sheets: SheetChoice[] }
  | { kind: 'report'; job: string; name: string; status: Ready }
  | {
      kind: 'mapping';
      job: string;
      name: string;
      sheets: SheetChoice[];
      sheet: string | number | null;
      mapping: MappingSpec | null;
      /** Why it opened by itself (a dictionary key): no table found, or columns of the same meaning; null: the person asked. */
      notice: PlainMessageKey | null;
      /** The report to go back to (opened from it). */
      back: Ready | null;
    }
  | { kind: 'failed'; job: string | null; name: string; error: BridgeError }
  | { kind: 'export' };

let step: TransferStep = { kind: 'idle' };
const listeners = new Set<() => void>();

function set(next: TransferStep): void {
  step = next;
  for (const l of listeners) l();
}

export function currentStep(): TransferStep {
  return step;
}

export function useTransferStep(): TransferStep {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => step,
  );
}

export function openExport(): void {
  set({ kind: 'export' });
}

export function closeDialog(): void {
  set({ kind: 'idle' });
}

/** The job the open dialog is about (the one to cancel). */
function currentJob(): string | null {
  return 'job' in step ? step.job : null;
}

const POLL_MS = 100;
/** Bumped whenever the flow moves on: answers to older polls are ignored. */
let generation = 0;

/** Extensions the importer reads (it sniffs the real format from the bytes anyway). */
const SPREADSHEET = /\.(xlsx|xlsm|xls|ods|xlsb)$/i;

const canceled = (err: unknown) => err instanceof BridgeFailure && err.error.code === 'error.canceled';
const errorOf = (err: unknown): BridgeError =>
  err instanceof BridgeFailure ? err.error : { code: 'error.internal', params: { detail: String(err).slice(0, 300) } };

/** File → Import in Electron: main's dialog picks the file. */
export function importFromDialog(ctx: AppContext): void {
  void start(ctx, { kind: 'path', path: '' }, '');
}

/** A file the person picked (browser mode) or dropped on the window: its bytes go to the host. */
export async function importFile(ctx: AppContext, file: File): Promise<void> {
  if (!SPREADSHEET.test(file.name)) {
    set({ kind: 'failed', job: null, name: file.name, error: { code: 'transfer.error.not_a_spreadsheet_name', params: { name: file.name } } });
    return;
  }
  if (file.size > MAX_UPLOAD_BYTES) {
    set({ kind: 'failed', job: null, name: file.name, error: { code: 'excel.error.file_too_big', params: { size: Math.round(file.size / 1048576), max: MAX_UPLOAD_BYTES / 1048576 } } });
    return;
  }
  await abandon(ctx);
  const gen = ++generation;
  set({ kind: 'progress', job: null, name: file.name, phase: 'upload', fraction: 0, sheet: null });
  try {
    const up = await ctx.bridge.upload(file.name, await file.arrayBuffer());
    if (gen !== generation) return;
    if (!up.ok) {
      set({ kind: 'failed', job: null, name: file.name, error: up.error });
      return;
    }
    await start(ctx, { kind: 'upload', id: up.id }, file.name);
  } catch (err) {
    if (gen === generation) set({ kind: 'failed', job: null, name: file.name, error: errorOf(err) });
  }
}

async function start(ctx: AppContext, source: ImportSource, name: string): Promise<void> {
  if (source.kind === 'path') await abandon(ctx);
  const gen = ++generation;
  try {
    const r = await ctx.bridge.invoke('transfer/start', { source });
    if (gen !== generation) {
      void ctx.bridge.invoke('transfer/cancel', { job: r.job }).catch(() => {});
      return;
    }
    set({ kind: 'progress', job: r.job, name: r.name, phase: 'open', fraction: 0, sheet: null });
    poll(ctx, r.job, gen);
  } catch (err) {
    if (gen !== generation) return;
    // Electron: the person closed the file dialog.
    if (canceled(err)) set({ kind: 'idle' });
    else set({ kind: 'failed', job: null, name, error: errorOf(err) });
  }
}

function poll(ctx: AppContext, job: string, gen: number): void {
  const tick = async () => {
    if (gen !== generation) return;
    try {
      const s = await ctx.bridge.invoke('transfer/status', { job });
      if (gen !== generation) return;
      show(ctx, s);
      if (s.state === 'reading') setTimeout(() => void tick(), POLL_MS);
    } catch (err) {
      if (gen === generation) set({ kind: 'failed', job, name: 'name' in step ? step.name : '', error: errorOf(err) });
    }
  };
  void tick();
}

/** Show where the job stands. */
function show(ctx: AppContext, s: TransferStatus): void {
  switch (s.state) {
    case 'reading':
      set({ kind: 'progress', job: s.job, name: s.name, phase: s.phase, fraction: s.fraction, sheet: s.sheet });
      return;
    case 'chooseSheet':
      set({ kind: 'sheet', job: s.job, name: s.name, sheets: s.sheets });
      return;
    case 'ready':
      // Two columns claiming the same meaning cannot be mapped with confidence: ask, before the report.
      if (!s.mapping && s.report.warnings.some((w) => w.key === 'excel.warn.duplicate_column')) {
        set({ kind: 'mapping', job: s.job, name: s.name, sheets: s.sheets, sheet: s.report.sheet, mapping: null, notice: 'transfer.mapping.ambiguous', back: s });
      } else {
        set({ kind: 'report', job: s.job, name: s.name, status: s });
      }
      return;
    case 'failed':
      // No table or no columns recognised: the person can tell the importer (the mapping dialog).
      if (s.needsMapping && s.sheets.length > 0) {
        set({ kind: 'mapping', job: s.job, name: s.name, sheets: s.sheets, sheet: s.sheet, mapping: s.mapping, notice: 'transfer.mapping.noTable', back: null });
      } else {
        set({ kind: 'failed', job: s.job, name: s.name, error: s.error });
      }
      return;
    case 'cancelled':
      set({ kind: 'idle' });
      ctx.show(ctx.t('transfer.cancelled'));
  }
}

/** Read the job's workbook again: the sheet chosen, or with the mapping given. */
export async function readAgain(ctx: AppContext, job: string, sheet: string | number | null, mapping: MappingSpec | null): Promise<void> {
  const gen = ++generation;
  try {
    const s = await ctx.bridge.invoke('transfer/read', { job, sheet, mapping });
    if (gen !== generation) return;
    show(ctx, s);
    if (s.state === 'reading') poll(ctx, job, gen);
  } catch (err) {
    if (gen === generation) set({ kind: 'failed', job, name: 'name' in step ? step.name : '', error: errorOf(err) });
  }
}

/** Forget the current job without a word (a new import replaces it, a dialog was closed). */
async function abandon(ctx: AppContext): Promise<void> {
  const job = currentJob();
  generation++;
  if (job) await ctx.bridge.invoke('transfer/cancel', { job }).catch(() => {});
}

/** Cancel: stop reading, forget the job; the plan is unchanged. */
export async function cancelImport(ctx: AppContext, opts: { quiet?: boolean } = {}): Promise<void> {
  const wasWorking = step.kind !== 'idle' && step.kind !== 'failed' && step.kind !== 'export';
  await abandon(ctx);
  set({ kind: 'idle' });
  if (wasWorking && !opts.quiet) ctx.show(ctx.t('transfer.cancelled'));
}

export function openMapping(s: Extract<TransferStep, { kind: 'report' }>): void {
  const r = s.status;
  set({ kind: 'mapping', job: s.job, name: s.name, sheets: r.sheets, sheet: r.report.sheet, mapping: r.mapping, notice: null, back: r });
}

export function backToReport(s: Extract<TransferStep, { kind: 'mapping' }>): void {
  if (s.back) set({ kind: 'report', job: s.job, name: s.name, status: s.back });
}

export function chooseAnotherSheet(s: Extract<TransferStep, { kind: 'report' }>): void {
  set({ kind: 'sheet', job: s.job, name: s.name, sheets: s.status.sheets });
}

/**
 * Write the job's table into the open plan (one engine command, one undo step), show the patch and
 * say what was done. False when the engine refused (the report stays open, its message shown).
 */
async function writeIntoPlan<P extends Patch>(ctx: AppContext, write: () => Promise<P>, done: (patch: P) => string): Promise<boolean> {
  try {
    const patch = await write();
    generation++;
    set({ kind: 'idle' });
    if (ctx.grid.current) await ctx.grid.current.applyPatch(patch);
    else await ctx.reload();
    ctx.show(done(patch));
    return true;
  } catch (err) {
    ctx.showFailure(err);
    return false;
  }
}

/** "Replace the current table"; `columns`: the choice for each file column the plan has not. */
export function replaceTable(ctx: AppContext, job: string, name: string, columns: Record<string, ColumnChoice> = {}): Promise<boolean> {
  return writeIntoPlan(
    ctx,
    () => ctx.bridge.invoke('transfer/importReplace', { job, columns }),
    (patch) => ctx.t('transfer.done.replace', { lines: patch.lineCount.toLocaleString('vi-VN'), file: name }),
  );
}

/** "Fill the existing lines": the plan keeps its lines; matched ones take the file's figures. */
export function fillTable(ctx: AppContext, job: string, name: string, columns: Record<string, ColumnChoice> = {}): Promise<boolean> {
  const count = (n: number) => n.toLocaleString(ctx.lang === 'vi' ? 'vi-VN' : 'en-US');
  return writeIntoPlan(
    ctx,
    () => ctx.bridge.invoke('transfer/importFill', { job, columns }),
    (patch) => {
      const done = ctx.t('transfer.done.fill', { lines: count(patch.filled), cells: count(patch.changed), file: name });
      const more = patch.unmatched > patch.unmatchedLines.length ? '; …' : '';
      const missed = patch.unmatched ? ' ' + ctx.t('transfer.done.fillUnmatched', { count: count(patch.unmatched), lines: patch.unmatchedLines.join('; ') + more }) : '';
      return done + missed;
    },
  );
}

/** "Create a new cycle file": written, then opened in place of the current one. */
export async function createCycle(ctx: AppContext, job: string, path: string): Promise<boolean> {
  try {
    const r = await ctx.bridge.invoke('transfer/importNew', { job, path });
    generation++;
    set({ kind: 'idle' });
    await ctx.reload();
    ctx.show(ctx.t('transfer.done.new', { name: r.file.name }));
    return true;
  } catch (err) {
    if (!canceled(err)) ctx.showFailure(err);
    return false;
  }
}
