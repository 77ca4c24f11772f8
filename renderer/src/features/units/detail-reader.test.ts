// The allocation view asks the engine for the consolidation board (which units have merged detail)
// once per load of the file and after a patch that changed unit details — never after a plan edit,
// a share typed, a unit added or a switch of the funding column shown (at 3.300 units each board
// cost the engine ~1,25 s; the view used to ask after every patch that was not only shares typed).
import type { Board, DetailRow } from '../../../../shared/commands/consolidation';
import type { Unit } from '../../../../shared/model';
import type { Patch } from '../../../../shared/protocol';
import { DetailReader } from './detail-reader';
import { DetailRows } from './detail-rows';

const patch = (extra: Partial<Patch> = {}): Patch => ({
  rows: [],
  totals: {},
  findings: { upsert: [], remove: [] },
  undo: { canUndo: true, canRedo: false, undoLabel: null, redoLabel: null },
  structure: false,
  ...extra,
});
const unitRow: Unit = { id: 9, parentId: null, position: 9, name: 'Xã 9', kind: 'commune', code: '' };
const row: DetailRow = { seq: 0, parentSeq: null, line: '1 Dự án 1', lineId: 1, code: '-', name: 'Nuôi dê', values: {} };

function engine() {
  const asked: string[] = [];
  let lines = 1;
  const bridge = {
    invoke: async (name: string, args: { unitId?: number }) => {
      asked.push(name);
      if (name === 'consolidation/board') return { units: [{ unitId: 9, detailLines: lines }], columns: [] } as unknown as Board;
      return { unitId: args.unitId, name: 'Xã 9', file: null, received: null, rows: Array.from({ length: lines }, () => row) };
    },
  };
  return { asked, bridge: bridge as never, setLines: (n: number) => (lines = n) };
}

describe('DetailReader', () => {
  it('reads the board once per load and after a patch that changed details only', async () => {
    const e = engine();
    const details = new DetailRows();
    let changed = 0;
    const r = new DetailReader(e.bridge, details, () => changed++, (err) => { throw err; });
    await r.ensure(1);
    expect(e.asked).toEqual(['consolidation/board']);
    expect(details.hasDetail(9)).toBe(true);
    expect(changed).toBe(1);
    await r.ensure(1); // another funding column shown, same file
    // A plan edit, a share typed, criteria scores, a unit added or renamed, a line moved: no detail moved.
    await r.onPatch(patch({ rows: [{ id: 1 } as never] }));
    await r.onPatch(patch({ units: { upsert: [], removed: [], shares: [{ unitId: 9, lineId: 1, column: 'x', value: 5 }], scores: false } }));
    await r.onPatch(patch({ units: { upsert: [], removed: [], shares: [], scores: true } }));
    await r.onPatch(patch({ units: { upsert: [unitRow], removed: [], shares: [], scores: false } }));
    await r.onPatch(patch({ structure: true, order: [1, 2], removed: [] }));
    expect(e.asked).toEqual(['consolidation/board']);

    // A merge (or its undo, a removal…) names the unit: the board, and the expanded unit's rows again.
    details.expand(9, [row]);
    e.setLines(2);
    await r.onPatch(patch({ details: [9] }));
    expect(e.asked).toEqual(['consolidation/board', 'consolidation/board', 'consolidation/detail']);
    expect(details.display([{ ...unitRow, depth: 0 }])).toHaveLength(3);
    expect(changed).toBe(2);

    await r.ensure(2); // the file read again
    expect(e.asked.filter((n) => n === 'consolidation/board')).toHaveLength(3);
  });

  it('tells the view to repaint only when the counts or an expanded unit changed', async () => {
    const e = engine();
    const details = new DetailRows();
    let changed = 0;
    const r = new DetailReader(e.bridge, details, () => changed++, (err) => { throw err; });
    await r.ensure(1);
    await r.onPatch(patch({ details: [9] })); // the same count, nothing expanded
    expect(changed).toBe(1);
  });
});
