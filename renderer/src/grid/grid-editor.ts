// What the grid does with a selection: copy/cut/paste with Excel and LibreOffice, clear, fill, and
// the line operations (insert, delete, indent, outdent, move, drop). Each turns into ONE engine
// command — one undo step — and the grid shows the Patch it returns. Messages say what was
// skipped or refused and why.
import type { GridApi } from 'ag-grid-community';
import { writeHtmlTable, type ClipCell } from '../../../shared/clipboard/html';
import { planPaste, tileBlock, type PasteColumn, type PastePlan } from '../../../shared/clipboard/paste';
import { padRows, writeTsv } from '../../../shared/clipboard/tsv';
import type { Translate } from '../../../shared/i18n';
import type { Patch, PlanDeskBridge, RowView } from '../../../shared/ipc';
import type { LineField } from '../../../shared/model';
import { parseEntry } from '../../../shared/formula';
import { formatAmount } from '../../../shared/number';
import { BridgeFailure } from '../bridge';
import type { PlanStore } from '../state/plan-store';
import type { ConfirmRequest } from './ConfirmDialog';
import { rectSize, type GridSelection, type Rect } from './selection';
import { isTextColumn, type TableView } from './table-view';
import { CommandQueue } from './command-queue';
import { pastedBlock } from './clipboard-block';

export interface EditorHost {
  api(): GridApi<RowView> | null;
  view(): TableView | null;
  readonly store: PlanStore;
  readonly bridge: PlanDeskBridge;
  readOnly(): boolean;
  readonly t: Translate;
  /** For a refusal's key, which comes from the engine as a string. */
  readonly tStored: (key: string, params?: Readonly<Record<string, unknown>>) => string;
  message(text: string, kind?: 'error' | 'info'): void;
  applyPatch(p: Patch): Promise<void>;
  confirm(req: ConfirmRequest): Promise<string | null>;
  /** Focus a cell (AG Grid's focus: the active cell), revealing collapsed lines. */
  focus(lineId: number, column: string | null): void;
  /** Bring the selection up to date with the grid's focus (before reading it). */
  sync(): void;
}

type PastePatch = Patch & { skipped?: { lineId: number; column: string }[]; added?: number[] };

/** Cells named in a message before "… and N more". */
const NAMED = 3;
/** Largest copied block that also goes on the clipboard as an HTML table. */
const HTML_MAX_CELLS = 100_000;

/** A number as shown ("1.234,5" in vi-VN) as a plain decimal for spreadsheets ("1234.5"). */
function plainDecimal(shown: string, locale: 'vi-VN' | 'en-US'): string {
  return locale === 'vi-VN' ? shown.replaceAll('.', '').replace(',', '.') : shown.replaceAll(',', '');
}

export class GridEditor {
  constructor(
    readonly selection: GridSelection,
    private readonly host: EditorHost,
  ) {}

  // ---- the commands: one at a time -------------------------------------------------------------
  // Each runs after the one before has landed (a second Tab indents the lines the first moved).
  private readonly queue = new CommandQueue();

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    return this.queue.run(fn);
  }

  /**
   * One typed cell (AG Grid's edit request) goes through the same queue as every other edit: in
   * browser mode each command is its own HTTP request, and two quick edits sent side by side can
   * reach the engine in the other order. The grid shows the returned Patch; a refusal is thrown
   * to the caller (which withdraws what it showed ahead).
   */
  setCell(lineId: number, column: string, value: number | null): Promise<Patch> {
    return this.serial(async () => {
      const p = await this.host.bridge.invoke('cell/set', { lineId, column, value });
      await this.host.applyPatch(p);
      return p;
    });
  }

  /** One typed text cell (code, name, note…), in the same queue. */
  setFields(lineId: number, fields: Partial<Record<LineField, string>>): Promise<Patch> {
    return this.serial(async () => {
      const p = await this.host.bridge.invoke('line/update', { lineId, fields });
      await this.host.applyPatch(p);
      return p;
    });
  }

  paste(text: string, html: string): Promise<void> {
    return this.serial(() => this.pasteNow(text, html));
  }

  clear(label: 'clear' | 'cut' = 'clear'): Promise<void> {
    return this.serial(() => this.clearNow(label));
  }

  fillDown(): Promise<void> {
    return this.serial(() => this.fillDownNow());
  }

  fillSelection(text?: string): Promise<void> {
    return this.serial(() => this.fillSelectionNow(text));
  }

  insertLines(where: 'above' | 'below' | 'child'): Promise<void> {
    return this.serial(() => this.insertLinesNow(where));
  }

  deleteLines(): Promise<void> {
    return this.serial(() => this.deleteLinesNow());
  }

  indent(): Promise<void> {
    return this.serial(() => this.indentNow());
  }

  outdent(): Promise<void> {
    return this.serial(() => this.outdentNow());
  }

  move(direction: 'up' | 'down'): Promise<void> {
    return this.serial(() => this.moveNow(direction));
  }

  drop(lineIds: number[], target: number, where: 'before' | 'after'): Promise<void> {
    return this.serial(() => this.dropNow(lineIds, target, where));
  }

  // ---- reading the selection -----------------------------------------------------------------

  private ready(): { view: TableView; rect: Rect; cols: string[] } | null {
    this.host.sync();
    const view = this.host.view();
    const rect = this.selection.rect();
    if (!view || !rect) return null;
    return { view, rect, cols: view.colIds() };
  }

  /** The lines of the selected rows, in display order. */
  selectedLines(): number[] {
    const s = this.ready();
    if (!s) return [];
    const out: number[] = [];
    for (let i = s.rect.top; i <= s.rect.bottom; i++) {
      const row = s.view.row(i);
      if (row) out.push(row.id);
    }
    return out;
  }

  /** The line of the active cell. */
  activeLine(): RowView | null {
    const view = this.host.view();
    const a = this.selection.anchor;
    return view && a ? (view.row(a.row) ?? null) : null;
  }

  // ---- clipboard -------------------------------------------------------------------------------

  /**
   * The selection as Excel reads it: TSV in display form, and an HTML table with exact values
   * (left out for huge blocks, whose HTML would weigh hundreds of megabytes: the TSV suffices).
   */
  copyData(): { tsv: string; html: string | null } | null {
    const s = this.ready();
    if (!s) return null;
    const { view, rect, cols } = s;
    const { locale } = view.settings;
    const size = rectSize(rect);
    const withHtml = size.rows * size.cols <= HTML_MAX_CELLS;
    const texts: string[][] = [];
    const cells: ClipCell[][] = [];
    for (let i = rect.top; i <= rect.bottom; i++) {
      const row = view.row(i);
      const tr: string[] = [];
      const cr: ClipCell[] = [];
      for (let j = rect.left; j <= rect.right; j++) {
        const col = cols[j];
        const text = row ? view.text(row, col) : '';
        tr.push(text);
        if (!withHtml) continue;
        const isNumber = !!row && text !== '' && !isTextColumn(col);
        cr.push(isNumber ? { kind: 'number', text, value: plainDecimal(text, locale) } : { kind: 'text', text });
      }
      texts.push(tr);
      if (withHtml) cells.push(cr);
    }
    return { tsv: writeTsv(texts), html: withHtml ? writeHtmlTable(cells) : null };
  }

  /** The browser's copy/cut event (Ctrl+C, Ctrl+X, the Edit menu of Electron). */
  onCopy(e: ClipboardEvent, cut: boolean): void {
    const data = this.copyData();
    if (!data || !e.clipboardData) return;
    e.clipboardData.setData('text/plain', data.tsv);
    if (data.html) e.clipboardData.setData('text/html', data.html);
    e.preventDefault();
    if (cut) void this.clear('cut');
  }

  onPaste(e: ClipboardEvent): void {
    if (!e.clipboardData) return;
    e.preventDefault();
    void this.paste(e.clipboardData.getData('text/plain'), e.clipboardData.getData('text/html'));
  }

  /** Copy or cut from a menu (no clipboard event): the async clipboard API. */
  async copyFromMenu(cut: boolean): Promise<void> {
    const data = this.copyData();
    if (!data) return;
    try {
      if (typeof ClipboardItem !== 'undefined') {
        await navigator.clipboard.write([
          new ClipboardItem({
            'text/plain': new Blob([data.tsv], { type: 'text/plain' }),
            ...(data.html ? { 'text/html': new Blob([data.html], { type: 'text/html' }) } : {}),
          }),
        ]);
      } else {
        await navigator.clipboard.writeText(data.tsv);
      }
    } catch {
      this.host.message(this.host.t('editing.clipboard.writeDenied'), 'error');
      return;
    }
    if (cut) await this.clear('cut');
  }

  async pasteFromMenu(): Promise<void> {
    let text: string;
    try {
      text = await navigator.clipboard.readText();
    } catch {
      this.host.message(this.host.t('editing.clipboard.denied'), 'error');
      return;
    }
    await this.paste(text, '');
  }

  /** Paste a block (clipboard text, or an HTML table when there is no text) at the selection. */
  private async pasteNow(text: string, html: string): Promise<void> {
    const { t } = this.host;
    if (this.refuseReadOnly()) return;
    const s = this.ready();
    if (!s) return this.host.message(t('editing.paste.noTarget'), 'error');
    const { view, rect, cols } = s;
    let block = padRows(pastedBlock(text, html));
    if (block.length === 0 || block[0].length === 0) return this.host.message(t('editing.paste.empty'), 'error');
    if (this.selection.isMulti()) block = tileBlock(block, rectSize(rect));

    const available = view.rowCount() - rect.top;
    const targetRows: RowView[] = [];
    for (let i = 0; i < Math.min(block.length, available); i++) targetRows.push(view.row(rect.top + i)!);
    const targetCols: PasteColumn[] = cols
      .slice(rect.left)
      .map((key) => (isTextColumn(key) ? { kind: 'text', key } : { kind: 'amount', key, isLeaf: view.settings.leafColumns.has(key) }));
    let addLines = false;
    if (block.length > available && available > 0) {
      const last = targetRows[targetRows.length - 1];
      const extra = block.length - available;
      const answer = await this.host.confirm({
        title: t('editing.paste.addLines.title'),
        paragraphs: [t('editing.paste.addLines.text', { rows: block.length, left: available, extra, after: last.code || last.name })],
        buttons: [
          { id: 'add', label: t('editing.paste.addLines.add', { extra }), kind: 'primary' },
          { id: 'fit', label: t('editing.paste.addLines.fit', { left: available }) },
          { id: 'cancel', label: t('editing.cancel') },
        ],
      });
      if (answer !== 'add' && answer !== 'fit') return;
      addLines = answer === 'add';
    }
    const { unit, locale } = view.settings;
    const plan = planPaste(block, targetRows, targetCols, { unit, locale, addLines });
    if (plan.issues.length) return this.refusePaste(plan, view, targetRows, cols, rect.left);

    const patch: PastePatch | null = await this.invoke(() =>
      plan.fields.length || plan.newLines.length
        ? this.host.bridge.invoke('edit/write', {
            amounts: plan.amounts,
            fields: plan.fields,
            append: plan.newLines.length ? { after: targetRows[targetRows.length - 1].id, lines: plan.newLines } : undefined,
            label: 'paste',
            cursor: { lineId: targetRows[0].id, column: cols[rect.left] },
          })
        : this.host.bridge.invoke('cells/set', { changes: plan.amounts }),
    );
    if (!patch) return;
    await this.host.applyPatch(patch);
    // The pasted block stays selected (as in Excel), the active cell at its top left.
    const height = Math.min(block.length, view.rowCount() - rect.top);
    const width = Math.min(block[0].length, cols.length - rect.left);
    this.host.focus(targetRows[0].id, cols[rect.left]);
    const top = view.indexOf(targetRows[0].id) ?? rect.top;
    this.selection.set({ row: top, col: rect.left }, { row: top + height - 1, col: rect.left + width - 1 });
    this.reportPaste(plan, patch, view, targetRows, cols, rect.left);
  }

  private refusePaste(plan: PastePlan, view: TableView, rows: RowView[], cols: string[], left: number): void {
    const { t } = this.host;
    const named = plan.issues.slice(0, NAMED).map((i) => `${view.cellLabel(rows[i.row], cols[left + i.col])} “${i.text}”`);
    const more = plan.issues.length > NAMED ? t('editing.more', { count: plan.issues.length - NAMED }) : '';
    const key = plan.issues.some((i) => i.error !== 'too_long') ? 'editing.paste.refused' : 'editing.paste.tooLong';
    this.host.message(t(key, { count: plan.issues.length, cells: named.join('; ') + more, locale: view.settings.locale }), 'error');
  }

  private reportPaste(plan: PastePlan, patch: PastePatch, view: TableView, rows: RowView[], cols: string[], left: number): void {
    const { t } = this.host;
    const parts = [t('editing.paste.done', { cells: plan.cells - (patch.skipped?.length ?? 0) })];
    if (patch.added?.length) parts.push(t('editing.paste.added', { count: patch.added.length }));
    // Totals the plan skipped, and any the engine skipped (a line became a parent meanwhile).
    const totals = plan.totals.map((c) => view.cellLabel(rows[c.row], cols[left + c.col]));
    for (const s of patch.skipped ?? []) totals.push(view.cellLabel(this.host.store.rows.get(s.lineId), s.column));
    if (totals.length) {
      const more = totals.length > NAMED ? t('editing.more', { count: totals.length - NAMED }) : '';
      parts.push(t('editing.paste.skippedTotals', { count: totals.length, cells: totals.slice(0, NAMED).join('; ') + more }));
    }
    if (plan.colsOutside) parts.push(t('editing.paste.colsOutside', { count: plan.colsOutside }));
    this.host.message(parts.join(' '), 'info');
  }

  // ---- clear and fill --------------------------------------------------------------------------

  /** Delete/Backspace: clear the selected entries and texts (totals are computed: left alone). */
  private async clearNow(label: 'clear' | 'cut'): Promise<void> {
    if (this.refuseReadOnly()) return;
    const s = this.ready();
    if (!s) return;
    const { view, rect, cols } = s;
    // One total cell with a stated figure: clearing it removes the stated figure.
    if (!this.selection.isMulti()) {
      const row = view.row(rect.top);
      const col = cols[rect.left];
      if (row && !isTextColumn(col) && view.isTotal(row, col)) {
        if (row.stored[col] === undefined) return;
        const p = await this.invoke(() => this.host.bridge.invoke('cell/set', { lineId: row.id, column: col, value: null }));
        if (p) await this.host.applyPatch(p);
        return;
      }
    }
    const amounts: { lineId: number; column: string; value: null }[] = [];
    const fields: { lineId: number; fields: Partial<Record<LineField, string>> }[] = [];
    for (let i = rect.top; i <= rect.bottom; i++) {
      const row = view.row(i);
      if (!row) continue;
      const f: Partial<Record<LineField, string>> = {};
      for (let j = rect.left; j <= rect.right; j++) {
        const col = cols[j];
        if (isTextColumn(col)) {
          if (row[col] !== '') f[col] = '';
        } else if (!view.isTotal(row, col) && row.stored[col] !== undefined) {
          amounts.push({ lineId: row.id, column: col, value: null });
        }
      }
      if (Object.keys(f).length) fields.push({ lineId: row.id, fields: f });
    }
    if (!amounts.length && !fields.length) return;
    const anchor = this.activeLine();
    const p = await this.invoke(() =>
      this.host.bridge.invoke('edit/write', {
        amounts,
        fields,
        label,
        cursor: anchor ? { lineId: anchor.id, column: cols[this.selection.anchor!.col] } : undefined,
      }),
    );
    if (p) await this.host.applyPatch(p);
  }

  /**
   * Ctrl+D: copy the top row of the selection down over the rest of it (one row selected: copy
   * the row above it). Totals below are computed: skipped.
   */
  private async fillDownNow(): Promise<void> {
    if (this.refuseReadOnly()) return;
    const s = this.ready();
    if (!s) return;
    const { view, rect, cols } = s;
    const source = rect.top === rect.bottom ? rect.top - 1 : rect.top;
    const from = view.row(source);
    if (source < 0 || !from) return this.host.message(this.host.t('editing.fill.needRows'), 'error');
    const values = new Map<string, string | number | null>();
    for (let j = rect.left; j <= rect.right; j++) {
      const col = cols[j];
      values.set(col, isTextColumn(col) ? from[col] : view.number(from, col));
    }
    const first = rect.top === rect.bottom ? rect.top : rect.top + 1;
    await this.writeValues(view, first, rect.bottom, values, 'fill');
  }

  /**
   * Ctrl+Enter: put one value in every selected cell — the editor's text while editing, else the
   * active cell's value. Text is read as a number in amount columns.
   */
  private async fillSelectionNow(text?: string): Promise<void> {
    if (this.refuseReadOnly()) return;
    const s = this.ready();
    const anchor = this.selection.anchor;
    if (!s || !anchor) return;
    const { view, rect, cols } = s;
    const { unit, locale } = view.settings;
    const activeRow = view.row(anchor.row);
    // The active cell's value as it shows: read back as the same number in amount columns.
    const value = text ?? (activeRow ? view.text(activeRow, cols[anchor.col]) : '');
    const values = new Map<string, string | number | null>();
    for (let j = rect.left; j <= rect.right; j++) {
      const col = cols[j];
      if (isTextColumn(col)) {
        values.set(col, value);
        continue;
      }
      // Typed text may be a simple formula ("=100*3"), as in a single cell.
      const parsed = parseEntry(value, unit, locale);
      if (!parsed.ok) return this.host.message(this.host.t(`input.${parsed.error}`, { text: value.trim() }), 'error');
      values.set(col, parsed.value);
    }
    await this.writeValues(view, rect.top, rect.bottom, values, 'fill');
  }

  /** Write one value per column into rows first..last (skipping totals), as one step. */
  private async writeValues(view: TableView, first: number, last: number, values: Map<string, string | number | null>, label: 'fill'): Promise<void> {
    const amounts: { lineId: number; column: string; value: number | null }[] = [];
    const fields: { lineId: number; fields: Partial<Record<LineField, string>> }[] = [];
    for (let i = first; i <= last; i++) {
      const row = view.row(i);
      if (!row) continue;
      const f: Partial<Record<LineField, string>> = {};
      for (const [col, v] of values) {
        if (isTextColumn(col)) f[col] = String(v ?? '');
        else if (!view.isTotal(row, col) && (typeof v === 'number' || v === null)) amounts.push({ lineId: row.id, column: col, value: v });
      }
      if (Object.keys(f).length) fields.push({ lineId: row.id, fields: f });
    }
    if (!amounts.length && !fields.length) return;
    const p = await this.invoke(() => this.host.bridge.invoke('edit/write', { amounts, fields, label }));
    if (p) await this.host.applyPatch(p);
  }

  // ---- lines -----------------------------------------------------------------------------------

  /** Insert lines above/below the selected rows (as many as are selected), or one sub-line. */
  private async insertLinesNow(where: 'above' | 'below' | 'child'): Promise<void> {
    if (this.refuseReadOnly()) return;
    const lines = this.selectedLines();
    const anchor = where === 'above' ? lines[0] : where === 'below' ? lines[lines.length - 1] : (this.activeLine()?.id ?? lines[0]);
    const count = where === 'child' ? 1 : Math.max(1, Math.min(lines.length, 1000));
    const p = await this.invoke(() => this.host.bridge.invoke('lines/insert', { anchor: anchor ?? null, where, count }));
    if (!p) return;
    await this.host.applyPatch(p);
    this.host.focus(p.lineIds[0], 'name');
  }

  /** Delete the selected lines with everything below them, after saying how much money goes. */
  private async deleteLinesNow(): Promise<void> {
    if (this.refuseReadOnly()) return;
    const { t, store } = this.host;
    const view = this.host.view();
    const ids = this.selectedLines();
    if (!view || ids.length === 0) return;
    const chosen = new Set(ids);
    const isUnderChosen = (id: number) => {
      for (let p = store.rows.get(id)?.parentId ?? null; p !== null; p = store.rows.get(p)?.parentId ?? null) if (chosen.has(p)) return true;
      return false;
    };
    const roots = ids.filter((id) => !isUnderChosen(id));
    const rootSet = new Set(roots);
    let below = 0;
    for (const row of store.rows.values()) {
      if (rootSet.has(row.id)) continue;
      for (let p = row.parentId; p !== null; p = store.rows.get(p)?.parentId ?? null) {
        if (rootSet.has(p)) {
          below++;
          break;
        }
      }
    }
    const rootKey = store.columns.find((c) => c.parent === null)?.key ?? 'total';
    const money = roots.reduce((s, id) => s + (store.rows.get(id)?.values[rootKey] ?? 0), 0);
    const { unit, locale } = view.settings;
    const children = below ? t('editing.delete.children', { count: below }) : '';
    const first = store.rows.get(roots[0])!;
    const question =
      roots.length === 1
        ? t('editing.delete.one', { code: first.code, name: shorten(first.name), children })
        : t('editing.delete.many', { count: roots.length, children });
    const answer = await this.host.confirm({
      title: t('editing.delete.title'),
      paragraphs: [
        question,
        money !== 0 ? t('editing.delete.money', { amount: formatAmount(money, unit, locale), unit: t(`unit.${unit}`) }) : t('editing.delete.noMoney'),
        t('editing.delete.undoHint'),
      ],
      buttons: [
        { id: 'delete', label: t('editing.delete.confirm'), kind: 'danger' },
        { id: 'cancel', label: t('editing.cancel') },
      ],
    });
    if (answer !== 'delete') return;
    const at = this.selection.rect()!.top;
    const col = this.selection.anchor?.col ?? 0;
    const p = await this.invoke(() => this.host.bridge.invoke('lines/delete', { lineIds: roots }));
    if (!p) return;
    await this.host.applyPatch(p);
    // The cursor stays at the same place on screen: on the line that took the deleted one's row.
    const row = view.row(Math.min(at, view.rowCount() - 1));
    if (row) this.host.focus(row.id, view.colIds()[col] ?? null);
    this.host.message(t('editing.delete.done', { count: p.deleted }), 'info');
  }

  private async indentNow(): Promise<void> {
    const lineIds = this.selectedLines();
    await this.treeOp(lineIds, () => this.host.bridge.invoke('lines/indent', { lineIds }));
  }

  private async outdentNow(): Promise<void> {
    const lineIds = this.selectedLines();
    await this.treeOp(lineIds, () => this.host.bridge.invoke('lines/outdent', { lineIds }));
  }

  private async moveNow(direction: 'up' | 'down'): Promise<void> {
    const lineIds = this.selectedLines();
    await this.treeOp(lineIds, () => this.host.bridge.invoke('lines/move', { lineIds, direction }));
  }

  /** Drag and drop: the dragged lines go just above or below the line they were dropped on. */
  private async dropNow(lineIds: number[], target: number, where: 'before' | 'after'): Promise<void> {
    await this.treeOp(lineIds, () => this.host.bridge.invoke('lines/place', { lineIds, target, where }));
  }

  /** A line operation that keeps the same lines selected afterwards (Tab, Tab… indents further). */
  private async treeOp(lineIds: number[], run: () => Promise<Patch>): Promise<void> {
    if (this.refuseReadOnly() || lineIds.length === 0) return;
    const anchor = this.selection.anchor;
    const rect = this.selection.rect();
    const p = await this.invoke(run);
    if (!p) return;
    await this.host.applyPatch(p);
    const view = this.host.view();
    if (!view || !anchor || !rect) return;
    const idx = lineIds.map((id) => view.indexOf(id)).filter((i): i is number => i !== null);
    if (!idx.length) return;
    const top = Math.min(...idx);
    const bottom = Math.max(...idx);
    const cols = view.colIds();
    const col = Math.min(anchor.col, cols.length - 1);
    const lead = view.row(top)!;
    this.host.focus(lead.id, cols[col]);
    // The active cell is a corner of the selection: the same lines stay selected.
    const otherCol = rect.left === rect.right ? col : col === rect.left ? rect.right : rect.left;
    this.selection.set({ row: top, col }, { row: bottom, col: otherCol });
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private refuseReadOnly(): boolean {
    if (!this.host.readOnly()) return false;
    this.host.message(this.host.t('error.read_only'), 'error');
    return true;
  }

  /** Run an engine command; a refusal becomes a message (in the user's language). */
  private async invoke<T>(fn: () => Promise<T>): Promise<T | null> {
    try {
      return await fn();
    } catch (err) {
      const e = err instanceof BridgeFailure ? err.error : { code: 'error.internal', params: { detail: String(err) } };
      this.host.message(this.host.tStored(e.code, e.params), 'error');
      return null;
    }
  }
}

function shorten(s: string, max = 80): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
