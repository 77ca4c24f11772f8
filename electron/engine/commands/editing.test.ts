// The editing commands on a real cycle file: block writes, line-tree operations with automatic
// renumbering, each one undo step that survives a restart.
import fc from 'fast-check';
import path from 'node:path';
import { sampleCycle } from '../../../shared/samples/dak-nong-2024';
import { tempDir } from '../../../test/support/tmp';
import { PlanDeskError } from '../errors';
import { PlanSession } from '../session';
import { createCycleFile } from '../store/cycle-file';
import { labelText } from '../../../shared/step-label';

const M = 1_000_000;

function sampleFile(): string {
  const file = path.join(tempDir(), 'plan.plandesk');
  createCycleFile(file, sampleCycle());
  return file;
}

const id = (s: PlanSession, code: string): number => {
  const row = s.snapshot().rows.find((r) => r.code === code);
  if (!row) throw new Error(`no line ${code}`);
  return row.id;
};
/** Codes in display order, children indented by two spaces per level. */
const outline = (s: PlanSession): string[] => s.snapshot().rows.map((r) => `${'  '.repeat(r.depth)}${r.code}`);
const total = (s: PlanSession, col = 'total') => s.snapshot().totals[col];
const refusal = async (pending: Promise<unknown>): Promise<string> => {
  try {
    await pending;
  } catch (e) {
    if (e instanceof PlanDeskError) return e.code;
    throw e;
  }
  throw new Error('no refusal');
};

const SAMPLE_OUTLINE = [
  '1', '  1.1', '  1.2', '2', '3', '  3.1', '  3.2', '4', '  4.1', '  4.2', '  4.3', '5', '6', '  6.1', '  6.2', '7', '  7.1', '  7.2',
];

describe('edit/write', () => {
  it('writes amounts and line fields in one undo step, skipping totals and saying so', async () => {
    const s = PlanSession.open(sampleFile());
    const a = id(s, '3.1');
    const b = id(s, '3.2');
    const p = (await s.handle('edit/write', {
      amounts: [
        { lineId: a, column: 'central_recurrent', value: 16_000 * M },
        { lineId: b, column: 'central_recurrent', value: null },
        { lineId: a, column: 'central', value: 1 },
        { lineId: id(s, '3'), column: 'local_recurrent', value: 1 },
      ],
      fields: [{ lineId: b, fields: { agency: 'Sở Y tế tỉnh', name: 'Tiểu dự án 2: Cải thiện dinh dưỡng' } }],
      label: 'paste',
    }));
    expect(p.skipped.map((x) => x.reason)).toEqual(['total_position', 'total_position']);
    expect(p.totals.total).toBe((350_190 + 28 - 7_024) * M);
    expect(labelText('vi', p.undo.undoLabel!)).toBe('Dán');
    expect(labelText('en', p.undo.undoLabel!)).toBe('Paste'); // each window names it in its language
    expect(p.rows.find((r) => r.id === b)!.agency).toBe('Sở Y tế tỉnh');
    const u = await s.handle('undo', {});
    expect(u.totals.total).toBe(350_190 * M);
    expect(u.cursor).toEqual({ lineId: a, column: 'central_recurrent' });
    expect(s.rowView(b).agency).toBe('Sở Y tế');
    expect(u.undo.canUndo).toBe(false);
    s.close();
  });

  it('adds lines below the table for a longer paste, numbering those without a code, all undone at once', async () => {
    const s = PlanSession.open(sampleFile());
    const last = id(s, '7.2');
    const p = (await s.handle('edit/write', {
      amounts: [{ lineId: last, column: 'central_recurrent', value: 100 * M }],
      fields: [],
      append: {
        after: last,
        lines: [
          { fields: { name: 'Hoạt động A' }, amounts: [{ column: 'central_recurrent', value: 50 * M }, { column: 'total', value: 1 }] },
          { fields: { code: '7.9', name: 'Hoạt động B' }, amounts: [{ column: 'local_recurrent', value: 5 * M }] },
        ],
      },
      label: 'paste',
    }));
    expect(p.structure).toBe(true);
    expect(p.added).toHaveLength(2);
    expect(p.skipped).toEqual([{ lineId: p.added[0], column: 'total', reason: 'total_position' }]);
    // Pasted codes are kept; only the new line without one is numbered.
    expect(outline(s).slice(-5)).toEqual(['7', '  7.1', '  7.2', '  7.3', '  7.9']);
    // Dự án 7 had not been allocated: once its sub-lines carry figures, it is their sum.
    expect(s.rowView(id(s, '7')).values.total).toBe(155 * M);
    await s.handle('undo', {});
    expect(outline(s)).toEqual(SAMPLE_OUTLINE);
    expect(total(s)).toBe(350_190 * M);
    s.close();
  });
});

describe('line operations', () => {
  it('inserts lines and renumbers their group; undo restores every code', async () => {
    const s = PlanSession.open(sampleFile());
    const p = await s.handle('lines/insert', { anchor: id(s, '3.1'), where: 'below', count: 2 });
    expect(p.lineIds).toHaveLength(2);
    expect(outline(s).slice(4, 9)).toEqual(['3', '  3.1', '  3.2', '  3.3', '  3.4']);
    expect(s.rowView(p.lineIds[0]).code).toBe('3.2');
    expect(p.cursor).toEqual({ lineId: p.lineIds[0], column: 'name' });
    await s.handle('lines/insert', { anchor: id(s, '5'), where: 'child' });
    expect(outline(s).slice(13, 15)).toEqual(['5', '  5.1']);
    // Dự án 5 keeps its figures as a stated total, not yet allocated to its new sub-line.
    expect(total(s)).toBe(350_190 * M);
    await s.handle('undo', {});
    await s.handle('undo', {});
    expect(outline(s)).toEqual(SAMPLE_OUTLINE);
    s.close();
  });

  it('the old one-line names share that implementation but keep codes as typed and their cursor', async () => {
    const s = PlanSession.open(sampleFile());
    const three = id(s, '3');
    const p = await s.handle('line/insert', { anchor: id(s, '3.1'), where: 'below', fields: { code: '3.1a', name: 'Mới' } });
    expect(outline(s).slice(4, 8)).toEqual(['3', '  3.1', '  3.1a', '  3.2']);
    expect(p.cursor).toEqual({ lineId: p.lineId, column: 'code' });
    const d = await s.handle('line/delete', { lineId: id(s, '3.1') });
    expect(outline(s).slice(4, 7)).toEqual(['3', '  3.1a', '  3.2']);
    expect(d.cursor).toEqual({ lineId: three, column: null });
    expect('deleted' in d).toBe(false);
    await s.handle('undo', {});
    await s.handle('undo', {});
    expect(outline(s)).toEqual(SAMPLE_OUTLINE);
    s.close();
  });

  it('deletes a parent with its children and the money below it, renumbering what follows; undo brings all back', async () => {
    const s = PlanSession.open(sampleFile());
    const p = await s.handle('lines/delete', { lineIds: [id(s, '4'), id(s, '4.2')] });
    expect(p.deleted).toBe(4);
    expect(total(s)).toBe((350_190 - 65_568) * M);
    expect(outline(s).slice(7)).toEqual(['4', '5', '  5.1', '  5.2', '6', '  6.1', '  6.2']);
    const four = p.cursor!.lineId;
    expect(s.calc.lines.has(four)).toBe(false);
    const u = await s.handle('undo', {});
    expect(u.structure).toBe(true);
    expect(u.cursor).toEqual({ lineId: four, column: null });
    expect(s.rowView(four).code).toBe('4');
    expect(outline(s)).toEqual(SAMPLE_OUTLINE);
    expect(total(s)).toBe(350_190 * M);
    expect(s.rowView(id(s, '4.1')).values.central_investment).toBe(19_579 * M);
    s.close();
  });

  it('indents a line under the one above it: totals regroup, and the new parent keeps its figures as stated', async () => {
    const s = PlanSession.open(sampleFile());
    const a = id(s, '3.1');
    await s.handle('lines/indent', { lineIds: [id(s, '3.2')] });
    expect(outline(s).slice(4, 7)).toEqual(['3', '  3.1', '    3.1.1']);
    const parent = s.rowView(a);
    expect(parent.hasChildren).toBe(true);
    expect(parent.values.total).toBe(7_726 * M);
    expect(parent.stored.central_recurrent).toBe(15_972 * M);
    expect(total(s)).toBe((350_190 - 17_570) * M);
    expect(await refusal(s.handle('lines/indent', { lineIds: [a] }))).toBe('error.editing.cannot_indent');
    await s.handle('undo', {});
    expect(outline(s)).toEqual(SAMPLE_OUTLINE);
    expect(total(s)).toBe(350_190 * M);
    s.close();
  });

  it('outdents a line, keeping the order on screen: the siblings below it become its children', async () => {
    const s = PlanSession.open(sampleFile());
    const line = id(s, '4.2');
    await s.handle('lines/outdent', { lineIds: [line] });
    expect(outline(s).slice(7, 13)).toEqual(['4', '  4.1', '5', '  5.1', '6', '7']);
    // The line is now a parent: its own figures stay, as a stated total beside its children's sum.
    expect(s.rowView(line).stored.central_recurrent).toBe(1_530 * M);
    expect(s.rowView(line).values.total).toBe(12_609 * M);
    expect(total(s)).toBe((350_190 - 1_683) * M);
    expect(await refusal(s.handle('lines/outdent', { lineIds: [id(s, '1')] }))).toBe('error.editing.cannot_outdent');
    await s.handle('undo', {});
    expect(outline(s)).toEqual(SAMPLE_OUTLINE);
    s.close();
  });

  it('moves lines up and down among their siblings, and drops them elsewhere', async () => {
    const s = PlanSession.open(sampleFile());
    const second = id(s, '3.2');
    await s.handle('lines/move', { lineIds: [second], direction: 'up' });
    expect(s.rowView(second).code).toBe('3.1');
    expect(await refusal(s.handle('lines/move', { lineIds: [second], direction: 'up' }))).toBe('error.editing.cannot_move_up');
    const five = id(s, '5');
    await s.handle('lines/place', { lineIds: [five], target: id(s, '2'), where: 'before' });
    expect(outline(s).slice(0, 5)).toEqual(['1', '  1.1', '  1.2', '2', '3']);
    expect(s.snapshot().rows[3].id).toBe(five);
    expect(await refusal(s.handle('lines/place', { lineIds: [id(s, '1')], target: id(s, '1.2'), where: 'after' }))).toBe(
      'error.editing.drop_inside',
    );
    // Dropped below a line of another group: it joins that group.
    await s.handle('lines/place', { lineIds: [five], target: id(s, '6.2'), where: 'after' });
    expect(outline(s).slice(-7)).toEqual(['5', '  5.1', '  5.2', '  5.3', '6', '  6.1', '  6.2']);
    expect(s.rowView(five).code).toBe('5.3');
    expect(total(s)).toBe(350_190 * M);
    await s.handle('undo', {});
    await s.handle('undo', {});
    await s.handle('undo', {});
    expect(outline(s)).toEqual(SAMPLE_OUTLINE);
    s.close();
  });

  it('renumbers the whole plan in the I / 1 / a style, and keeps codes when numbering is turned off', async () => {
    const s = PlanSession.open(sampleFile());
    const p = await s.handle('lines/renumber', { lineId: null, levels: ['roman', 'arabic', 'alpha'] });
    expect(p.changed).toBe(18);
    expect(outline(s).slice(0, 5)).toEqual(['I', '  1', '  2', 'II', 'III']);
    expect((await s.handle('lines/numbering', {})).detected).toEqual(['roman', 'path']);
    await s.handle('settings/set', { key: 'editing', value: { autoNumber: false, levels: null } });
    await s.handle('lines/insert', { anchor: id(s, 'I'), where: 'above' });
    expect(outline(s).slice(0, 2)).toEqual(['', 'I']);
    s.close();
  });

  it('keeps structural undo across a restart', async () => {
    const file = sampleFile();
    const s = PlanSession.open(file);
    await s.handle('lines/indent', { lineIds: [id(s, '2')] });
    expect(outline(s).slice(0, 5)).toEqual(['1', '  1.1', '  1.2', '  1.3', '2']);
    s.close();
    const again = PlanSession.open(file);
    expect((await again.handle('undo', {})).structure).toBe(true);
    expect(outline(again)).toEqual(SAMPLE_OUTLINE);
    expect((await again.handle('redo', {})).structure).toBe(true);
    expect(outline(again).slice(0, 5)).toEqual(['1', '  1.1', '  1.2', '  1.3', '2']);
    again.close();
  });
});

describe('line operations, any sequence (property)', () => {
  it('undo of every step restores the plan exactly, and redo brings every step back', async () => {
    const op = fc.record({
      kind: fc.constantFrom('insert', 'delete', 'indent', 'outdent', 'up', 'down', 'place', 'paste'),
      a: fc.nat(),
      b: fc.nat(),
      where: fc.constantFrom('above', 'below', 'child', 'before', 'after'),
    });
    const file = sampleFile();
    const s = PlanSession.open(file);
    const state = () => {
      const snap = s.snapshot();
      return { rows: snap.rows, totals: snap.totals };
    };
    const original = state();
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 6 }), async (ops) => {
        // Count the steps the history really recorded: an operation that changes nothing (e.g. the
        // same paste twice) records none.
        const done = () => (s.db.prepare("SELECT count(*) AS c FROM undo_steps WHERE state = 'done'").get() as { c: number }).c;
        const doneBefore = done();
        for (const o of ops) {
          const ids = s.snapshot().rows.map((r) => r.id);
          const a = ids[o.a % ids.length];
          const b = ids[o.b % ids.length];
          try {
            if (o.kind === 'insert') await s.handle('lines/insert', { anchor: a, where: o.where === 'child' ? 'child' : o.where === 'above' ? 'above' : 'below' });
            else if (o.kind === 'delete') await s.handle('lines/delete', { lineIds: [a, b] });
            else if (o.kind === 'indent') await s.handle('lines/indent', { lineIds: [a, b] });
            else if (o.kind === 'outdent') await s.handle('lines/outdent', { lineIds: [a] });
            else if (o.kind === 'up' || o.kind === 'down') await s.handle('lines/move', { lineIds: [a, b], direction: o.kind });
            else if (o.kind === 'place') await s.handle('lines/place', { lineIds: [a], target: b, where: o.where === 'before' ? 'before' : 'after' });
            else await s.handle('edit/write', { amounts: [{ lineId: a, column: 'other', value: (o.b % 100) * M }], fields: [{ lineId: b, fields: { note: 'x' } }], label: 'paste' });
          } catch (e) {
            if (!(e instanceof PlanDeskError)) throw e;
          }
        }
        const steps = done() - doneBefore;
        const after = state();
        for (let i = 0; i < steps; i++) await s.handle('undo', {});
        expect(state()).toEqual(original);
        for (let i = 0; i < steps; i++) await s.handle('redo', {});
        expect(state()).toEqual(after);
        for (let i = 0; i < steps; i++) await s.handle('undo', {});
      }),
      { numRuns: 40 },
    );
    s.close();
  });
});
