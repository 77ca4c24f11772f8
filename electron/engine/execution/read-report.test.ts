// Reading a disbursement report's layout (read-report.ts) on small sheets built here: carried-over
// sections whose heading sits in the code column alone (merged over STT and Nội dung), and the
// source years a carried-over header names.
import type { Cell, Row, SheetData } from '../excel/sheet';
import { carriedFunds, readReportSheet } from './read-report';

const cell = (v: string | number): Cell => ({ kind: typeof v === 'number' ? 'n' : 's', text: String(v), formula: false, noValue: false, style: 0 });

function sheet(rows: (string | number | null)[][]): SheetData {
  const out: Row[] = rows.map((r, index) => {
    const cells: Cell[] = [];
    r.forEach((v, c) => {
      if (v !== null) cells[c] = cell(v);
    });
    return { index, hidden: false, cells };
  });
  return { name: 'Sheet1', rows: out, merges: [], hiddenCols: new Set(), styles: [], droppedCols: 0 };
}

describe('reading a disbursement report’s sections', () => {
  it('takes a heading written in the code column alone ("II. VỐN NĂM 2023 KÉO DÀI…") as a section, not a line', () => {
    const rs = readReportSheet(sheet([
      ['TT', 'Nội dung', 'Kế hoạch vốn', 'Lũy kế giải ngân'],
      ['I. VỐN NĂM 2024', null, 100, 50],
      ['1', 'Dự án 1', 100, 50],
      ['II. VỐN NĂM 2023 KÉO DÀI SANG NĂM 2024', null, 10, 5],
      ['1', 'Dự án 1', 10, 5],
    ]))!;
    expect(rs.sections.map((s) => [s.row, s.title, s.carried?.years ?? null])).toEqual([
      [-1, '', null],
      [1, 'VỐN NĂM 2024', null],
      [3, 'VỐN NĂM 2023 KÉO DÀI SANG NĂM 2024', [2023]],
    ]);
    expect(rs.rows.map((r) => [r.row, r.code, r.section])).toEqual([[2, '1', 1], [4, '1', 2]]);
  });

  it('without a carried-over section, a line named like a year heading stays a line', () => {
    const rs = readReportSheet(sheet([
      ['TT', 'Nội dung', 'Kế hoạch vốn', 'Lũy kế giải ngân'],
      ['A', 'Vốn năm 2024', 100, 50],
      ['1', 'Dự án 1', 100, 50],
    ]))!;
    expect(rs.sections).toHaveLength(1);
    expect(rs.rows.map((r) => r.code)).toEqual(['A', '1']);
  });
});

describe('the years a carried-over header names', () => {
  it('leaves out dates and the year funds are carried into', () => {
    expect(carriedFunds(['Vốn năm 2023 kéo dài sang năm 2024']).years).toEqual([2023]);
    expect(carriedFunds(['Vốn kéo dài đến 31/12/2024', 'Kế hoạch']).years).toEqual([]);
    expect(carriedFunds(['Vốn các năm 2021, 2022 chuyển nguồn sang 2024']).years).toEqual([2021, 2022]);
    expect(carriedFunds(['Vốn năm trước chuyển sang']).previousYear).toBe(true);
  });
});
