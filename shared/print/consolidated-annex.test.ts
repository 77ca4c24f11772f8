// The consolidated annex by unit (issue 16): the allocation annex's table with the merged units'
// figures in place of their shares, the shares of units that have not reported, sums and title.
import { buildAllocationAnnex, type AllocationAnnexSource } from './allocation-annex';
import { consolidatedAnnexSource, consolidatedTitle, mergedFigures } from './consolidated-annex';
import { printViewHash, printTargetSchema } from './print-target';
import { DEFAULT_PRINT_SETTINGS } from './settings';
import { sampleCycle } from '../samples/dak-nong-2024';

const TRIEU = 1_000_000;

function source(): AllocationAnnexSource {
  return {
    meta: sampleCycle().meta,
    columnLabel: 'kinh phí sự nghiệp NSTW',
    groups: [
      { head: { code: '1', name: 'Dự án 1' }, lines: [{ id: 11, code: '1.1', name: 'Tiểu dự án 1' }, { id: 12, code: '1.2', name: 'Tiểu dự án 2' }] },
      { head: null, lines: [{ id: 2, code: '2', name: 'Dự án 2' }] },
    ],
    units: [
      { id: 1, parentId: null, name: 'Khối huyện', shares: new Map() },
      { id: 2, parentId: 1, name: 'UBND huyện Tuy Đức', shares: new Map([[11, 1500 * TRIEU], [2, 200 * TRIEU]]) },
      { id: 3, parentId: 1, name: 'UBND huyện Đắk Glong', shares: new Map([[12, 300 * TRIEU]]) },
      { id: 4, parentId: null, name: 'Sở Nông nghiệp', shares: new Map([[2, 50 * TRIEU]]) },
    ],
  };
}

describe('consolidated annex by unit', () => {
  it('prints each merged unit’s reported figures, the shares of units that have not reported, summed under their parents', () => {
    // Tuy Đức reported 1.450 on 1.1 and nothing on 2 (line 99 is not in this column's annex); Đắk Glong and the Sở have not reported.
    const merged = mergedFigures([{ unitId: 2, lines: { '11': 1450 * TRIEU, '99': 7 * TRIEU } }]);
    const src = source();
    const a = buildAllocationAnnex(consolidatedAnnexSource(src, merged), DEFAULT_PRINT_SETTINGS, { title: consolidatedTitle(src.meta, src.columnLabel) });
    expect(a.title).toBe('TỔNG HỢP KINH PHÍ SỰ NGHIỆP NSTW THỰC HIỆN ' + sampleCycle().meta.program.toLocaleUpperCase('vi') + ' NĂM 2024 THEO ĐƠN VỊ');
    expect(a.rows.map((r) => r.cells)).toEqual([
      ['', 'TỔNG CỘNG', '1.800', '1.450', '300', '50'],
      ['1', 'Khối huyện', '1.750', '1.450', '300', ''],
      ['1.1', 'UBND huyện Tuy Đức', '1.450', '1.450', '', ''],
      ['1.2', 'UBND huyện Đắk Glong', '300', '', '300', ''],
      ['2', 'Sở Nông nghiệp', '50', '', '', '50'],
    ]);
    // The allocation annex itself is untouched by it.
    expect(buildAllocationAnnex(source(), DEFAULT_PRINT_SETTINGS).rows[0].cells).toEqual(['', 'TỔNG CỘNG', '2.050', '1.500', '300', '250']);
  });

  it('without merged units it is the allocation annex’s table', () => {
    const a = buildAllocationAnnex(consolidatedAnnexSource(source(), mergedFigures([])), DEFAULT_PRINT_SETTINGS);
    expect(a.rows.map((r) => r.cells)).toEqual(buildAllocationAnnex(source(), DEFAULT_PRINT_SETTINGS).rows.map((r) => r.cells));
  });

  it('is named to the hosts as the allocation annex with consolidated, and its print view address says so', () => {
    const target = printTargetSchema.parse({ annex: 'allocation', column: 'central_recurrent', consolidated: true });
    expect(printViewHash(target)).toBe('/print?annex=allocation&column=central_recurrent&consolidated=1');
    expect(consolidatedTitle({ ...sampleCycle().meta, program: '' }, 'vốn đầu tư', 'en')).toBe('Consolidation of vốn đầu tư in 2024 by unit');
  });
});
