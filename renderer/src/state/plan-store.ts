// The renderer's copy of the open plan: rows by id in display order, totals, findings, undo state.
// Loaded from a Snapshot, then kept current by applying the Patches the engine returns — the grid
// refreshes only the rows a patch names. React reads it through useSyncExternalStore.
import type { Finding } from '../../../shared/findings';
import type { FileInfo, Patch, RowView, Snapshot, UndoState } from '../../../shared/ipc';
import type { CycleMeta, FundingColumn, RuleParams } from '../../../shared/model';

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
  private listeners = new Set<() => void>();

  load(s: Snapshot): void {
    this.file = s.file;
    this.meta = s.meta;
    this.columns = s.columns;
    this.rules = s.rules;
    this.rows = new Map(s.rows.map((r) => [r.id, r]));
    this.order = s.rows.map((r) => r.id);
    this.totals = s.totals;
    this.findings = new Map(s.findings.map((f) => [f.id, f]));
    this.undo = s.undo;
    this.bump();
  }

  /** Apply a patch; returns the rows it changed (for the grid's transaction). */
  apply(p: Patch): RowView[] {
    for (const r of p.rows) this.rows.set(r.id, r);
    this.totals = p.totals;
    if (p.findings.reset) this.findings = new Map(p.findings.reset.map((f) => [f.id, f]));
    for (const id of p.findings.remove) this.findings.delete(id);
    for (const f of p.findings.upsert) this.findings.set(f.id, f);
    this.undo = p.undo;
    if (p.meta) this.meta = p.meta;
    if (p.rules) this.rules = p.rules;
    this.bump();
    return p.rows;
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
