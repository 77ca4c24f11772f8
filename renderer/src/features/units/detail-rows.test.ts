// The allocation view's merged detail rows (issue 16): sub-rows only for expanded units, figures
// under the plan line each refines (a group column sums its parts), expansion kept across a re-read.
import type { DetailRow } from '../../../../shared/commands/consolidation';
import type { UnitRow } from '../../../../shared/commands/units';
import type { AllocCol } from './alloc-model';
import { DetailRows, detailTotal, detailValue, isDetailId } from './detail-rows';

const M = 1_000_000;
const unit = (id: number, name: string): UnitRow => ({ id, parentId: null, position: id, name, kind: 'district', code: '', depth: 0 });
const col = (lineId: number, column: string, parts = [column]): AllocCol => ({ id: `${lineId}|${column}`, lineId, column, parts, editable: parts.length === 1, label: '', tooltip: '' });
const detail = (seq: number, lineId: number, values: Record<string, number>, parentSeq: number | null = null): DetailRow => ({
  seq, parentSeq, line: `L${lineId}`, lineId, code: `${seq + 1}`, name: `Hoạt động ${seq + 1}`, values,
});

describe('DetailRows', () => {
  const units = Array.from({ length: 3300 }, (_, i) => unit(i + 1, `Xã ${i + 1}`));
  const rowsOf2 = [detail(0, 10, { nstw_sn: 300 * M }), detail(1, 10, { nstw_sn: 100 * M, nsdp_sn: 50 * M }), detail(2, 1, { nstw_sn: 20 * M }, 1), detail(3, 11, { nstw_sn: 7 * M })];

  it('adds sub-rows only under expanded units that have detail, indented under them', () => {
    const d = new DetailRows();
    d.setCounts(new Map([[2, 4], [5, 0]]));
    expect(d.display(units)).toBe(units); // nothing expanded: the units as they are, nothing built
    expect(d.hasDetail(2)).toBe(true);
    expect(d.hasDetail(5)).toBe(false);
    d.expand(5, rowsOf2); // no detail: stays closed
    expect(d.display(units)).toHaveLength(3300);
    d.expand(2, rowsOf2);
    const shown = d.display(units);
    expect(shown).toHaveLength(3304);
    expect(shown.slice(0, 7).map((r) => (r.detail ? `  ${r.name} (${r.depth})` : r.name))).toEqual([
      'Xã 1', 'Xã 2', '  Hoạt động 1 (1)', '  Hoạt động 2 (1)', '  Hoạt động 3 (2)', '  Hoạt động 4 (1)', 'Xã 3',
    ]);
    expect(shown.filter((r) => r.detail).every((r) => isDetailId(r.id) && r.detail!.unitId === 2)).toBe(true);
    expect(units.some((u) => isDetailId(u.id))).toBe(false);
  });

  it('gives each detail line its figures under the line it refines, a group column summing its parts', () => {
    expect(detailValue(rowsOf2[1], col(10, 'nstw_sn'))).toBe(100 * M);
    expect(detailValue(rowsOf2[1], col(10, 'total', ['nstw_sn', 'nsdp_sn', 'nstw_dtpt']))).toBe(150 * M);
    expect(detailValue(rowsOf2[1], col(11, 'nstw_sn'))).toBeNull(); // another line: empty
    expect(detailValue(rowsOf2[0], col(10, 'nsdp_sn'))).toBeNull();
    expect(detailTotal(rowsOf2[0], [col(10, 'nstw_sn'), col(11, 'nstw_sn')])).toBe(300 * M);
    expect(detailTotal(rowsOf2[3], [col(10, 'nstw_sn'), col(11, 'nstw_sn')])).toBe(7 * M);
    expect(detailTotal(rowsOf2[3], [col(10, 'nstw_sn')])).toBeNull();
  });

  it('keeps a unit expanded across a re-read of the counts, and closes it when its detail is gone', () => {
    const d = new DetailRows();
    d.setCounts(new Map([[2, 4]]));
    d.expand(2, rowsOf2);
    d.setCounts(new Map([[2, 4], [3, 1]]));
    expect(d.isExpanded(2)).toBe(true);
    expect(d.display(units)).toHaveLength(3304);
    d.setCounts(new Map([[3, 1]])); // the unit's detail removed (undo of the merge)
    expect(d.isExpanded(2)).toBe(false);
    expect(d.display(units)).toHaveLength(3300);
  });
});
