// The consolidation board built from the UnitBook's kept totals and the comparisons it keeps per
// open plan (board.ts): after any sequence of share edits, new or removed detail sets, lines added
// under a line holding shares, lines deleted, figures typed, a funding column removed and undo, the
// board equals one worked out from scratch (fast-check) — nothing kept goes stale; and a board asked
// again with nothing changed compares no unit again, one unit's share changed compares that unit.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Board, BoardUnit } from '../../../shared/commands/consolidation';
import type { UnitDetail } from '../../../shared/consolidation/model';
import type { CycleData, Dong } from '../../../shared/model';
import { sampleCycle } from '../../../shared/samples/dak-nong-2024';
import { tempDir } from '../../../test/support/tmp';
import { holdsFigures } from '../commands/units';
import { PlanSession } from '../session';
import { createCycleFile } from '../store/cycle-file';
import * as compare from './compare';

vi.mock('./compare', async (importOriginal) => {
  const m = await importOriginal<typeof import('./compare')>();
  return { ...m, unitDifferences: vi.fn(m.unitDifferences) };
});

const SAMPLE_ANNEX = path.join(__dirname, '../../../../shared/samples/allocation-example.xlsx');
const M = 1_000_000;

/** The board as its definition says, from scratch: every line of the plan × every leaf column. */
function fromScratch(s: PlanSession): Board {
  const lines = [...s.calc.walk()].map((w) => w.id);
  const leaves = s.columns.leaves.map((c) => c.key);
  const holds = (id: number) => s.calc.lines.has(id) && holdsFigures(s, id);
  const units: BoardUnit[] = [];
  for (const { unit } of s.units.ordered()) {
    const stored = s.unitDetails.get(unit.id);
    const shares = s.units.sharesOfUnit(unit.id);
    if (!stored && !shares.length) continue;
    const allocated: Record<string, Dong> = {};
    for (const x of shares) if (holds(x.lineId)) allocated[x.column] = (allocated[x.column] ?? 0) + x.value;
    if (!stored) {
      units.push({ unitId: unit.id, name: unit.name, status: 'missing', file: null, received: null, allocated, reported: {}, differences: [], detailLines: 0, reason: null });
      continue;
    }
    const reported: Record<string, Dong> = {};
    for (const [id, v] of Object.entries(stored.reported)) if (s.calc.lines.has(Number(id))) for (const [k, x] of Object.entries(v)) reported[k] = (reported[k] ?? 0) + x;
    const differences: BoardUnit['differences'] = [];
    for (const lineId of lines) {
      for (const column of leaves) {
        const expected = holds(lineId) ? s.units.share(unit.id, lineId, column) ?? 0 : 0;
        const actual = stored.reported[lineId]?.[column] ?? 0;
        if (expected !== actual) differences.push({ line: s.calc.lines.get(lineId)!.code, lineId, column, expected, actual });
      }
    }
    const detailLines = stored.lines.filter((l) => s.calc.lines.has(l.lineId)).length;
    units.push({ unitId: unit.id, name: unit.name, status: differences.length ? 'mismatch' : 'ok', file: stored.file, received: stored.received, allocated, reported, differences, detailLines, reason: null });
  }
  return { units, columns: leaves };
}

let allocated: CycleData;

beforeAll(async () => {
  const file = path.join(tempDir(), 'plan.plandesk');
  createCycleFile(file, sampleCycle());
  const s = PlanSession.open(file);
  await s.handle('allocio/import', { path: SAMPLE_ANNEX });
  allocated = s.cycle();
  s.close();
});

function open(): PlanSession {
  const file = path.join(tempDir(), 'plan.plandesk');
  createCycleFile(file, allocated);
  return PlanSession.open(file);
}

/** A unit's detail set reporting its shares, bent by `bend` (0: as allocated). */
function detailOf(s: PlanSession, unitId: number, bend: number, extraLine: number | null): UnitDetail {
  const reported: UnitDetail['reported'] = {};
  for (const x of s.units.sharesOfUnit(unitId)) {
    const v = x.value + (bend && (x.lineId + bend) % 3 === 0 ? bend * M : 0);
    if (v !== 0 && (bend % 5 !== 4 || x.lineId % 2)) (reported[x.lineId] ??= {})[x.column] = v;
  }
  if (extraLine !== null) (reported[extraLine] ??= {}).local_recurrent = 7 * M;
  const first = Object.keys(reported).map(Number)[0];
  return { unitId, file: `u${unitId}-${bend}.xlsx`, received: '2026-12-06T10:00:00.000Z', reported, lines: first === undefined ? [] : [{ seq: 0, parentSeq: null, lineId: first, code: '-', name: 'Xã A', values: { local_recurrent: M } }] };
}

const op = fc.oneof(
  fc.record({ t: fc.constant('share' as const), u: fc.nat(), l: fc.nat(), value: fc.option(fc.integer({ min: 0, max: 900 }), { freq: 4 }) }),
  fc.record({ t: fc.constant('detail' as const), u: fc.nat(), bend: fc.integer({ min: 0, max: 9 }), extra: fc.option(fc.nat(), { freq: 2 }) }),
  fc.record({ t: fc.constant('removeDetail' as const), u: fc.nat() }),
  fc.record({ t: fc.constant('child' as const), l: fc.nat() }),
  fc.record({ t: fc.constant('deleteLine' as const), l: fc.nat() }),
  fc.record({ t: fc.constant('figure' as const), l: fc.nat(), value: fc.integer({ min: 0, max: 900 }) }),
  fc.record({ t: fc.constant('dropColumn' as const) }),
  fc.record({ t: fc.constant('undo' as const) }),
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

async function apply(s: PlanSession, o: Op): Promise<void> {
  const units = [...s.units.units.keys()];
  const lines = [...s.calc.walk()].map((w) => w.id);
  const pick = <T,>(list: T[], i: number) => list[i % list.length];
  try {
    switch (o.t) {
      case 'share': {
        const u = pick(units, o.u);
        const lineId = pick(lines, o.l);
        const old = s.units.share(u, lineId, 'local_recurrent');
        s.commit('share', [{ t: 'share', unitId: u, lineId, column: 'local_recurrent', old, new: o.value === null ? null : o.value * M }], null);
        return;
      }
      case 'detail': {
        const u = pick(units, o.u);
        s.commit('detail', [{ t: 'unit_detail', unitId: u, old: s.unitDetails.get(u) ?? null, new: detailOf(s, u, o.bend, o.extra === null ? null : o.extra % 3 === 0 ? 99_999 : pick(lines, o.extra)) }], null);
        return;
      }
      case 'removeDetail': {
        const u = pick(units, o.u);
        await s.handle('consolidation/remove', { unitId: u });
        return;
      }
      case 'child':
        // A line holding shares that gets a child no longer holds figures.
        await s.handle('lines/insert', { anchor: pick(s.units.linesWithShares(), o.l), where: 'child' });
        return;
      case 'deleteLine':
        await s.handle('lines/delete', { lineIds: [pick(lines, o.l)] });
        return;
      case 'figure':
        await s.handle('cells/set', { changes: [{ lineId: pick(lines, o.l), column: 'local_recurrent', value: o.value * M }] });
        return;
      case 'dropColumn':
        if (s.columns.has('local_recurrent')) await s.handle('columns/delete', { key: 'local_recurrent' });
        return;
      case 'undo':
        s.undo();
        return;
    }
  } catch (e) {
    // A refused edit (a total's position, nothing to undo) changes nothing: the board must say so too.
    if (!(e as { code?: string }).code) throw e;
  }
}

describe('consolidation board', () => {
  it('equals the board worked out from scratch after any sequence of edits (nothing kept goes stale)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 8 }), async (ops) => {
        const s = open();
        try {
          for (const u of [...s.units.units.keys()].slice(0, 4)) s.commit('detail', [{ t: 'unit_detail', unitId: u, old: null, new: detailOf(s, u, u % 2 ? 3 : 0, null) }], null);
          expect(await s.handle('consolidation/board', {})).toEqual(fromScratch(s));
          for (const o of ops) {
            await apply(s, o);
            expect(await s.handle('consolidation/board', {})).toEqual(fromScratch(s));
          }
        } finally {
          s.close();
          fs.rmSync(path.dirname(s.info.path), { recursive: true, force: true });
        }
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('compares again only the units whose shares, figures or plan shape changed', async () => {
    const s = open();
    try {
      const ids = [...s.units.units.keys()];
      for (const u of ids) s.commit('detail', [{ t: 'unit_detail', unitId: u, old: null, new: detailOf(s, u, 0, null) }], null);
      const compared = vi.mocked(compare.unitDifferences);
      await s.handle('consolidation/board', {});
      compared.mockClear();
      const again = await s.handle('consolidation/board', {});
      expect(compared).not.toHaveBeenCalled();
      expect(again).toEqual(fromScratch(s));
      // One unit's share changed: that unit only.
      const [x] = s.units.sharesOfUnit(ids[1]);
      s.commit('share', [{ t: 'share', unitId: ids[1], lineId: x.lineId, column: x.column, old: x.value, new: x.value + M }], null);
      const after = await s.handle('consolidation/board', {});
      expect(compared.mock.calls.map((c) => c[1])).toEqual([ids[1]]);
      expect(after.units.find((u) => u.unitId === ids[1])!.status).toBe('mismatch');
      expect(after).toEqual(fromScratch(s));
      // A line added under a line holding shares: the plan's shape changed, every unit again.
      compared.mockClear();
      await s.handle('lines/insert', { anchor: x.lineId, where: 'child' });
      expect(await s.handle('consolidation/board', {})).toEqual(fromScratch(s));
      expect(compared).toHaveBeenCalledTimes(ids.length);
    } finally {
      s.close();
    }
  });
});
