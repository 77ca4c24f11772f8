// Totals recomputed in the window itself, so an edit shows its new totals in the very next frame —
// before the engine's answer comes back. The same PlanCalc as the engine (shared/calc.ts), built
// from the store's rows; the engine's patch that follows is authoritative and replaces whatever
// was shown. Until that answer arrives the status bar says "saving" (an edit counts as done once
// the engine has committed it).
import { ColumnTree } from '../../../shared/columns';
import { PlanCalc } from '../../../shared/calc';
import type { Patch, RowView } from '../../../shared/ipc';
import type { Amount, Dong, Line } from '../../../shared/model';
import { sumToleranceDong } from '../../../shared/rules/context';
import { captureAgreeing, followChanges, withAncestors } from '../../../shared/stated-follow';
import type { PlanStore } from './plan-store';

export interface Preview {
  rows: RowView[];
  totals: Record<string, Dong>;
}

export class LocalTotals {
  private calc: PlanCalc | null = null;
  private tree: ColumnTree | null = null;

  private warmTimer: ReturnType<typeof setTimeout> | null = null;
  constructor(private readonly store: PlanStore) {}

  /**
   * Follow the store: a new load or new rows invalidate the calc, which is rebuilt soon after.
   * Returns the function that stops following (a replaced grid must not keep rebuilding).
   */
  attach(): () => void {
    const off = this.store.onRows((e) => {
      if (e.type === 'findings') return;
      this.calc = null;
      this.warmSoon();
    });
    return () => {
      off();
      if (this.warmTimer !== null) clearTimeout(this.warmTimer);
      this.warmTimer = null;
      this.calc = null;
    };
  }

  /** Build the calc shortly after the plan has arrived, so the first edit does not pay for it. */
  private warmSoon(): void {
    if (this.warmTimer !== null || typeof setTimeout === 'undefined') return;
    this.warmTimer = setTimeout(() => {
      this.warmTimer = null;
      if (this.store.complete) this.ensure();
    }, 50);
  }

  /** The calc over the store's rows, or null while the plan is still arriving. */
  private ensure(): PlanCalc | null {
    if (this.calc) return this.calc;
    if (!this.store.complete) return null;
    const siblings = new Map<number | null, number>();
    const lines: Line[] = [];
    const amounts: Amount[] = [];
    for (const r of this.store.rowList()) {
      const position = siblings.get(r.parentId) ?? 0;
      siblings.set(r.parentId, position + 1);
      lines.push({
        id: r.id, parentId: r.parentId, position, code: r.code, name: r.name, agency: r.agency, note: r.note,
        allowedCapital: r.allowedCapital, isAdjustment: r.isAdjustment,
      });
      for (const [column, value] of Object.entries(r.stored)) amounts.push({ lineId: r.id, column, value });
    }
    this.tree = new ColumnTree(this.store.columns);
    this.calc = new PlanCalc(this.tree, lines, amounts);
    return this.calc;
  }

  /** Apply one figure locally; the rows and totals it changes, ready to show. */
  preview(lineId: number, column: string, value: Dong | null): Preview | null {
    const calc = this.ensure();
    const tree = this.tree;
    if (!calc || !tree || !calc.lines.has(lineId) || !tree.has(column)) return null;
    // Stated totals that agreed follow the edit, as the engine's commit does (shared/stated-follow.ts).
    const lines = new Set<number>();
    withAncestors(calc, lineId, lines);
    const agreeing = this.store.rules && this.store.meta ? captureAgreeing(calc, lines, sumToleranceDong(this.store.rules, this.store.meta.unit)) : null;
    const changed = calc.setAmount(lineId, column, value);
    const moved = new Map<number, Record<string, Dong>>();
    for (const f of agreeing ? followChanges(calc, agreeing) : []) {
      calc.setAmount(f.lineId, f.column, f.new, changed);
      moved.set(f.lineId, { ...moved.get(f.lineId), [f.column]: f.new });
    }
    const rows: RowView[] = [];
    for (const id of changed) {
      const before = this.store.rows.get(id);
      if (!before) continue;
      const values: Record<string, Dong> = {};
      for (const c of tree.ordered) values[c.key] = calc.value(id, c.key);
      const stored = { ...before.stored, ...moved.get(id) };
      if (id === lineId) {
        if (value === null) delete stored[column];
        else stored[column] = value;
      }
      rows.push({ ...before, values, stored, unallocated: calc.isUnallocatedParent(id) });
    }
    const totals: Record<string, Dong> = {};
    for (const c of tree.ordered) totals[c.key] = calc.total(c.key);
    return { rows, totals };
  }

  /** Bring the local calc in line with what the engine answered (it is authoritative). */
  reconcile(patch: Patch): void {
    const calc = this.calc;
    if (!calc) return;
    if (patch.structure) {
      // Lines moved: rebuild from the store soon (not at the next keypress).
      this.calc = null;
      this.warmSoon();
      return;
    }
    for (const row of patch.rows) {
      if (!calc.lines.has(row.id)) {
        this.calc = null;
        return;
      }
      const local = calc.storedOf(row.id);
      for (const [column, value] of Object.entries(row.stored)) {
        if (local.get(column) !== value) calc.setAmount(row.id, column, value);
      }
      for (const column of local.keys()) if (!(column in row.stored)) calc.setAmount(row.id, column, null);
    }
  }

  /** Forget local state (after a refused edit: the next edit rebuilds from the store). */
  discard(): void {
    this.calc = null;
  }
}
