// The execution report's one layout: header groups over the report's funding columns, the
// column-number relations, exact rates shown with one decimal, carried-over sections and the
// combined total — and the same table in the annex shape the print view lays out.
import { describe, expect, it } from 'vitest';
import { defaultColumns } from '../columns';
import { SAMPLE_META } from '../samples/dak-nong-2024';
import { placeHeader } from './annex';
import { buildReportTable, executionAnnex, reportColumns, reportPrintSettings, viDate, type ReportRowInput, type ReportSource } from './execution-report';
import { layoutColumns, PT_MM } from './layout';
import { contentBox, DEFAULT_PRINT_SETTINGS } from './settings';
import { textWidthEm } from './text-width';

const M = 1_000_000;
const row = (lineId: number | null, code: string, name: string, plan: number, disbursed: number, period = 0, depth = 0): ReportRowInput => ({
  lineId, code, name, depth, bold: depth === 0,
  plan: { total: plan * M, central: plan * M },
  disbursed: { total: disbursed * M, central: disbursed * M },
  period: { total: period * M },
});

const src: ReportSource = {
  meta: SAMPLE_META,
  columns: defaultColumns(),
  asOf: '2024-06-30',
  total: row(null, '', '', 1000, 778, 100),
  lines: [row(1, '1', 'Dự án 1', 900, 778, 100), row(2, '1.1', 'Tiểu dự án 1', 900, 778, 100, 1), row(3, '2', 'Dự án 2', 100, 0)],
  carryover: [{ year: 2023, total: row(null, '', '', 50, 10), lines: [row(1, '1', 'Dự án 1', 50, 10)] }],
  combined: row(null, '', '', 1050, 788),
};

describe('execution report table', () => {
  const table = buildReportTable(src);

  it('takes the tree\'s first two levels as the report columns', () => {
    expect(reportColumns(defaultColumns()).map((c) => c.key)).toEqual(['total', 'central', 'local', 'other']);
    expect(viDate('2024-06-30')).toBe('30/6/2024');
  });

  it('lays out the title, the as-of line and a header that fills every slot once', () => {
    expect(table.title).toBe('TÌNH HÌNH THỰC HIỆN, GIẢI NGÂN VỐN CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA GIẢM NGHÈO BỀN VỮNG NĂM 2024');
    expect(table.asOfLine).toBe('(Số liệu đến ngày 30/6/2024)');
    expect(table.cols).toHaveLength(2 + 3 * 4 + 2);
    const placed = placeHeader(table.header, table.cols.length);
    const slots = new Set<string>();
    for (const h of placed) for (let r = 0; r < h.rowSpan; r++) for (let c = 0; c < h.colSpan; c++) {
      const k = `${h.row + r},${h.col + c}`;
      expect(slots.has(k), k).toBe(false);
      slots.add(k);
    }
    expect(slots.size).toBe(2 * table.cols.length);
    expect(table.header[0].map((h) => h.label)).toEqual(['STT', 'Nội dung', 'Kế hoạch vốn năm 2024 được giao', 'Lũy kế giải ngân đến 30/6/2024', 'Tỷ lệ giải ngân (%)', 'Kế hoạch còn lại chưa giải ngân', 'Giải ngân trong kỳ']);
    expect(table.header[1].slice(0, 4).map((h) => h.label)).toEqual(['Tổng số', 'NSTW', 'NSĐP', 'Vốn khác']);
    expect(table.numbers.slice(10, 16)).toEqual(['(11)=(7)/(3)', '(12)=(8)/(4)', '(13)=(9)/(5)', '(14)=(10)/(6)', '(15)=(3)-(7)', '(16)']);
  });

  it('computes rates exactly and remaining amounts, with sections for carried-over funds', () => {
    const grand = table.rows[0];
    expect(grand.cells[1]).toEqual({ t: 'text', v: 'TỔNG CỘNG' });
    expect(grand.cells[10]).toEqual({ t: 'rate', v: 778 });
    expect(grand.cells[11]).toEqual({ t: 'rate', v: 778 });
    expect(grand.cells[12]).toEqual({ t: 'rate', v: null }); // no plan, no rate
    expect(grand.cells[14]).toEqual({ t: 'amount', v: 222 * M });
    expect(grand.cells[15]).toEqual({ t: 'amount', v: 100 * M });
    expect(table.rows.map((r) => r.cells[1].v)).toEqual(['TỔNG CỘNG', 'Dự án 1', 'Tiểu dự án 1', 'Dự án 2', 'Vốn năm 2023 kéo dài sang năm 2024', 'Tổng số', 'Dự án 1', 'Tổng cộng (kể cả vốn kéo dài)']);
    expect(table.rows[4].heading).toBe(true);
  });

  it('prints as an annex: amounts in the unit, rates with one decimal, the signature kept', () => {
    const annex = executionAnnex(table, SAMPLE_META, { signature: true });
    expect(annex.attached).toBe('(Số liệu đến ngày 30/6/2024)');
    expect(annex.columns).toHaveLength(table.cols.length);
    expect(annex.rows[0].cells.slice(2, 4)).toEqual(['1.000', '1.000']);
    expect(annex.rows[0].cells[10]).toBe('77,8');
    expect(annex.rows[3].cells[10]).toBe('0,0');
    expect(annex.signature?.authority.length).toBeGreaterThan(0);
    expect(executionAnnex(table, SAMPLE_META, { signature: false }).signature).toBeNull();
  });

  it('prints landscape at 9 pt, figure columns as wide as their figures and Nội dung taking the rest', () => {
    // A 10.000-line report's widths (figures in triệu đồng up to the millions, every funding column).
    const wide = (lineId: number | null, code: string, name: string, plan: number, depth = 0): ReportRowInput => ({
      lineId, code, name, depth, bold: depth === 0,
      plan: { total: plan * M, central: Math.round(plan * 0.88) * M, local: Math.round(plan * 0.11) * M, other: Math.round(plan * 0.01) * M },
      disbursed: { total: Math.round(plan / 2) * M, central: Math.round(plan * 0.44) * M, local: Math.round(plan * 0.05) * M, other: 0 },
      period: { total: Math.round(plan / 2) * M },
    });
    const big: ReportSource = {
      ...src,
      total: wide(null, '', '', 4_257_664),
      lines: [wide(1, '1', 'Dự án 1: Hỗ trợ phát triển sản xuất', 2_509_672), wide(2, '1.1.12', 'Xã Trúc Sơn (1)', 6_545, 2), wide(3, '-', 'Hỗ trợ phát triển sản xuất', 3_099, 3)],
      carryover: [],
      combined: null,
    };
    const settings = reportPrintSettings({ ...DEFAULT_PRINT_SETTINGS, orientation: 'portrait' });
    expect(settings.orientation).toBe('landscape');
    const annex = executionAnnex(buildReportTable(big), SAMPLE_META, settings);
    const width = contentBox(settings).width;
    const layout = layoutColumns(annex.columns, width, settings.fontSize, settings.fitWidth);
    expect(layout.fontPt).toBeGreaterThanOrEqual(9);
    expect(layout.overflow).toBe(false);
    const name = annex.columns.findIndex((c) => c.kind === 'name');
    expect(layout.widthsMm[name]).toBeGreaterThan(width * 0.25); // 17 % before: 8,7 pt, figure columns padded to 3,7 em
    // Every figure fits its column with the cell's padding and rule (0,4 em at most).
    const em = layout.fontPt * PT_MM;
    annex.columns.forEach((c, i) => {
      if (c.kind !== 'amount') return;
      for (const r of annex.rows) expect(layout.widthsMm[i]).toBeGreaterThanOrEqual((textWidthEm(r.cells[i], r.bold) + 0.4) * em);
    });
    // The plan's own smaller type stands.
    expect(reportPrintSettings({ ...DEFAULT_PRINT_SETTINGS, fontSize: 8 }).fontSize).toBe(8);
  });
});
