// The units commands on a real cycle file with the real migrations (issue 14): units added, renamed,
// moved, deleted and merged; shares written in bulk and refused where a line does not hold figures;
// allocation by criteria to whole triệu; the agencies offered by the seed; the allocation view; the
// unit rules as findings. Each command is one undo step that survives a restart; merge then undo is
// the file before; shares compared with a from-scratch model over random edits (fast-check).
import fc from 'fast-check';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../shared/findings';
import { runAllRules } from '../../../shared/rules';
import { blankCycle, sampleCycle } from '../../../shared/samples/dak-nong-2024';
import { labelText } from '../../../shared/step-label';
import { unpackShares } from '../../../shared/units/packed-shares';
import { tempDir } from '../../../test/support/tmp';
import { PlanDeskError } from '../errors';
import { PlanSession } from '../session';
import { createCycleFile } from '../store/cycle-file';
import { createNextCycle } from '../history/new-cycle';

const M = 1_000_000;

function sampleFile(): string {
  const file = path.join(tempDir(), 'plan.plandesk');
  createCycleFile(file, sampleCycle());
  return file;
}
const lineId = (s: PlanSession, code: string) => [...s.calc.lines.values()].find((l) => l.code === code)!.id;
const refusal = async (pending: Promise<unknown>): Promise<string> => {
  try {
    await pending;
  } catch (e) {
    if (e instanceof PlanDeskError) return e.code;
    throw e;
  }
  throw new Error('no refusal');
};
/** Everything units-related in the file, in a stable order. */
function unitState(s: PlanSession) {
  const c = s.cycle();
  return {
    units: [...(c.units ?? [])].sort((a, b) => a.id - b.id),
    shares: [...(c.shares ?? [])].sort((a, b) => a.unitId - b.unitId || a.lineId - b.lineId || a.column.localeCompare(b.column)),
    scores: [...(c.scores ?? [])].sort((a, b) => a.scheme.localeCompare(b.scheme) || a.unitId - b.unitId),
  };
}
const unitFindings = (s: PlanSession): Finding[] => s.findings().filter((f) => f.rule.startsWith('unit_'));

async function withTwoDistricts(s: PlanSession) {
  const { unitIds } = await s.handle('units/addMany', {
    units: [
      { name: 'UBND huyện Tuy Đức', kind: 'district' },
      { name: 'UBND huyện Đắk Glong', kind: 'district' },
    ],
  });
  return unitIds as [number, number];
}

describe('units', () => {
  it('adds, lists, renames and moves units; a name differing only in diacritics or case is the same unit', async () => {
    const s = PlanSession.open(sampleFile());
    const [tuy, glong] = await withTwoDistricts(s);
    expect(await refusal(s.handle('units/add', { name: 'ubnd huyện Đăk  Glong', kind: 'district' }))).toBe('units.error.duplicate');
    const again = await s.handle('units/addMany', { units: [{ name: 'Ủy ban nhân dân huyện Đăk Glong', kind: 'district' }, { name: 'Sở Y tế', kind: 'department' }] });
    expect(again.matched).toEqual([{ name: 'Ủy ban nhân dân huyện Đăk Glong', unitId: glong }]);
    expect(again.unitIds).toHaveLength(1);
    const { unitId: province } = await s.handle('units/add', { name: 'UBND tỉnh Đắk Nông', kind: 'province', position: 0 });
    expect((await s.handle('units/list', {})).units.map((u) => u.name)).toEqual(['UBND tỉnh Đắk Nông', 'UBND huyện Tuy Đức', 'UBND huyện Đắk Glong', 'Sở Y tế']);
    await s.handle('units/update', { unitId: tuy, parentId: province, position: 0 });
    await s.handle('units/update', { unitId: glong, name: 'UBND huyện Đắk Glong (mới)', code: '664', parentId: province });
    const list = (await s.handle('units/list', {})).units;
    expect(list.map((u) => `${'  '.repeat(u.depth)}${u.name}`)).toEqual(['UBND tỉnh Đắk Nông', '  UBND huyện Tuy Đức', '  UBND huyện Đắk Glong (mới)', 'Sở Y tế']);
    expect(list.map((u) => u.position)).toEqual([0, 0, 1, 1]);
    expect(await refusal(s.handle('units/update', { unitId: province, parentId: tuy }))).toBe('units.error.parent_loop');
    expect(labelText('vi', s.snapshot().undo.undoLabel!)).toBe('Sửa đơn vị');
    s.undo();
    expect((await s.handle('units/list', {})).units.find((u) => u.id === glong)?.name).toBe('UBND huyện Đắk Glong');
    s.close();
  });

  it('writes shares in one step, refuses them on a parent whose children carry figures, allows them on Dự án 7', async () => {
    const file = sampleFile();
    const s = PlanSession.open(file);
    const [tuy, glong] = await withTwoDistricts(s);
    const l11 = lineId(s, '1.1');
    const p = await s.handle('units/setShares', {
      cells: [
        { unitId: tuy, lineId: l11, column: 'central_investment', value: 60_000 * M },
        { unitId: glong, lineId: l11, column: 'central_investment', value: 39_654 * M },
        { unitId: glong, lineId: lineId(s, '1'), column: 'central_investment', value: 5 * M },
        { unitId: glong, lineId: lineId(s, '7'), column: 'central_recurrent', value: 9_020 * M },
      ],
      label: 'paste',
    });
    expect(p.written).toBe(3);
    expect(p.refused).toEqual([{ unitId: glong, lineId: lineId(s, '1'), column: 'central_investment', reason: 'parent_line' }]);
    expect(labelText('vi', p.undo.undoLabel!)).toBe('Dán số phân bổ');
    expect(p.units?.shares).toHaveLength(3);
    expect(await refusal(s.handle('units/setShares', { cells: [{ unitId: tuy, lineId: lineId(s, '3'), column: 'central_recurrent', value: M }] }))).toBe('units.error.parent_line');
    // Under Dự án 7, which holds the figure, its sub-projects are allocated through it.
    expect(await refusal(s.handle('units/setShares', { cells: [{ unitId: tuy, lineId: lineId(s, '7.1'), column: 'central_recurrent', value: M }] }))).toBe('units.error.parent_line');
    expect(await refusal(s.handle('units/setShares', { cells: [{ unitId: tuy, lineId: l11, column: 'local_recurrent', value: -M }] }))).toBe('units.error.negative');
    // Shares are per source and capital type: a total column takes none directly.
    expect(await refusal(s.handle('units/setShares', { cells: [{ unitId: tuy, lineId: l11, column: 'central', value: M }] }))).toBe('units.error.group_column');
    expect((await s.handle('units/view', { column: 'central' })).columns.every((c) => !c.editable)).toBe(true);
    expect(await refusal(s.handle('units/setShares', { cells: [{ unitId: 999, lineId: l11, column: 'local_recurrent', value: M }] }))).toBe('units.error.unknown_unit');
    const before = unitState(s);
    s.close();
    const again = PlanSession.open(file);
    expect(unitState(again)).toEqual(before);
    again.undo();
    expect(unitState(again).shares).toEqual([]);
    again.close();
  });

  it('in a plan without figures yet, the leaves take shares (an empty parent holds nothing)', async () => {
    const file = path.join(tempDir(), 'blank.plandesk');
    createCycleFile(file, blankCycle(2026));
    const s = PlanSession.open(file);
    const [tuy] = await withTwoDistricts(s);
    const r = await s.handle('units/setShares', { cells: [{ unitId: tuy, lineId: lineId(s, '1.1'), column: 'central_investment', value: M }] });
    expect(r.written).toBe(1);
    expect(await refusal(s.handle('units/setShares', { cells: [{ unitId: tuy, lineId: lineId(s, '1'), column: 'central_investment', value: M }] }))).toBe('units.error.parent_line');
    s.close();
  });

  it('flags units given more than the line (error) and a line partly given (info), on the cell, and clears them as shares change', async () => {
    const s = PlanSession.open(sampleFile());
    const [tuy, glong] = await withTwoDistricts(s);
    const l11 = lineId(s, '1.1');
    expect(unitFindings(s)).toEqual([]);
    let p = await s.handle('units/setShares', { cells: [{ unitId: tuy, lineId: l11, column: 'central_investment', value: 60_000 * M }] });
    expect(p.findings.upsert.map((f) => [f.rule, f.severity, f.line, f.column, f.expected, f.actual])).toEqual([
      ['unit_unallocated', 'info', '1.1', 'central_investment', 99_654 * M, 60_000 * M],
    ]);
    expect(p.findings.upsert[0].message).toBe(
      'Chưa phân bổ cho đơn vị: dòng 1.1, cột NSTW / ĐTPT — các đơn vị được 60.000 triệu đồng trên 99.654 triệu đồng, còn 39.654 triệu đồng chưa phân bổ cho đơn vị.',
    );
    p = await s.handle('units/setShares', { cells: [{ unitId: glong, lineId: l11, column: 'central_investment', value: 40_000 * M }] });
    expect(p.findings.remove).toEqual([`unit_unallocated:${l11}:central_investment`]);
    expect(p.findings.upsert.map((f) => [f.rule, f.severity, f.expected, f.actual])).toEqual([['unit_overallocated', 'error', 99_654 * M, 100_000 * M]]);
    // The plan's figure rises to meet the units: the error goes with the plan's own edit.
    const raised = await s.handle('cell/set', { lineId: l11, column: 'central_investment', value: 100_000 * M });
    expect(raised.findings.remove).toContain(`unit_overallocated:${l11}:central_investment`);
    expect(unitFindings(s)).toEqual([]);
    s.close();
  });

  it('allocates by criteria to whole triệu that add up exactly, keeps the scores, and is one undo step', async () => {
    const file = sampleFile();
    const s = PlanSession.open(file);
    const names = ['Xã A', 'Xã B', 'Xã C', 'Xã D', 'Xã E'];
    const { unitIds } = await s.handle('units/addMany', { units: names.map((name) => ({ name, kind: 'commune' as const })) });
    const l2 = lineId(s, '2');
    const scores = [50, 40, 30, 25, 1].map((score, i) => ({ unitId: unitIds[i], score }));
    const r = await s.handle('units/allocateByCriteria', { lineId: l2, column: 'central_recurrent', roundTo: M, scores, scheme: '2026-2030' });
    expect(r.amount).toBe(38_637 * M);
    expect(r.shares.reduce((a, x) => a + x.value, 0)).toBe(38_637 * M);
    for (const x of r.shares) expect(x.value % M).toBe(0);
    expect(r.leftover).toBeNull();
    expect(s.units.sum(l2, 'central_recurrent')).toBe(38_637 * M);
    expect(unitFindings(s)).toEqual([]);
    expect((await s.handle('units/scores', { scheme: '2026-2030' })).scores).toEqual(scores);
    expect(labelText('vi', r.undo.undoLabel!)).toBe('Phân bổ theo tiêu chí');
    s.close();
    const again = PlanSession.open(file);
    expect((await again.handle('units/list', {})).schemes).toEqual(['2026-2030']);
    again.undo();
    expect(unitState(again).shares).toEqual([]);
    expect(unitState(again).scores).toEqual([]);
    expect(await refusal(again.handle('units/allocateByCriteria', { lineId: l2, column: 'central_recurrent', roundTo: M, scores: scores.map((x) => ({ ...x, score: 0 })) }))).toBe('units.error.no_scores');
    again.close();
  });

  it('deletes units with their shares and says how much; undo brings all back', async () => {
    const s = PlanSession.open(sampleFile());
    const [tuy, glong] = await withTwoDistricts(s);
    const l11 = lineId(s, '1.1');
    await s.handle('units/update', { unitId: glong, parentId: tuy });
    await s.handle('units/setShares', {
      cells: [
        { unitId: tuy, lineId: l11, column: 'central_investment', value: 60_000 * M },
        { unitId: glong, lineId: l11, column: 'central_investment', value: 39_654 * M },
        { unitId: glong, lineId: l11, column: 'central_recurrent', value: 12_033 * M },
      ],
    });
    const before = unitState(s);
    // A child named before its parent: still deleted children first (the parent_id foreign key).
    const { unitId: other } = await s.handle('units/add', { name: 'Xã Đắk Ngo', kind: 'commune', parentId: tuy });
    await s.handle('units/delete', { unitIds: [glong, tuy] });
    expect(unitState(s).units).toEqual([]);
    s.undo();
    s.undo();
    expect(s.units.units.has(other)).toBe(false);
    expect(unitState(s)).toEqual(before);
    const r = await s.handle('units/delete', { unitIds: [tuy] });
    expect([r.deleted, r.shares, r.amount]).toEqual([2, 3, (60_000 + 39_654 + 12_033) * M]);
    expect(unitState(s)).toEqual({ units: [], shares: [], scores: [] });
    s.undo();
    expect(unitState(s)).toEqual(before);
    s.close();
  });

  it('merges A into B: shares summed, A gone, one step; merge then undo is the file before', async () => {
    const file = sampleFile();
    const s = PlanSession.open(file);
    const [tuy, glong] = await withTwoDistricts(s);
    const { unitId: commune } = await s.handle('units/add', { name: 'Xã Quảng Tâm', kind: 'commune', parentId: tuy });
    const l11 = lineId(s, '1.1');
    const l12 = lineId(s, '1.2');
    await s.handle('units/setShares', {
      cells: [
        { unitId: tuy, lineId: l11, column: 'central_investment', value: 60_000 * M },
        { unitId: glong, lineId: l11, column: 'central_investment', value: 39_654 * M },
        { unitId: tuy, lineId: l12, column: 'central_recurrent', value: 100 * M },
      ],
    });
    const before = unitState(s);
    const r = await s.handle('units/merge', { from: tuy, into: glong });
    expect([r.moved, r.amount]).toEqual([2, 60_100 * M]);
    expect(s.units.share(glong, l11, 'central_investment')).toBe(99_654 * M);
    expect(s.units.share(glong, l12, 'central_recurrent')).toBe(100 * M);
    expect(s.units.units.has(tuy)).toBe(false);
    expect(s.units.units.get(commune)?.parentId).toBe(glong);
    expect(labelText('vi', r.undo.undoLabel!)).toBe('Gộp đơn vị');
    s.undo();
    expect(unitState(s)).toEqual(before);
    s.redo();
    s.undo();
    s.close();
    const again = PlanSession.open(file);
    expect(unitState(again)).toEqual(before);
    expect(await refusal(again.handle('units/merge', { from: glong, into: glong }))).toBe('units.error.merge_self');
    again.close();
  });

  it('merge then undo is the file before, for any units, shares and pair (fast-check)', async () => {
    const file = sampleFile();
    const s = PlanSession.open(file);
    const { unitIds } = await s.handle('units/addMany', { units: ['A', 'B', 'C', 'D'].map((n) => ({ name: `Xã ${n}`, kind: 'commune' as const })) });
    const lines = ['1.1', '2', '7'].map((c) => lineId(s, c));
    const cols = ['central_investment', 'central_recurrent'];
    const whole = () => {
      const c = s.cycle();
      const byKey = <T,>(xs: T[] | undefined, k: (x: T) => string) => [...(xs ?? [])].sort((a, b) => k(a).localeCompare(k(b)));
      return { ...c, lines: byKey(c.lines, (l) => String(l.id)), amounts: byKey(c.amounts, (a) => `${a.lineId}:${a.column}`), ...unitState(s) };
    };
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ unitId: fc.constantFrom(...unitIds), lineId: fc.constantFrom(...lines), column: fc.constantFrom(...cols), value: fc.integer({ min: 1, max: 1e6 }) }), { maxLength: 12 }),
        fc.constantFrom(...unitIds),
        fc.constantFrom(...unitIds),
        fc.boolean(),
        async (cells, from, into, nest) => {
          fc.pre(from !== into);
          if (cells.length) await s.handle('units/setShares', { cells });
          if (nest) await s.handle('units/update', { unitId: unitIds.find((u) => u !== from && u !== into)!, parentId: from });
          const before = whole();
          const findings = s.findings();
          await s.handle('units/merge', { from, into });
          s.undo();
          expect(whole()).toEqual(before);
          expect(s.findings()).toEqual(findings);
          // Leave the next run the same four top-level units.
          if (nest) s.undo();
        },
      ),
      { numRuns: 25 },
    );
    const mem = whole();
    s.close();
    const again = PlanSession.open(file);
    expect(unitState(again)).toEqual({ units: mem.units, shares: mem.shares, scores: mem.scores });
    again.close();
  });

  it('offers the seed\'s agencies as units, the collective flagged, Đăk/Đắk matched to an existing unit', async () => {
    const s = PlanSession.open(sampleFile());
    await s.handle('units/add', { name: 'UBND huyện Đăk Glong', kind: 'district' });
    const { suggestions } = await s.handle('units/suggestFromAgencies', {});
    const by = new Map(suggestions.map((x) => [x.name, x]));
    expect(by.get('UBND huyện Đắk Glong')).toMatchObject({ kind: 'district', lines: ['1.1', '1.2'], needsChoice: false });
    expect(by.get('UBND huyện Đắk Glong')!.unitId).not.toBeNull();
    expect(by.get('UBND huyện Tuy Đức')).toMatchObject({ unitId: null, lines: ['1.1'] });
    expect(by.get('UBND các huyện, thành phố')).toMatchObject({ needsChoice: true, lines: ['2'] });
    expect(by.get('Sở Y tế')).toMatchObject({ kind: 'department', lines: ['3.2'] });
    s.close();
  });

  it('builds the allocation view of a funding column (lines holding figures, two-level header) and of one line', async () => {
    const s = PlanSession.open(sampleFile());
    const [tuy, glong] = await withTwoDistricts(s);
    const l11 = lineId(s, '1.1');
    await s.handle('units/setShares', {
      cells: [
        { unitId: tuy, lineId: l11, column: 'central_investment', value: 60_000 * M },
        { unitId: glong, lineId: l11, column: 'central_investment', value: 39_000 * M },
        { unitId: glong, lineId: l11, column: 'local_investment', value: 9_965 * M },
      ],
    });
    const v = await s.handle('units/view', { column: 'central_investment' });
    expect(v.columns.map((c) => c.code)).toEqual(['1.1', '1.2', '2', '3.1', '3.2', '4.1', '4.2', '4.3', '5', '6.1', '6.2', '7']);
    expect(v.columns[0]).toMatchObject({ figure: 99_654 * M, sum: 99_000 * M, groupLabel: expect.stringContaining('Dự án 1'), editable: true });
    expect(v.unitIds).toEqual([tuy, glong]);
    // Line 1.1's column holds both units' shares (packed: a common divisor, every unit, no positions).
    expect(v.shares[0]).toEqual({ scale: 3_000 * M, values: [20, 13] });
    expect(v.shares.slice(1).every((p) => p.values.length === 0)).toBe(true);
    expect(v.total).toBe(99_000 * M);
    const byLine = await s.handle('units/view', { lineId: l11 });
    expect(byLine.columns.filter((c) => c.editable).map((c) => c.column)).toEqual(['central_investment', 'central_recurrent', 'local_investment', 'local_recurrent', 'other']);
    const glongsShares = Object.fromEntries(
      byLine.columns.flatMap((c, i) => {
        const got: [string, number][] = [];
        unpackShares(byLine.shares[i], (pos, value) => byLine.unitIds[pos] === glong && got.push([c.column, value]));
        return got;
      }),
    );
    expect(glongsShares).toEqual({ central_investment: 39_000 * M, local_investment: 9_965 * M });
    expect(byLine.total).toBe(99_000 * M + 9_965 * M);
    const totals = await s.handle('units/totals', {});
    expect(totals.units[1].totals).toEqual({ central_investment: 39_000 * M, local_investment: 9_965 * M });
    s.close();
  });

  it('a deleted funding column takes the shares kept on it in the same step; undo brings them back', async () => {
    const file = sampleFile();
    const s = PlanSession.open(file);
    const [tuy, glong] = await withTwoDistricts(s);
    const l11 = lineId(s, '1.1');
    await s.handle('units/setShares', {
      cells: [
        { unitId: tuy, lineId: l11, column: 'local_recurrent', value: 600 * M },
        { unitId: glong, lineId: l11, column: 'local_recurrent', value: 602 * M },
        { unitId: glong, lineId: l11, column: 'central_investment', value: 1_000 * M },
      ],
    });
    const before = unitState(s);
    expect((await s.handle('columns/impact', { key: 'local_recurrent' })).other).toBeGreaterThanOrEqual(2);
    await s.handle('columns/delete', { key: 'local_recurrent' });
    expect(unitState(s).shares.map((x) => x.column)).toEqual(['central_investment']);
    s.close();
    const again = PlanSession.open(file);
    expect(unitState(again).shares).toHaveLength(1);
    again.undo();
    expect(unitState(again)).toEqual(before);
    again.close();
  });

  it('a column that gains sub-columns keeps its shares at its key', async () => {
    const s = PlanSession.open(sampleFile());
    const [tuy] = await withTwoDistricts(s);
    const l11 = lineId(s, '1.1');
    await s.handle('cell/set', { lineId: l11, column: 'other', value: 500 * M });
    await s.handle('units/setShares', { cells: [{ unitId: tuy, lineId: l11, column: 'other', value: 500 * M }] });
    await s.handle('columns/add', { parent: 'other', label: { vi: 'Vốn lồng ghép', en: '' }, source: null, capital: null });
    expect(s.units.share(tuy, l11, 'other')).toBe(500 * M);
    s.close();
  });

  it("next year's cycle keeps the units and their scores; their shares only with the amounts", async () => {
    const s = PlanSession.open(sampleFile());
    const [tuy, glong] = await withTwoDistricts(s);
    const l2 = lineId(s, '2');
    await s.handle('units/allocateByCriteria', { lineId: l2, column: 'central_recurrent', roundTo: M, scores: [{ unitId: tuy, score: 30 }, { unitId: glong, score: 50 }], scheme: 'xã' });
    const dir = tempDir();
    createNextCycle(s, path.join(dir, 'bare.plandesk'), { year: 2025, keepAmounts: false });
    createNextCycle(s, path.join(dir, 'kept.plandesk'), { year: 2025, keepAmounts: true });
    const before = unitState(s);
    s.close();
    const bare = PlanSession.open(path.join(dir, 'bare.plandesk'));
    expect(unitState(bare)).toEqual({ ...before, shares: [] });
    bare.close();
    const kept = PlanSession.open(path.join(dir, 'kept.plandesk'));
    expect(unitState(kept)).toEqual(before);
    kept.close();
  });

  it('keeps shares equal to a from-scratch model over random edits, undos and a reopen', async () => {
    const file = sampleFile();
    const s = PlanSession.open(file);
    const { unitIds } = await s.handle('units/addMany', { units: ['A', 'B', 'C'].map((n) => ({ name: `Xã ${n}`, kind: 'commune' as const })) });
    const lines = ['1.1', '1.2', '2', '5', '7'].map((c) => lineId(s, c));
    const cols = ['central_investment', 'central_recurrent', 'local_recurrent'];
    const cell = fc.record({ unitId: fc.constantFrom(...unitIds), lineId: fc.constantFrom(...lines), column: fc.constantFrom(...cols), value: fc.option(fc.integer({ min: 0, max: 1e6 }).map((v) => v * 1000), { nil: null }) });
    const ops = fc.array(fc.oneof(fc.array(cell, { minLength: 1, maxLength: 6 }), fc.constant('undo' as const)), { minLength: 1, maxLength: 25 });
    await fc.assert(
      fc.asyncProperty(ops, async (list) => {
        // The model: the shares as a plain map, with the undo stack of whole states.
        let model = new Map<string, number>();
        for (const x of s.units.allShares()) model.set(`${x.unitId}:${x.lineId}:${x.column}`, x.value);
        const stack: Map<string, number>[] = [];
        for (const op of list) {
          if (op === 'undo') {
            if (!stack.length) continue;
            s.undo();
            model = stack.pop()!;
          } else {
            const next = new Map(model);
            for (const c of op) {
              const k = `${c.unitId}:${c.lineId}:${c.column}`;
              if (c.value === null) next.delete(k);
              else next.set(k, c.value);
            }
            const r = await s.handle('units/setShares', { cells: op });
            if (r.written) {
              stack.push(model);
              model = next;
            }
          }
          const have = new Map(s.units.allShares().map((x) => [`${x.unitId}:${x.lineId}:${x.column}`, x.value]));
          expect(have).toEqual(model);
          for (const l of lines) for (const c of cols) {
            let sum = 0;
            for (const [k, v] of model) if (k.endsWith(`:${l}:${c}`)) sum += v;
            expect(s.units.sum(l, c)).toBe(sum);
          }
          // The live findings (updated per edited line) are those of a run from scratch.
          const fresh = runAllRules({ calc: s.calc, meta: s.meta, rules: s.rules, units: s.units }).filter((f) => f.rule.startsWith('unit_'));
          expect(unitFindings(s)).toEqual(fresh);
        }
      }),
      { numRuns: 15 },
    );
    const mem = unitState(s);
    s.close();
    const again = PlanSession.open(file);
    expect(unitState(again)).toEqual(mem);
    again.close();
  });
});
