// What the execution grid does with its figure cells, as the plan grid does with its own: type a
// figure (a number or a simple formula in the plan's unit; bad input refused with a message), paste
// a block copied from Excel (read as the plan's paste reads numbers; one unreadable cell refuses the
// whole block), fill down (Ctrl+D), fill the selection (Ctrl+Enter), clear (Delete), copy. Each is
// ONE `execution/setFigures` command — one undo step — sent through one ordered queue, so two quick
// edits reach the engine in the order typed. The engine's answer carries the changed report rows
// and totals (rate, remaining, in the period), which the view shows.
import { planPaste, tileBlock, type PasteColumn } from '../../../../shared/clipboard/paste';
import { padRows, writeTsv } from '../../../../shared/clipboard/tsv';
import type { Translate } from '../../../../shared/i18n';
import type { Patch, PlanDeskBridge } from '../../../../shared/ipc';
import type { ReportRowView } from '../../../../shared/execution/report';
import type { DisplayUnit, Dong } from '../../../../shared/model';
import { parseEntry } from '../../../../shared/formula';
import { formatAmount, type NumberLocale } from '../../../../shared/number';
import { BridgeFailure } from '../../bridge';
import type { Rect } from '../../grid/selection';
import type { ExecutionData } from './exec-data';
import { CommandQueue } from '../../grid/command-queue';

/** A figure column of the grid: a leaf funding column (a total column takes no figure). */
export interface FigureCol {
  key: string;
  label: string;
}

export interface ExecTable {
  rows: readonly ReportRowView[];
  cols: readonly FigureCol[];
}

export interface ExecEditorHost {
  readonly bridge: PlanDeskBridge;
  readonly data: ExecutionData;
  readonly t: Translate;
  tStored(key: string, params?: Readonly<Record<string, unknown>>): string;
  message(text: string, kind?: 'error' | 'info'): void;
  /** Apply the engine's patch to the window (undo label, findings). */
  applyPatch(p: Patch): void;
  reload(): Promise<void>;
  readOnly(): boolean;
  unit(): DisplayUnit;
  locale(): NumberLocale;
}

interface Cell {
  lineId: number;
  column: string;
  value: Dong | null;
}

export class ExecEditor {
  private readonly queue = new CommandQueue();

  constructor(private readonly host: ExecEditorHost) {}

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    return this.queue.run(fn);
  }

  /** Resolves once every command sent so far has been answered. */
  idle(): Promise<unknown> {
    return this.queue.idle();
  }

  typeCell(row: ReportRowView, col: FigureCol, text: string): Promise<void> {
    if (this.refuse(row)) return Promise.resolve();
    const parsed = parseEntry(text, this.host.unit(), this.host.locale());
    if (!parsed.ok) {
      this.host.message(this.host.t(`input.${parsed.error}`, { text: text.trim() }), 'error');
      return Promise.resolve();
    }
    return this.write([{ lineId: row.lineId, column: col.key, value: parsed.value }]);
  }

  paste(table: ExecTable, rect: Rect, block0: string[][], multi: boolean): Promise<void> {
    const { t } = this.host;
    if (this.refuse()) return Promise.resolve();
    let block = padRows(block0);
    if (block.length === 0 || block[0].length === 0) {
      this.host.message(t('editing.paste.empty'), 'error');
      return Promise.resolve();
    }
    if (multi) block = tileBlock(block, { rows: rect.bottom - rect.top + 1, cols: rect.right - rect.left + 1 });
    // A line that does not hold figures (a parent whose children carry them) takes none, as a total.
    const rows = table.rows.slice(rect.top, rect.top + block.length).map((r) => ({ id: r.lineId, hasChildren: !r.holds }));
    const cols = table.cols.slice(rect.left);
    const pasteCols: PasteColumn[] = cols.map((c) => ({ kind: 'amount', key: c.key, isLeaf: true }));
    const plan = planPaste(block, rows, pasteCols, { unit: this.host.unit(), locale: this.host.locale() });
    if (plan.issues.length) {
      const named = plan.issues.slice(0, 3).map((i) => `${table.rows[rect.top + i.row]?.code ?? ''} ${cols[i.col]?.label ?? ''} “${i.text}”`);
      const more = plan.issues.length > 3 ? t('editing.more', { count: plan.issues.length - 3 }) : '';
      this.host.message(t('editing.paste.refused', { count: plan.issues.length, cells: named.join('; ') + more, locale: this.host.locale() }), 'error');
      return Promise.resolve();
    }
    const cells = plan.amounts.map((a) => ({ lineId: a.lineId, column: a.column, value: a.value }));
    const notes: string[] = [];
    if (plan.totals.length) notes.push(t('execview.paste.skipped', { count: plan.totals.length }));
    if (plan.rowsOutside) notes.push(t('execview.paste.rowsOutside', { count: plan.rowsOutside }));
    if (!cells.length) {
      this.host.message(notes.join(' ') || t('editing.paste.empty'), 'error');
      return Promise.resolve();
    }
    return this.write(cells, notes, true);
  }

  clear(table: ExecTable, rect: Rect): Promise<void> {
    if (this.refuse()) return Promise.resolve();
    const cells: Cell[] = [];
    this.each(table, rect, (r, c) => {
      if (r.holds && (r.disbursed[c.key] ?? 0) !== 0) cells.push({ lineId: r.lineId, column: c.key, value: null });
    });
    return cells.length ? this.write(cells) : Promise.resolve();
  }

  fillDown(table: ExecTable, rect: Rect): Promise<void> {
    if (this.refuse()) return Promise.resolve();
    const source = rect.top === rect.bottom ? rect.top - 1 : rect.top;
    const from = table.rows[source];
    if (source < 0 || !from) {
      this.host.message(this.host.t('editing.fill.needRows'), 'error');
      return Promise.resolve();
    }
    const first = rect.top === rect.bottom ? rect.top : rect.top + 1;
    const cells: Cell[] = [];
    this.each(table, { ...rect, top: first }, (r, c) => {
      if (r.holds) cells.push({ lineId: r.lineId, column: c.key, value: this.host.data.ownFigure(from.lineId, c.key) });
    });
    return cells.length ? this.write(cells) : Promise.resolve();
  }

  fillSelection(table: ExecTable, rect: Rect, text: string): Promise<void> {
    if (this.refuse()) return Promise.resolve();
    const parsed = parseEntry(text, this.host.unit(), this.host.locale());
    if (!parsed.ok) {
      this.host.message(this.host.t(`input.${parsed.error}`, { text: text.trim() }), 'error');
      return Promise.resolve();
    }
    const cells: Cell[] = [];
    this.each(table, rect, (r, c) => {
      if (r.holds) cells.push({ lineId: r.lineId, column: c.key, value: parsed.value });
    });
    return cells.length ? this.write(cells) : Promise.resolve();
  }

  /** The selection as Excel reads it: TSV of the figures as shown. */
  copy(table: ExecTable, rect: Rect): string {
    const rows: string[][] = [];
    for (let i = rect.top; i <= rect.bottom; i++) {
      const r = table.rows[i];
      const out: string[] = [];
      for (let j = rect.left; j <= rect.right; j++) {
        const c = table.cols[j];
        out.push(r && c ? formatAmount(r.disbursed[c.key] ?? 0, this.host.unit(), this.host.locale()) : '');
      }
      rows.push(out);
    }
    return writeTsv(rows);
  }

  private write(cells: Cell[], notes: string[] = [], pasted = false): Promise<void> {
    const dateId = this.host.data.dateId;
    if (dateId === null) {
      this.host.message(this.host.t('execview.noDate'), 'error');
      return Promise.resolve();
    }
    return this.serial(async () => {
      try {
        const p = await this.host.bridge.invoke('execution/setFigures', { cells: cells.map((c) => ({ dateId, ...c })), viewDateId: dateId });
        if (p.report) this.host.data.applyRows(p.report.dateId, p.report.rows, p.report.totals);
        this.host.applyPatch(p);
        const parts: string[] = [];
        if (pasted) parts.push(this.host.t('editing.paste.done', { cells: p.written }));
        if (p.notWritten.length) parts.push(this.host.t('execview.notWritten', { count: p.notWritten.length, reason: this.host.tStored(`execview.skip.${p.notWritten[0].reason}`) }));
        parts.push(...notes);
        if (parts.length) this.host.message(parts.join(' '), p.notWritten.length ? 'error' : 'info');
      } catch (err) {
        const e = err instanceof BridgeFailure ? err.error : { code: 'error.internal', params: { detail: String(err) } };
        this.host.message(this.host.tStored(e.code, e.params), 'error');
        await this.host.reload();
      }
    });
  }

  private each(table: ExecTable, rect: Rect, fn: (r: ReportRowView, c: FigureCol) => void): void {
    for (let i = rect.top; i <= rect.bottom; i++) {
      const r = table.rows[i];
      if (!r) continue;
      for (let j = rect.left; j <= rect.right; j++) {
        const c = table.cols[j];
        if (c) fn(r, c);
      }
    }
  }

  private refuse(row?: ReportRowView): boolean {
    if (this.host.readOnly()) {
      this.host.message(this.host.t('error.read_only'), 'error');
      return true;
    }
    if (this.host.data.dateId === null) {
      this.host.message(this.host.t('execview.noDate'), 'error');
      return true;
    }
    if (row && !row.holds) {
      this.host.message(this.host.t('execview.skip.not_holding'), 'error');
      return true;
    }
    return false;
  }
}
