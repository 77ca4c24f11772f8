// A window that keeps its copy of the plan only from patches — structural ones included, which no
// longer come with a re-read of the whole plan — must hold exactly what a fresh snapshot shows,
// after any sequence of line operations, edits, undos and redos.
import fc from 'fast-check';
import path from 'node:path';
import type { Finding } from '../../shared/findings';
import type { Patch, RowView } from '../../shared/ipc';
import { generatePlan } from '../../shared/rules/bench-plan';
import { sampleCycle } from '../../shared/samples/dak-nong-2024';
import { tempDir } from '../../test/support/tmp';
import { PlanDeskError } from './errors';
import { PlanSession } from './session';
import { createCycleFile } from './store/cycle-file';

/** The window's copy: rows by id and the display order, updated the way the renderer's store does. */
class WindowCopy {
  rows = new Map<number, RowView>();
  order: number[] = [];
  totals: Record<string, number> = {};
  findings = new Map<string, Finding>();
  constructor(snapshot: { rows: RowView[]; totals: Record<string, number>; findings: Finding[] }) {
    for (const r of snapshot.rows) this.rows.set(r.id, r);
    this.order = snapshot.rows.map((r) => r.id);
    this.totals = snapshot.totals;
    for (const f of snapshot.findings) this.findings.set(f.id, f);
  }
  apply(p: Patch): void {
    for (const r of p.rows) this.rows.set(r.id, r);
    this.totals = p.totals;
    if (p.findings.reset) this.findings = new Map(p.findings.reset.map((f) => [f.id, f]));
    for (const id of p.findings.remove) this.findings.delete(id);
    for (const f of p.findings.upsert) this.findings.set(f.id, f);
    if (p.structure) {
      expect(p.order).toBeDefined();
      for (const id of p.removed ?? []) this.rows.delete(id);
      this.order = p.order!;
    }
  }
  view(): { rows: RowView[]; totals: Record<string, number> } {
    return { rows: this.order.map((id) => this.rows.get(id)!), totals: this.totals };
  }
}

const byId = (a: Finding, b: Finding) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

describe('structural patches', () => {
  it.each([
    ['the sample plan, codes renumbered', 'sample', true],
    ['a deeper generated plan, codes renumbered', 'generated', true],
    ['a deeper generated plan, codes kept as typed', 'generated', false],
  ] as const)('keep a window copy equal to the snapshot after any sequence of operations: %s (property)', (_, plan, autoNumber) => {
    const M = 1_000_000;
    const op = fc.record({
      kind: fc.constantFrom('insert', 'delete', 'indent', 'outdent', 'up', 'down', 'place', 'paste', 'undo', 'redo'),
      a: fc.nat(),
      b: fc.nat(),
      where: fc.constantFrom('above', 'below', 'child', 'before', 'after'),
    });
    const file = path.join(tempDir(), 'plan.plandesk');
    // Generated: project › sub-project › commune › activity, so a line has grandparents whose
    // totals follow, and a moved line can carry a subtree whose depth changes.
    createCycleFile(file, plan === 'sample' ? sampleCycle() : generatePlan(70, 5));
    const s = PlanSession.open(file);
    if (!autoNumber) s.handle('settings/set', { key: 'editing', value: { autoNumber: false, levels: null } });
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 8 }), (ops) => {
        const copy = new WindowCopy(s.snapshot());
        for (const o of ops) {
          const ids = copy.order;
          const a = ids[o.a % ids.length];
          const b = ids[o.b % ids.length];
          let p: Patch;
          try {
            if (o.kind === 'insert') p = s.handle('lines/insert', { anchor: a, where: o.where === 'child' ? 'child' : o.where === 'above' ? 'above' : 'below' });
            else if (o.kind === 'delete') p = s.handle('lines/delete', { lineIds: [a, b] });
            else if (o.kind === 'indent') p = s.handle('lines/indent', { lineIds: [a, b] });
            else if (o.kind === 'outdent') p = s.handle('lines/outdent', { lineIds: [a] });
            else if (o.kind === 'up' || o.kind === 'down') p = s.handle('lines/move', { lineIds: [a, b], direction: o.kind });
            else if (o.kind === 'place') p = s.handle('lines/place', { lineIds: [a], target: b, where: o.where === 'before' ? 'before' : 'after' });
            else if (o.kind === 'undo' || o.kind === 'redo') p = s.handle(o.kind, {});
            else {
              // Figures that raise findings (investment money where only recurrent may go, negative
              // amounts) and a copied code (duplicates once lines share a group): what line
              // operations then carry around.
              const column = o.b % 3 === 0 ? 'central_investment' : 'local_recurrent';
              if (a === undefined) continue; // every line deleted by earlier runs
              const code = copy.rows.get(a)!.code;
              p = s.handle('edit/write', {
                amounts: [{ lineId: a, column, value: ((o.b % 100) - 20) * M }],
                fields: o.a % 2 === 0 ? [{ lineId: b, fields: { code } }] : [],
                label: 'paste',
              });
            }
          } catch (e) {
            if (!(e instanceof PlanDeskError)) throw e;
            continue;
          }
          copy.apply(p);
          const snap = s.snapshot();
          expect(copy.view()).toEqual({ rows: snap.rows, totals: snap.totals });
          // Findings updated for the touched lines only = the rules run from scratch on the file,
          // in the same order (a fresh session builds its findings from nothing).
          const fresh = PlanSession.open(file, { readOnly: true });
          const scratch = fresh.snapshot().findings;
          fresh.close();
          expect(snap.findings).toEqual(scratch);
          expect([...copy.findings.values()].sort(byId)).toEqual([...scratch].sort(byId));
        }
      }),
      { numRuns: 80 },
    );
    s.close();
  });

  it('send the rows that changed, not the whole plan', () => {
    const file = path.join(tempDir(), 'plan.plandesk');
    createCycleFile(file, sampleCycle());
    const s = PlanSession.open(file);
    const rows = s.snapshot().rows;
    const line62 = rows.find((r) => r.code === '6.2')!;
    const p = s.handle('lines/insert', { anchor: line62.id, where: 'below' });
    expect(p.structure).toBe(true);
    expect(p.order).toHaveLength(rows.length + 1);
    // The new line and its parent (Dự án 6); no renumbering needed below 6.2's group.
    expect(p.rows.map((r) => r.code).sort()).toEqual(['6', '6.3']);
    expect(p.removed).toEqual([]);
    s.close();
  });
});
