// The renderer's copy of the open plan: rows by id in display order, totals, findings, undo state.
// Loaded from a Snapshot, then kept current by applying the Patches the engine returns — the grid
// refreshes only the rows a patch names. React reads it through useSyncExternalStore.
import type { Finding, Severity } from '../../../shared/findings';
import type { FileInfo, Patch, RowView, Snapshot, UndoState } from '../../../shared/ipc';
import type { CycleMeta, FundingColumn, RuleParams } from '../../../shared/model';

export type RowsEvent = { type: 'loaded' } | { type: 'added'; rows: RowView[] } | { type: 'findings' };

export class PlanStore {
  file: FileInfo | null = null;
  meta: CycleMeta | null = null;
  columns: FundingColumn[] = [];
  rules: RuleParams | null = null;
  rows = new Map<number, RowView>();
  order: number[] = [];
  totals: Record<string, number> = {};
  findings = new Map<string, Finding>();
  undo: UndoState = { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null };
  version = 0;
  /** Lines of the plan (rows may still be arriving after a partial first load). */
  rowCount = 0;
  findingsLoaded = false;
  /** Increases with every load: background loading of an older load stops when it changes. */
  loadId = 0;
  private inOrder = new Set<number>();
  private rowListeners = new Set<(e: RowsEvent) => void>();
  /** Worst finding severity per cell (`lineId:column`) and per line (`lineId:`). */
  private findingIndex = new Map<string, Severity>();
  private listeners = new Set<() => void>();

  load(s: Snapshot): void {
    this.loadId++;
    this.rowCount = s.rowCount;
    this.findingsLoaded = s.findingsIncluded;
    this.file = s.file;
    this.meta = s.meta;
    this.columns = s.columns;
    this.rules = s.rules;
    this.rows = new Map(s.rows.map((r) => [r.id, r]));
    this.order = s.rows.map((r) => r.id);
    this.inOrder = new Set(this.order);
    this.totals = s.totals;
    this.findings = new Map(s.findings.map((f) => [f.id, f]));
    this.undo = s.undo;
    this.indexFindings();
    this.bump();
    this.emitRows({ type: 'loaded' });
  }

  /** Rows that arrived after a partial load, in display order after those already here. */
  appendRows(rows: RowView[]): void {
    // A patch may already have brought a row that was not loaded yet: keep the newer one.
    const fresh = rows.filter((r) => !this.inOrder.has(r.id));
    for (const r of fresh) {
      if (!this.rows.has(r.id)) this.rows.set(r.id, r);
      this.order.push(r.id);
      this.inOrder.add(r.id);
    }
    this.bump();
    this.emitRows({ type: 'added', rows: fresh });
  }

  setFindings(list: Finding[]): void {
    this.findings = new Map(list.map((f) => [f.id, f]));
    this.findingsLoaded = true;
    this.indexFindings();
    this.bump();
    this.emitRows({ type: 'findings' });
  }

  get complete(): boolean {
    return this.order.length >= this.rowCount;
  }

  /** The grid listens here: a new load replaces its rows, added rows are appended. */
  onRows(l: (e: RowsEvent) => void): () => void {
    this.rowListeners.add(l);
    return () => this.rowListeners.delete(l);
  }

  private emitRows(e: RowsEvent): void {
    for (const l of this.rowListeners) l(e);
  }

  /**
   * Whether a structural patch can be applied here as it is: it carries the new order, and every
   * row is here to be ordered (not while a big plan's rows are still arriving). Else: reload.
   */
  canTakeStructure(p: Patch): p is Patch & { order: number[] } {
    return !!p.order && this.complete;
  }

  private patchListeners = new Set<(p: Patch) => void>();

  /** Every patch applied, whoever sent its command (views of other data — units' shares — follow undo/redo). */
  onPatch(l: (p: Patch) => void): () => void {
    this.patchListeners.add(l);
    return () => this.patchListeners.delete(l);
  }

  /** Apply a patch; returns the rows it changed (for the grid's transaction). */
  apply(p: Patch): RowView[] {
    for (const r of p.rows) this.rows.set(r.id, r);
    if (p.structure && this.canTakeStructure(p)) {
      for (const id of p.removed ?? []) this.rows.delete(id);
      this.order = p.order;
      this.inOrder = new Set(p.order);
      this.rowCount = p.order.length;
    }
    this.totals = p.totals;
    if (p.findings.reset) this.findings = new Map(p.findings.reset.map((f) => [f.id, f]));
    for (const id of p.findings.remove) this.findings.delete(id);
    for (const f of p.findings.upsert) this.findings.set(f.id, f);
    this.undo = p.undo;
    if (p.meta) this.meta = p.meta;
    if (p.rules) this.rules = p.rules;
    this.indexFindings();
    for (const l of this.patchListeners) l(p);
    this.bump();
    return p.rows;
  }

  /** Edits shown ahead of the engine's answer (the status bar says "saving" while any is pending). */
  pending = 0;

  /** Show rows and totals computed in the window before the engine answers (see LocalTotals). */
  applyPreview(rows: RowView[], totals: Record<string, number>): void {
    for (const r of rows) this.rows.set(r.id, r);
    this.totals = totals;
    this.pending++;
    this.bump();
  }

  /** The engine answered (or refused) an edit shown ahead. */
  settlePreview(): void {
    this.pending = Math.max(0, this.pending - 1);
    this.bump();
  }

  /**
   * The worst severity of the findings on a cell (column null: on the line as a whole). Line null:
   * the program's TỔNG CỘNG row, where program-level findings (counterpart funds) sit.
   */
  findingAt(lineId: number | null, column: string | null): Severity | undefined {
    return this.findingIndex.get(`${lineId ?? 'program'}:${column ?? ''}`);
  }

  /** The findings on a cell (for its tooltip); a line's own findings show on its first root column. */
  findingsAt(lineId: number | null, column: string): Finding[] {
    return (this.findingIds.get(`${lineId ?? 'program'}:${column}`) ?? []).map((id) => this.findings.get(id)).filter((f): f is Finding => !!f);
  }

  private findingIds = new Map<string, string[]>();

  private indexFindings(): void {
    const rank: Record<Severity, number> = { error: 3, warning: 2, info: 1 };
    const idx = new Map<string, Severity>();
    const ids = new Map<string, string[]>();
    const root = this.columns.find((c) => c.parent === null)?.key ?? '';
    const put = (key: string, f: Finding) => {
      const cur = idx.get(key);
      if (!cur || rank[f.severity] > rank[cur]) idx.set(key, f.severity);
      const list = ids.get(key);
      if (list) list.push(f.id);
      else ids.set(key, [f.id]);
    };
    for (const f of this.findings.values()) {
      const line = f.lineId ?? 'program';
      put(`${line}:${f.column ?? ''}`, f);
      // A finding about the line as a whole (not yet allocated) is marked where the panel takes you.
      if (f.column === null && root) put(`${line}:${root}`, f);
    }
    this.findingIndex = idx;
    this.findingIds = ids;
  }

  rowList(): RowView[] {
    return this.order.map((id) => this.rows.get(id)!);
  }

  subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  getVersion = (): number => this.version;

  private bump(): void {
    this.version++;
    for (const l of this.listeners) l();
  }
}
