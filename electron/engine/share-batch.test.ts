// A big step of shares through the ActionWriter (an allocation import's path; a multi-row upsert was
// tried and measured slower, so they go one by one): what the file holds after it — sets, clears of a
// line and column across units, the same share twice, shares around amounts and a unit change — is
// exactly what the session holds, after undo, redo and reopening; a step that fails half-way writes nothing.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleCycle } from '../../shared/samples/dak-nong-2024';
import { tempDir } from '../../test/support/tmp';
import type { DocAction } from './actions';
import { PlanSession } from './session';
import { createCycleFile } from './store/cycle-file';

const M = 1_000_000;
type Row = [number, number, string, number];

describe('shares written in a big step', () => {
  it('a big step of shares leaves the file exactly as the session, through undo, redo and a failed step', async () => {
    const file = path.join(tempDir(), 'plan.plandesk');
    createCycleFile(file, sampleCycle());
    const s = PlanSession.open(file);
    const { unitIds } = (await s.handle('units/addMany', { units: Array.from({ length: 130 }, (_, i) => ({ name: `UBND xã ${i + 1}`, kind: 'commune' as const })) })) as { unitIds: number[] };
    // Lines that hold figures (leaves not under a parent that holds them: 7.1 and 7.2 are refused).
    const all = [...s.calc.lines.values()];
    const lines = all.filter((l) => l.code && !all.some((c) => c.parentId === l.id) && !l.code.startsWith('7.'));
    const cols = ['central_investment', 'central_recurrent'];
    const stored = () => s.db.prepare('SELECT unit_id, line_id, column_key, value FROM unit_shares ORDER BY unit_id, line_id, column_key').raw().all() as Row[];
    const memory = () =>
      lines.flatMap((l) => s.units.sharesOfLine(l.id).map((x): Row => [x.unitId, x.lineId, x.column, x.value]))
        .sort((a, b) => a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0));
    // Unit-major, as an annex's rows give them: consecutive shares name different lines.
    const cells = unitIds.flatMap((unitId) => lines.flatMap((l) => cols.map((column) => ({ unitId, lineId: l.id, column }))));
    const sets: DocAction[] = cells.map((c, i) => ({ t: 'share', ...c, old: null, new: (i + 1) * M }));
    const amount: DocAction = { t: 'amount', lineId: lines[0]!.id, column: 'other', old: null, new: 3 * M };
    const u0 = s.units.units.get(unitIds[0]!)!;
    const rename: DocAction = { t: 'unit', old: u0, new: { ...u0, name: 'UBND xã Một' } };
    s.commit('sets', [...sets.slice(0, 150), amount, ...sets.slice(150, 1_000), rename, ...sets.slice(1_000)], null);
    expect(stored().length).toBe(cells.length);
    expect(stored()).toEqual(memory());

    // Clears of one line and column across every unit (batches of one DELETE), a share set twice, an amount between.
    const l1 = lines[1]!.id;
    const current = (unitId: number, lineId: number, column: string) => s.units.share(unitId, lineId, column);
    const clears: DocAction[] = unitIds.map((unitId) => ({ t: 'share', unitId, lineId: l1, column: cols[0]!, old: current(unitId, l1, cols[0]!), new: null }));
    const twice: DocAction[] = [
      { t: 'share', unitId: unitIds[5]!, lineId: l1, column: cols[0]!, old: null, new: 5 * M },
      { t: 'amount', lineId: lines[0]!.id, column: 'other', old: 3 * M, new: 4 * M },
      { t: 'share', unitId: unitIds[5]!, lineId: l1, column: cols[0]!, old: 5 * M, new: 7 * M },
    ];
    const changes: DocAction[] = lines.slice(2).flatMap((l) => unitIds.map((unitId): DocAction => ({ t: 'share', unitId, lineId: l.id, column: cols[1]!, old: current(unitId, l.id, cols[1]!), new: 9 * M })));
    s.commit('clears', [...clears, ...twice, ...changes], null);
    expect(stored()).toEqual(memory());
    const afterClears = stored();
    expect(afterClears.filter(([, l, c]) => l === l1 && c === cols[0])).toEqual([[unitIds[5]!, l1, cols[0]!, 7 * M]]);

    // A step that fails at its end (a share of a unit that does not exist) leaves file and session as they were.
    expect(() => s.commit('bad', [...changes.map((a) => ({ ...a, old: 9 * M, new: 8 * M }) as DocAction), { t: 'share', unitId: 99_999, lineId: l1, column: cols[1]!, old: null, new: M }], null)).toThrow();
    expect(stored()).toEqual(afterClears);
    expect(memory()).toEqual(afterClears);

    s.undo();
    expect(stored()).toEqual(memory());
    s.undo();
    expect(stored()).toEqual(memory());
    expect(stored()).toEqual([]);
    s.redo();
    s.redo();
    expect(stored()).toEqual(afterClears);
    s.close();
    const again = PlanSession.open(file);
    expect(again.db.prepare('SELECT count(*) AS n FROM unit_shares').get()).toEqual({ n: afterClears.length });
    again.close();
  });
});
