// A draft of the line tree for one structural edit (insert, delete, move, indent, outdent, drop):
// the edit rearranges sibling lists here, then the draft turns the difference into DocActions —
// inserts, deletes and 'place' moves — plus the code renumbering of the groups it touched, all
// for ONE commit (one undo step). Untouched sibling lists are read from the calc, never copied.
import type { PlanCalc } from '../../../shared/calc';
import type { Line } from '../../../shared/model';
import { renumber, type NumberingLevels, type NumberingTree } from '../../../shared/renumber';
import type { DocAction } from '../actions';

export class TreeDraft implements NumberingTree {
  private readonly kids = new Map<number | null, number[]>();
  private readonly parents = new Map<number, number | null>();
  private readonly created = new Map<number, Line>();
  private readonly deleted: DocAction[] = [];
  private readonly newAmounts = new Map<number, { lineId: number; column: string; value: number }[]>();
  /** Lines now under another parent than before (their codes speak of their old place). */
  readonly fresh = new Set<number>();

  constructor(private readonly calc: PlanCalc) {}

  children(parent: number | null): readonly number[] {
    return this.kids.get(parent) ?? this.calc.children(parent);
  }

  private list(parent: number | null): number[] {
    let l = this.kids.get(parent);
    if (!l) this.kids.set(parent, (l = [...this.calc.children(parent)]));
    return l;
  }

  parent(id: number): number | null {
    return this.parents.has(id) ? this.parents.get(id)! : this.calc.parentOf(id);
  }

  code(id: number): string {
    return (this.created.get(id) ?? this.calc.lines.get(id))?.code ?? '';
  }

  indexOf(id: number): number {
    return this.children(this.parent(id)).indexOf(id);
  }

  /** Depth of the children of `parent` (top-level lines: 0). */
  childDepth(parent: number | null): number {
    let d = 0;
    for (let p = parent; p !== null; p = this.parent(p)) d++;
    return d;
  }

  /** Whether `id` is `ancestor` or below it. */
  isWithin(id: number, ancestor: number): boolean {
    for (let p: number | null = id; p !== null; p = this.parent(p)) if (p === ancestor) return true;
    return false;
  }

  /** Take a line (and what is below it) out of its sibling list. */
  detach(id: number): void {
    const l = this.list(this.parent(id));
    l.splice(l.indexOf(id), 1);
  }

  /** Put a detached line into `parent`'s children at `index`. */
  attach(id: number, parent: number | null, index: number): void {
    if (!this.created.has(id) && this.calc.parentOf(id) !== parent) this.fresh.add(id);
    this.list(parent).splice(index, 0, id);
    this.parents.set(id, parent);
  }

  move(id: number, parent: number | null, index: number): void {
    this.detach(id);
    this.attach(id, parent, index);
  }

  /** A new blank line (its parent and position are set from the draft when actions are made). */
  create(line: Line, parent: number | null, index: number): void {
    this.created.set(line.id, line);
    this.attach(line.id, parent, index);
  }

  /** Delete a line with everything below it and all their figures (children first: foreign keys). */
  remove(id: number): void {
    const visit = (x: number) => {
      for (const k of this.calc.children(x)) visit(k);
      const line = this.calc.lines.get(x)!;
      this.deleted.push({
        t: 'delete',
        line,
        amounts: [...this.calc.storedOf(x)].map(([column, value]) => ({ lineId: x, column, value })),
      });
    };
    visit(id);
    this.detach(id);
    this.kids.delete(id);
  }

  get deletedCount(): number {
    return this.deleted.length;
  }

  /** The sibling groups the edit changed (null: the top level). */
  touched(): (number | null)[] {
    return [...this.kids.keys()].filter((p) => p === null || this.created.has(p) || this.calc.lines.has(p));
  }

  /** Figures a new line is created with (a paste that adds lines). */
  setNewAmounts(id: number, amounts: { column: string; value: number }[]): void {
    this.newAmounts.set(id, amounts.map((a) => ({ lineId: id, column: a.column, value: a.value })));
  }

  /**
   * The edit as DocActions: deletes, inserts (with their final place), the 'place' moves of every
   * line whose parent or position changed, then — when `numbering` is given — the codes of the
   * touched groups renumbered in their own style (new groups in the style of their depth).
   * `onlyBlankNew`: renumbering may only give codes to new lines that have none (a paste's lines).
   */
  actions(numbering: { levels: () => NumberingLevels } | null, onlyBlankNew = false): DocAction[] {
    const touched = this.touched();
    let codes = new Map<number, string>();
    if (numbering) {
      let levels: NumberingLevels | null = null;
      codes = renumber(this, touched, (p) => this.childDepth(p), {
        // Detecting the plan's own levels reads every line: only when a group needs them.
        get levels() {
          return (levels ??= numbering.levels());
        },
        mode: 'auto',
        fresh: this.fresh,
      });
      if (onlyBlankNew) codes = new Map([...codes].filter(([id]) => this.created.get(id)?.code === ''));
    }
    const inserts: { depth: number; action: DocAction }[] = [];
    const places: DocAction[] = [];
    const fields: DocAction[] = [];
    const gone = new Set(this.deleted.map((a) => (a.t === 'delete' ? a.line.id : 0)));
    for (const parent of touched) {
      if (parent !== null && gone.has(parent)) continue;
      const depth = this.childDepth(parent);
      this.list(parent).forEach((id, position) => {
        const made = this.created.get(id);
        if (made) {
          const line: Line = { ...made, parentId: parent, position, code: codes.get(id) ?? made.code };
          inserts.push({ depth, action: { t: 'insert', line, amounts: this.newAmounts.get(id) ?? [] } });
          return;
        }
        const line = this.calc.lines.get(id)!;
        if (line.parentId !== parent || line.position !== position) {
          places.push({ t: 'place', lineId: id, old: { parentId: line.parentId, position: line.position }, new: { parentId: parent, position } });
        }
      });
    }
    for (const [id, code] of codes) {
      const line = this.calc.lines.get(id);
      if (line && !this.created.has(id)) fields.push({ t: 'fields', lineId: id, old: { code: line.code }, new: { code } });
    }
    // A new line under another new line comes after it (foreign keys): inserts by depth.
    inserts.sort((a, b) => a.depth - b.depth);
    return [...this.deleted, ...inserts.map((i) => i.action), ...places, ...fields];
  }
}

/**
 * The lines an operation on a selection acts on: each chosen line once, without the chosen lines
 * that sit below another chosen line (they go with it), in display order.
 */
export function selectionRoots(calc: PlanCalc, ids: readonly number[]): number[] {
  const chosen = new Set(ids.filter((id) => calc.lines.has(id)));
  if (chosen.size <= 1) return [...chosen];
  const out: number[] = [];
  for (const { id } of calc.walk()) {
    if (chosen.has(id) && !calc.ancestors(id).some((a) => chosen.has(a))) out.push(id);
  }
  return out;
}
