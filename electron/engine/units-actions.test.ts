// The units' DocActions on a real cycle file (issue 14): units, shares and scores are written and
// mirrored in memory, reopen as written, and a deleted line takes its shares along in the same
// undo step (whoever built the delete).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Unit } from '../../shared/model';
import { sampleCycle } from '../../shared/samples/dak-nong-2024';
import { tempDir } from '../../test/support/tmp';
import { PlanSession } from './session';
import { createCycleFile } from './store/cycle-file';

const M = 1_000_000;

function open(): { s: PlanSession; file: string } {
  const file = path.join(tempDir(), 'plan.plandesk');
  createCycleFile(file, sampleCycle());
  return { s: PlanSession.open(file), file };
}
const lineId = (s: PlanSession, code: string) => [...s.calc.lines.values()].find((l) => l.code === code)!.id;
const unit = (id: number, name: string): Unit => ({ id, parentId: null, position: id - 1, name, kind: 'district', code: '' });
const state = (s: PlanSession) => {
  const c = s.cycle();
  return { units: c.units ?? [], shares: [...(c.shares ?? [])].sort((a, b) => a.unitId - b.unitId || a.lineId - b.lineId || a.column.localeCompare(b.column)), scores: c.scores ?? [] };
};

describe('unit, share and score actions', () => {
  it('write the file and memory alike, are in the change log, and undo back to nothing', async () => {
    const { s, file } = open();
    const l11 = lineId(s, '1.1');
    const p = s.commit('x', [
      { t: 'unit', old: null, new: unit(1, 'UBND huyện Tuy Đức') },
      { t: 'unit', old: null, new: unit(2, 'UBND huyện Đắk Glong') },
      { t: 'share', unitId: 1, lineId: l11, column: 'central_investment', old: null, new: 50_000 * M },
      { t: 'share', unitId: 2, lineId: l11, column: 'central_investment', old: null, new: 49_654 * M },
      { t: 'score', scheme: 'xa', unitId: 2, old: null, new: 50 },
    ], null);
    expect(p.units?.upsert.map((u) => u.name)).toEqual(['UBND huyện Tuy Đức', 'UBND huyện Đắk Glong']);
    expect(p.units?.shares).toHaveLength(2);
    expect(p.units?.scores).toBe(true);
    expect(s.units.sum(l11, 'central_investment')).toBe(99_654 * M);
    // The change log keeps them too (every change ever applied, with old → new).
    const rows = (await s.handle('history/audit', { filter: {}, offset: 0, limit: 100 })).rows;
    expect(rows.filter((r) => r.action === 'share').map((r) => [r.field, r.old, r.new])).toEqual(
      expect.arrayContaining([[`unit:1:central_investment`, null, 50_000 * M], [`unit:2:central_investment`, null, 49_654 * M]]),
    );
    expect(rows.filter((r) => r.action === 'unit')).toHaveLength(2);
    const before = state(s);
    s.close();
    const again = PlanSession.open(file);
    expect(state(again)).toEqual(before);
    again.undo();
    expect(state(again)).toEqual({ units: [], shares: [], scores: [] });
    again.close();
    const third = PlanSession.open(file);
    expect(state(third)).toEqual({ units: [], shares: [], scores: [] });
    third.close();
  });

  it('a deleted line takes its shares in the same step; undo brings them back', async () => {
    const { s, file } = open();
    const l11 = lineId(s, '1.1');
    const l12 = lineId(s, '1.2');
    s.commit('x', [
      { t: 'unit', old: null, new: unit(1, 'UBND huyện Đắk Glong') },
      { t: 'share', unitId: 1, lineId: l11, column: 'central_investment', old: null, new: 10 * M },
      { t: 'share', unitId: 1, lineId: l12, column: 'central_recurrent', old: null, new: 20 * M },
      { t: 'share', unitId: 1, lineId: l11, column: 'local_recurrent', old: null, new: 1 * M },
    ], null);
    const withShares = state(s);
    // The parent goes, with both its children: the editing area's delete knows nothing of units.
    const p = await s.handle('lines/delete', { lineIds: [lineId(s, '1')] });
    expect(p.units?.shares.map((x) => x.value)).toEqual([null, null, null]);
    expect(s.units.size).toBe(0);
    s.close();
    const again = PlanSession.open(file);
    expect(again.units.size).toBe(0);
    again.undo();
    expect(state(again)).toEqual(withShares);
    again.redo();
    expect(again.units.size).toBe(0);
    again.undo();
    again.close();
    const third = PlanSession.open(file);
    expect(state(third)).toEqual(withShares);
    third.close();
  });
});
