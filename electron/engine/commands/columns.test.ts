// The funding-column commands on a real cycle file: add, rename / roles, move, delete with the
// figures kept on the column's keys, each ONE undo step; undo and redo give back the exact file;
// a leaf column that gains sub-columns keeps its figures as stated totals; refusals by key.
import fc from 'fast-check';
import path from 'node:path';
import type { Finding, FindingsDelta } from '../../../shared/findings';
import { sampleCycle } from '../../../shared/samples/dak-nong-2024';
import { labelText } from '../../../shared/step-label';
import type { DocAction } from '../actions';
import { generatePlan } from '../../../test/support/bench-plan';
import { tempDir } from '../../../test/support/tmp';
import { PlanDeskError } from '../errors';
import { PlanSession } from '../session';
import { createCycleFile } from '../store/cycle-file';

const M = 1_000_000;

function sampleFile(): string {
  const file = path.join(tempDir(), 'plan.plandesk');
  createCycleFile(file, sampleCycle());
  return file;
}

const id = (s: PlanSession, code: string): number => s.snapshot().rows.find((r) => r.code === code)!.id;

/** The plan as stored in the file (columns, lines, figures), in a fixed order: equal dumps = same plan. */
function dump(s: PlanSession): string {
  const db = s.db;
  return JSON.stringify({
    columns: db.prepare('SELECT * FROM columns ORDER BY key').all(),
    lines: db.prepare('SELECT * FROM lines ORDER BY id').all(),
    amounts: db.prepare('SELECT * FROM amounts ORDER BY line_id, column_key').all(),
    rules: db.prepare("SELECT value FROM meta WHERE key = 'rules'").all(),
  });
}

/** Header keys in display order with their depth, e.g. "  central_investment". */
const outline = (s: PlanSession) => {
  const tree = s.columns;
  return tree.ordered.map((c) => `${'  '.repeat(tree.depth(c.key))}${c.key}`);
};

const refusal = async (pending: Promise<unknown>): Promise<string> => {
  try {
    await pending;
  } catch (e) {
    if (e instanceof PlanDeskError) return e.code;
    throw e;
  }
  throw new Error('no refusal');
};

const CREDIT = { vi: 'Vốn tín dụng chính sách', en: 'Policy credit' };

describe('columns/add', () => {
  it('adds a column under a parent at a position, with a slug key, as one undo step; undo and redo are exact', async () => {
    const s = PlanSession.open(sampleFile());
    const before = dump(s);
    const p = await s.handle('columns/add', { parent: 'total', position: 2, label: CREDIT, source: 'other', capital: null });
    expect(p.key).toBe('von_tin_dung_chinh_sach');
    expect(p.columns!.map((c) => c.key)).toContain('von_tin_dung_chinh_sach');
    expect(p.structure).toBe(true);
    expect(p.order).toBeUndefined(); // the window reads the plan again
    expect(labelText('vi', p.undo.undoLabel!)).toBe('Thêm cột "Vốn tín dụng chính sách"');
    expect(labelText('en', p.undo.undoLabel!)).toBe('Add column "Policy credit"');
    expect(outline(s)).toEqual([
      'total', '  central', '    central_investment', '    central_recurrent', '  local', '    local_investment', '    local_recurrent',
      '  von_tin_dung_chinh_sach', '  other',
    ]);
    expect(s.snapshot().rows[0].values.von_tin_dung_chinh_sach).toBe(0);
    const after = dump(s);
    await s.undo();
    expect(dump(s)).toBe(before);
    expect(s.columns.has('von_tin_dung_chinh_sach')).toBe(false);
    await s.redo();
    expect(dump(s)).toBe(after);
    s.close();
    // Kept in the file: reopened, the column is there and undo still works.
    const again = PlanSession.open(s.file.path);
    expect(outline(again)).toContain('  von_tin_dung_chinh_sach');
    again.undo();
    expect(dump(again)).toBe(before);
    again.close();
  });

  it('a figure typed into the new column moves the totals; a second column of the same label gets _2 in another group', async () => {
    const s = PlanSession.open(sampleFile());
    const { key } = await s.handle('columns/add', { parent: 'total', label: CREDIT, source: null, capital: null });
    const total = s.snapshot().totals.total;
    const line = id(s, '3.1');
    const p = await s.handle('cell/set', { lineId: line, column: key, value: 74_500 * M });
    expect(p.totals.total).toBe(total + 74_500 * M);
    expect(p.totals[key]).toBe(74_500 * M);
    const second = await s.handle('columns/add', { parent: 'central', label: CREDIT, source: null, capital: null });
    expect(second.key).toBe('von_tin_dung_chinh_sach_2');
  });

  it('a leaf that gains sub-columns keeps its figures at its own key as stated totals, compared with the new sub-columns', async () => {
    const s = PlanSession.open(sampleFile());
    const row = s.snapshot().rows.find((r) => r.code === '3.1')!;
    const figure = 74_500 * M;
    await s.handle('cell/set', { lineId: row.id, column: 'other', value: figure });
    const totalBefore = s.snapshot().totals.total;
    const { key } = await s.handle('columns/add', { parent: 'other', label: { vi: 'Vốn lồng ghép', en: '' }, source: null, capital: null });
    const view = s.rowView(row.id);
    expect(view.stored.other).toBe(figure); // kept, now a stated total
    expect(view.values.other).toBe(0); // computed: the sum of its (empty) sub-columns
    expect(s.calc.isTotalPosition(row.id, 'other')).toBe(true);
    const mismatch = s.findings().find((f) => f.rule === 'sum_mismatch' && f.lineId === row.id && f.column === 'other');
    expect(mismatch).toMatchObject({ expected: 0, actual: figure });
    // Its figure typed into the sub-column: the stated total agrees again, the program total is back.
    await s.handle('cell/set', { lineId: row.id, column: key, value: figure });
    expect(s.findings().find((f) => f.rule === 'sum_mismatch' && f.lineId === row.id && f.column === 'other')).toBeUndefined();
    expect(s.snapshot().totals.total).toBe(totalBefore);
    // The group shows its own total under "Tổng" (as NSTW and NSĐP do).
    expect(s.columns.byKey.get('other')!.totalLabel).toEqual({ vi: 'Tổng', en: 'Total' });
  });

  it('refuses what makes no sense, with a key', async () => {
    const s = PlanSession.open(sampleFile());
    expect(await refusal(s.handle('columns/add', { parent: 'nope', label: CREDIT, source: null, capital: null }))).toBe('error.unknown_column');
    expect(await refusal(s.handle('columns/add', { parent: 'central', label: { vi: 'vốn sự nghiệp (sn)', en: '' }, source: null, capital: null }))).toBe(
      'columns.error.duplicate_label',
    );
    // A local source under NSTW would count as both.
    expect(await refusal(s.handle('columns/add', { parent: 'central', label: { vi: 'NSĐP cấp xã', en: '' }, source: 'local', capital: null }))).toBe(
      'columns.error.source_conflict',
    );
    expect(await refusal(s.handle('columns/add', { parent: 'central_investment', label: { vi: 'SN lẻ', en: '' }, source: null, capital: 'recurrent' }))).toBe(
      'columns.error.source_conflict',
    );
    expect(await refusal(s.handle('columns/add', { parent: 'total', label: { vi: '  ', en: '' }, source: null, capital: null }))).toBe('error.invalid_args');
    expect(s.snapshot().undo.canUndo).toBe(false);
  });
});

describe('columns/update and columns/move', () => {
  it('renames and sets roles in one step; the counterpart rule follows the roles', async () => {
    const s = PlanSession.open(sampleFile());
    const { key } = await s.handle('columns/add', { parent: 'total', label: { vi: 'NSĐP cấp xã', en: 'Commune budget' }, source: null, capital: null });
    const counterpart = () => s.findings().find((f) => f.rule === 'counterpart_min' && f.lineId === null);
    const local = counterpart()!.actual!; // the sample is short of 10% already
    await s.handle('cell/set', { lineId: s.snapshot().rows.find((r) => r.code === '3.1')!.id, column: key, value: 500 * M });
    expect(counterpart()!.actual).toBe(local); // no role: not local money
    const p = await s.handle('columns/update', { key, source: 'local', label: { vi: 'NSĐP cấp xã (đối ứng)', en: '' } });
    expect(labelText('vi', p.undo.undoLabel!)).toBe('Sửa cột "NSĐP cấp xã (đối ứng)"');
    expect(s.columns.byKey.get(key)).toMatchObject({ label: { vi: 'NSĐP cấp xã (đối ứng)', en: 'NSĐP cấp xã (đối ứng)' }, source: 'local', capital: null });
    expect(counterpart()!.actual).toBe(local + 500 * M);
    expect(p.findings.reset).toBeDefined();
    await s.undo();
    expect(s.columns.byKey.get(key)).toMatchObject({ label: { vi: 'NSĐP cấp xã' }, source: null });
    expect(counterpart()!.actual).toBe(local);
    // Nothing changed: no step.
    const undo = s.snapshot().undo;
    await s.handle('columns/update', { key, label: { vi: 'NSĐP cấp xã', en: 'Commune budget' } });
    expect(s.snapshot().undo).toEqual(undo);
  });

  it('reorders, nests and unnests; refuses a move under itself, against the roles of a group, and moving the root', async () => {
    const s = PlanSession.open(sampleFile());
    const before = dump(s);
    const { key } = await s.handle('columns/add', { parent: 'total', label: { vi: 'Vốn lồng ghép', en: 'Integrated funds' }, source: null, capital: null });
    await s.handle('cell/set', { lineId: s.snapshot().rows.find((r) => r.code === '3.1')!.id, column: key, value: 700 * M });
    await s.handle('columns/move', { key, parent: 'total', position: 0 });
    expect(outline(s).slice(0, 2)).toEqual(['total', `  ${key}`]);
    await s.handle('columns/move', { key, parent: 'local', position: 1 });
    expect(outline(s)).toEqual([
      'total', '  central', '    central_investment', '    central_recurrent', '  local', '    local_investment', `    ${key}`, '    local_recurrent', '  other',
    ]);
    // Its figures now count in NSĐP's total.
    for (const r of s.snapshot().rows.filter((x) => !x.hasChildren)) {
      expect(r.values.local).toBe((r.stored.local_investment ?? 0) + (r.stored.local_recurrent ?? 0) + (r.stored[key] ?? 0));
    }
    expect(await refusal(s.handle('columns/move', { key: 'local', parent: key, position: 0 }))).toBe('columns.error.cycle');
    expect(await refusal(s.handle('columns/move', { key: 'local', parent: 'local', position: 0 }))).toBe('columns.error.cycle');
    expect(await refusal(s.handle('columns/move', { key: 'total', parent: 'local', position: 0 }))).toBe('columns.error.root');
    expect(await refusal(s.handle('columns/move', { key: 'other', parent: 'local', position: 0 }))).toBe('columns.error.source_conflict');
    await s.handle('columns/move', { key, parent: 'total', position: 9 });
    expect(outline(s).at(-1)).toBe(`  ${key}`);
    for (let i = 0; i < 5; i++) await s.undo();
    expect(dump(s)).toBe(before);
  });
});

describe('columns/delete and columns/impact', () => {
  it('says how much money and how many cells a delete removes, removes them with the column in one step, and undo puts them back', async () => {
    const s = PlanSession.open(sampleFile());
    const before = dump(s);
    const snap = s.snapshot();
    const stored = snap.rows.filter((r) => r.stored.local !== undefined || r.stored.local_investment !== undefined || r.stored.local_recurrent !== undefined);
    const cells = snap.rows.reduce((n, r) => n + ['local', 'local_investment', 'local_recurrent'].filter((k) => r.stored[k] !== undefined).length, 0);
    expect(stored.length).toBeGreaterThan(0);
    const impact = await s.handle('columns/impact', { key: 'local' });
    expect(impact).toEqual({ keys: ['local', 'local_investment', 'local_recurrent'], dong: snap.totals.local, cells, other: 0 });
    const p = await s.handle('columns/delete', { key: 'local' });
    expect(labelText('vi', p.undo.undoLabel!)).toBe('Xóa cột "Ngân sách địa phương (NSĐP)"');
    expect(outline(s)).toEqual(['total', '  central', '    central_investment', '    central_recurrent', '  other']);
    expect(s.columns.byKey.get('other')!.position).toBe(1);
    expect(p.totals.local).toBeUndefined();
    expect(s.db.prepare("SELECT count(*) AS n FROM amounts WHERE column_key LIKE 'local%'").get()).toEqual({ n: 0 });
    // No counterpart check without a local column, and no sum mismatch on totals that included it…
    expect(s.findings().filter((f) => f.rule === 'counterpart_min')).toEqual([]);
    const after = dump(s);
    await s.undo();
    expect(dump(s)).toBe(before);
    expect(s.snapshot().totals).toEqual(snap.totals);
    expect(s.findings()).toEqual(PlanSession.open(s.file.path).findings());
    await s.redo();
    expect(dump(s)).toBe(after);
  });

  it('never leaves the tree without its root; the last sub-column gone, its group becomes a leaf again', async () => {
    const s = PlanSession.open(sampleFile());
    expect(await refusal(s.handle('columns/delete', { key: 'total' }))).toBe('columns.error.root');
    await s.handle('columns/delete', { key: 'central_investment' });
    await s.handle('columns/delete', { key: 'central_recurrent' });
    expect(s.columns.isLeaf('central')).toBe(true);
    // NSTW's stated totals are its entries now: the program total counts them.
    const snap = s.snapshot();
    const sum = snap.rows.filter((r) => r.depth === 0).reduce((n, r) => n + r.values.central, 0);
    expect(snap.totals.central).toBe(sum);
    expect(await refusal(s.handle('columns/delete', { key: 'nope' }))).toBe('error.unknown_column');
  });

  it('the stated totals that agreed follow a deleted column (no mismatch appears for money that went with it)', async () => {
    const s = PlanSession.open(sampleFile());
    const mismatches = () => s.findings().filter((f) => f.rule === 'sum_mismatch').length;
    const n = mismatches();
    await s.handle('columns/delete', { key: 'other' });
    expect(mismatches()).toBe(n);
  });
});

describe('findings after a column change', () => {
  it('an empty column added under a group keeps every finding (no full run), and the rules check it from then on', async () => {
    const s = PlanSession.open(sampleFile());
    const before = s.findings();
    const p = await s.handle('columns/add', { parent: 'local', label: { vi: 'ĐTPT cấp xã', en: '' }, source: null, capital: 'investment' });
    expect(p.findings).toEqual({ upsert: [], remove: [] });
    expect(s.findings()).toEqual(before);
    // Line 3.1 may take recurrent funds only: investment money in the new column is flagged.
    const line = s.snapshot().rows.find((r) => r.code === '3.1')!.id;
    const edit = await s.handle('cell/set', { lineId: line, column: p.key, value: 5 * M });
    expect(edit.findings.upsert.some((f) => f.rule === 'capital_eligibility' && f.column === p.key)).toBe(true);
    expect(s.findings()).toEqual(PlanSession.open(s.file.path).findings());
    // Its undo (with the figure) and the add's undo: the findings are the first ones again.
    await s.undo();
    const undoAdd = await s.undo();
    expect(undoAdd.findings).toEqual({ upsert: [], remove: [] });
    expect(s.findings()).toEqual(before);
  });

  it('a leaf column deleted with its figures re-checks only the lines that held them: the findings equal a full run', async () => {
    const s = PlanSession.open(sampleFile());
    const { key } = await s.handle('columns/add', { parent: 'total', label: { vi: 'Vốn lồng ghép', en: '' }, source: null, capital: 'investment' });
    for (const code of ['3.1', '4.1', '6.2']) await s.handle('cell/set', { lineId: s.snapshot().rows.find((r) => r.code === code)!.id, column: key, value: 7 * M });
    expect(s.findings().some((f) => f.column === key)).toBe(true); // 3.1 may not take investment money
    const p = await s.handle('columns/delete', { key });
    expect(p.findings.reset).toBeUndefined();
    expect(s.findings()).toEqual(PlanSession.open(s.file.path).findings());
    expect(s.findings().some((f) => f.column === key)).toBe(false);
    await s.undo();
    expect(s.findings()).toEqual(PlanSession.open(s.file.path).findings());
  });

  it('a leaf that gains its first sub-column or a renamed column runs the rules again', async () => {
    const s = PlanSession.open(sampleFile());
    expect((await s.handle('columns/add', { parent: 'other', label: { vi: 'Lồng ghép', en: '' }, source: null, capital: null })).findings.reset).toBeDefined();
    expect((await s.handle('columns/update', { key: 'local', label: { vi: 'NSĐP (tỉnh)', en: '' } })).findings.reset).toBeDefined();
  });

  it('a new NSĐP source, or NSĐP deleted with its sub-columns and figures, re-checks the lines it moves and the counterpart: the findings equal a full run', async () => {
    const s = PlanSession.open(sampleFile());
    const full = () => PlanSession.open(s.file.path, { readOnly: true }).findings();
    s.findings(); // built, as the window asks for them
    // First among the sources: the counterpart findings name it now (their column), figures or not.
    const added = await s.handle('columns/add', { parent: 'total', position: 0, label: { vi: 'NSĐP cấp xã', en: '' }, source: 'local', capital: null });
    expect(added.findings.reset).toBeUndefined();
    expect(s.findings()).toEqual(full());
    expect(s.findings().filter((f) => f.rule === 'counterpart_min').every((f) => f.column === added.key)).toBe(true);
    await s.handle('cell/set', { lineId: id(s, '3.1'), column: added.key, value: 900 * M }); // counts as local money now
    expect(s.findings()).toEqual(full());
    expect(s.findings().some((f) => f.rule === 'counterpart_min')).toBe(true);
    const del = await s.handle('columns/delete', { key: 'local' });
    expect(del.findings.reset).toBeUndefined();
    expect(s.findings()).toEqual(full());
    expect(s.findings().some((f) => f.column?.startsWith('local'))).toBe(false);
    for (const step of [() => s.undo(), () => s.redo(), () => s.undo()]) {
      expect(step().findings.reset).toBeUndefined();
      expect(s.findings()).toEqual(full());
    }
  });
});

describe('random column edits', () => {
  type Op =
    | { k: 'add'; parent: number; position: number; label: number; source: 0 | 1 | 2 | 3; capital: 0 | 1 | 2 }
    | { k: 'update'; col: number; label: number; source: 0 | 1 | 2 | 3; capital: 0 | 1 | 2 }
    | { k: 'move'; col: number; parent: number; position: number }
    | { k: 'delete'; col: number }
    | { k: 'cell'; line: number; col: number; value: number };
  const SOURCES = [null, 'central', 'local', 'other'] as const;
  const CAPITALS = [null, 'investment', 'recurrent'] as const;
  const LABELS = ['Vốn tín dụng chính sách', 'Vốn lồng ghép', 'NSĐP cấp tỉnh', 'NSĐP cấp xã', 'Vốn huy động hợp pháp khác', 'Đối ứng', 'Khác'];
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ k: fc.constant('add' as const), parent: fc.nat(40), position: fc.nat(5), label: fc.nat(LABELS.length - 1), source: fc.constantFrom(0, 1, 2, 3), capital: fc.constantFrom(0, 1, 2) }),
    fc.record({ k: fc.constant('update' as const), col: fc.nat(40), label: fc.nat(LABELS.length - 1), source: fc.constantFrom(0, 1, 2, 3), capital: fc.constantFrom(0, 1, 2) }),
    fc.record({ k: fc.constant('move' as const), col: fc.nat(40), parent: fc.nat(40), position: fc.nat(5) }),
    fc.record({ k: fc.constant('delete' as const), col: fc.nat(40) }),
    fc.record({ k: fc.constant('cell' as const), line: fc.nat(40), col: fc.nat(40), value: fc.integer({ min: -1000, max: 1_000_000 }) }),
  );

  it('each edit is one step; undoing them all gives back the exact file, redoing them all the exact result (and memory = a reopened file)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
        const file = sampleFile();
        const s = PlanSession.open(file);
        const done = () => (s.db.prepare("SELECT count(*) AS n FROM undo_steps WHERE state = 'done'").get() as { n: number }).n;
        try {
          const start = dump(s);
          let steps = 0;
          for (const o of ops) {
            const cols = s.columns.ordered;
            const pick = (i: number) => cols[i % cols.length].key;
            const before = s.snapshot().undo;
            const stepsBefore = done();
            try {
              if (o.k === 'add') {
                await s.handle('columns/add', { parent: pick(o.parent), position: o.position, label: { vi: `${LABELS[o.label]} ${steps}`, en: '' }, source: SOURCES[o.source], capital: CAPITALS[o.capital] });
              } else if (o.k === 'update') {
                await s.handle('columns/update', { key: pick(o.col), label: { vi: LABELS[o.label], en: '' }, source: SOURCES[o.source], capital: CAPITALS[o.capital] });
              } else if (o.k === 'move') {
                await s.handle('columns/move', { key: pick(o.col), parent: pick(o.parent), position: o.position });
              } else if (o.k === 'delete') {
                await s.handle('columns/delete', { key: pick(o.col) });
              } else {
                const rows = s.snapshot().rows.filter((r) => !r.hasChildren);
                const leaves = s.columns.leaves;
                await s.handle('cell/set', { lineId: rows[o.line % rows.length].id, column: leaves[o.col % leaves.length].key, value: o.value * M });
              }
            } catch (e) {
              if (!(e instanceof PlanDeskError)) throw e;
              expect(s.snapshot().undo).toEqual(before); // a refusal records nothing
              continue;
            }
            expect(done() - stepsBefore).toBeLessThanOrEqual(1); // one command, at most one step
            steps += done() - stepsBefore;
          }
          const end = dump(s);
          const findings = s.findings();
          const totals = s.snapshot().totals;
          // Memory agrees with the file: a reopened session sees the same.
          const fresh = PlanSession.open(file);
          expect(fresh.snapshot().totals).toEqual(totals);
          expect(fresh.findings()).toEqual(findings);
          fresh.close();
          for (let i = 0; i < steps; i++) s.undo();
          expect(dump(s)).toBe(start);
          for (let i = 0; i < steps; i++) s.redo();
          expect(dump(s)).toBe(end);
          expect(s.snapshot().totals).toEqual(totals);
          for (let i = 0; i < steps; i++) s.undo();
          expect(dump(s)).toBe(start);
        } finally {
          s.close();
        }
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});

describe('column deletes re-check only what they move', () => {
  /** The window's side: a map of findings kept by the patches' deltas. */
  const follow = (mirror: Map<string, Finding>, d: FindingsDelta) => {
    if (d.reset) mirror.clear();
    for (const f of d.reset ?? []) mirror.set(f.id, f);
    for (const x of d.remove) mirror.delete(x);
    for (const f of d.upsert) mirror.set(f.id, f);
  };
  type Op = { k: 'delete' | 'add' | 'cell' | 'undo' | 'redo' | 'move'; a: number; b: number; c: number };
  const op: fc.Arbitrary<Op> = fc.record({ k: fc.constantFrom('delete', 'delete', 'add', 'cell', 'undo', 'redo', 'move'), a: fc.nat(60), b: fc.nat(60), c: fc.nat(3) });
  const SOURCES = [null, 'central', 'local', 'other'] as const;

  it('after random column deletes, adds, moves, figures, undo and redo: the findings (and the deltas the window applies) equal a full run', async () => {
    const plans = [sampleFile, () => {
      const file = path.join(tempDir(), 'gen.plandesk');
      createCycleFile(file, generatePlan(300, 7));
      return file;
    }];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(0, 1), fc.array(op, { minLength: 1, maxLength: 10 }), async (plan, ops) => {
        const s = PlanSession.open(plans[plan]());
        try {
          // Field findings on lines holding figures too (a blank name, a code twice among siblings):
          // a column step keeps them as they are.
          const rows = s.snapshot().rows.filter((r) => Object.keys(r.stored).length > 0);
          await s.handle('line/update', { lineId: rows[1].id, fields: { name: '' } });
          const twin = rows.find((r) => r.id !== rows[2].id && r.parentId === rows[2].parentId);
          if (twin) await s.handle('line/update', { lineId: twin.id, fields: { code: rows[2].code } });
          const mirror = new Map(s.findings().map((f) => [f.id, f]));
          expect(s.findings().some((f) => f.rule === 'required_field' && f.lineId === rows[1].id)).toBe(true);
          let n = 0;
          for (const o of ops) {
            const cols = s.columns.ordered.filter((c) => c.parent !== null);
            const col = cols[o.a % Math.max(cols.length, 1)];
            if (!col && (o.k === 'delete' || o.k === 'move' || o.k === 'cell')) continue; // the root alone is left
            let patch;
            try {
              if (o.k === 'delete') patch = await s.handle('columns/delete', { key: col.key });
              else if (o.k === 'add') patch = await s.handle('columns/add', { parent: s.columns.ordered[o.a % s.columns.ordered.length].key, position: o.c, label: { vi: `Nguồn ${n++}`, en: '' }, source: SOURCES[o.b % 4], capital: null });
              else if (o.k === 'move') patch = await s.handle('columns/move', { key: col.key, parent: col.parent!, position: o.c });
              else if (o.k === 'undo') patch = s.undo();
              else if (o.k === 'redo') patch = s.redo();
              else {
                const rows = s.snapshot().rows;
                patch = await s.handle('cell/set', { lineId: rows[o.b % rows.length].id, column: col.key, value: (o.c - 1) * 250 * M });
              }
            } catch (e) {
              if (!(e instanceof PlanDeskError)) throw e;
              continue;
            }
            follow(mirror, patch.findings);
            const now = s.findings();
            const fresh = PlanSession.open(s.file.path, { readOnly: true });
            expect(now).toEqual(fresh.findings());
            fresh.close();
            expect(new Map(now.map((f) => [f.id, f]))).toEqual(mirror);
          }
        } finally {
          s.close();
        }
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});

// The action shape others build on (units, execution, import): insert = old null, delete = new null.
const _shape: DocAction[] = [{ t: 'column', old: null, new: null }];
void _shape;

describe('the counterpart level as a parameter (rules/set, old files)', () => {
  it('a file written before the level had a basis reads as before: 10%, QĐ 02/2022/QĐ-TTg', () => {
    const file = sampleFile();
    const s = PlanSession.open(file);
    s.db.prepare("UPDATE meta SET value = ? WHERE key = 'rules'").run(JSON.stringify({ counterpartMinPercent: 10, toleranceDong: null, counterpartPerLine: true }));
    s.close();
    const again = PlanSession.open(file);
    expect(again.rules).toMatchObject({ counterpartMinPercent: 10, counterpartBasis: 'QĐ 02/2022/QĐ-TTg' });
    expect(again.findings().some((f) => f.rule === 'counterpart_min')).toBe(true);
    again.close();
  });

  it('no level: the rule waits with one info finding until rules/set gives it; undo asks again', async () => {
    const s = PlanSession.open(sampleFile());
    await s.handle('rules/set', { rules: { ...s.rules, counterpartMinPercent: null, counterpartBasis: 'NĐ 358/2025/NĐ-CP' } });
    expect(s.findings().filter((f) => f.rule === 'counterpart_min')).toEqual([]);
    expect(s.findings().filter((f) => f.rule === 'counterpart_level_unset')).toHaveLength(1);
    await s.handle('rules/set', { rules: { ...s.rules, counterpartMinPercent: 9, counterpartBasis: 'NQ 12/2026/NQ-HĐND' } });
    expect(s.findings().filter((f) => f.rule === 'counterpart_level_unset')).toEqual([]);
    expect(s.findings().filter((f) => f.rule === 'counterpart_min').every((f) => f.msg.params.basis === 'NQ 12/2026/NQ-HĐND')).toBe(true);
    await s.undo();
    expect(s.findings().filter((f) => f.rule === 'counterpart_level_unset')).toHaveLength(1);
  });
});
