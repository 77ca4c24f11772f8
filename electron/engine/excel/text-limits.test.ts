// Imported text is held to the lengths the app itself accepts (a name of 2.000.000 characters is cut
// to 2.000, said cell by cell), and the xlsx writer never writes a cell Excel cannot hold (32.767).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ColumnTree } from '../../../shared/columns';
import { PlanCalc } from '../../../shared/calc';
import { FIELD_MAX_LENGTH } from '../../../shared/commands/editing';
import { META_TEXT_MAX } from '../../../shared/ipc';
import { t, tStored } from '../../../shared/i18n';
import { sampleCycle } from '../../../shared/samples/dak-nong-2024';
import { ImportError, importSpreadsheet } from './index';
import { exportAnnex } from './export';
import { cutText } from './text-limits';
import { EXCEL_CELL_MAX, StyleRegistry, writeWorkbook } from './xlsx-writer';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'plandesk-textlen-'));

describe('imported text within the app limits', () => {
  it('cuts names, codes, agencies and notes to the editing limits, naming each cell', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('PL');
    ws.addRow(['Đơn vị tính: triệu đồng']);
    ws.addRow(['STT', 'Nội dung', 'Tổng cộng', 'Đơn vị thực hiện', 'Ghi chú']);
    const huge = `${'Tên rất dài '.repeat(200_000).slice(0, 1_999_999)}Z`;
    ws.addRow(['1', huge, 5, 'Sở.'.repeat(600), 'n'.repeat(2_500)]);
    ws.addRow([`1.${'9'.repeat(60)}`, 'Ngắn', 7, 'Sở Y tế', '']);
    ws.addRow(['2', 'Bình thường', 9, 'Sở Tài chính', 'Ghi chú ngắn']);
    const file = path.join(tmp, 'long.xlsx');
    await wb.xlsx.writeFile(file);

    const r = await importSpreadsheet({ path: file });
    const [a, b, c] = r.data.lines;
    expect(a.name).toBe(huge.slice(0, FIELD_MAX_LENGTH.name));
    expect(a.agency).toBe('Sở.'.repeat(600).slice(0, FIELD_MAX_LENGTH.agency));
    expect(a.note).toHaveLength(FIELD_MAX_LENGTH.note);
    expect(b.code).toBe(`1.${'9'.repeat(60)}`.slice(0, FIELD_MAX_LENGTH.code));
    expect([c.code, c.name, c.agency, c.note]).toEqual(['2', 'Bình thường', 'Sở Tài chính', 'Ghi chú ngắn']);
    const cut = r.report.warnings.filter((w) => w.key === 'excel.warn.text_cut');
    expect(cut.map((w) => `${w.address}:${w.params.length}>${w.params.max}`)).toEqual(['B3:2000000>2000', 'D3:1800>1000', 'E3:2500>2000', 'A4:62>50']);
    expect(tStored('vi', cut[0].key, cut[0].params)).toBe('Nội dung ô dài 2000000 ký tự, quá giới hạn 2000 ký tự của trường này: chỉ giữ 2000 ký tự đầu.');
    // And the plan exports again (the writer would refuse a cell over Excel's limit).
    const plan = r.data;
    await exportAnnex({ meta: plan.meta, columns: plan.columns, calc: new PlanCalc(new ColumnTree(plan.columns), plan.lines, plan.amounts) }, path.join(tmp, 'again.xlsx'));
  }, 60_000);

  it("cuts the plan's details restored from PlanDesk's own sheet to the details' limits", async () => {
    const plan = sampleCycle();
    plan.meta.program = 'Chương trình '.repeat(100);
    plan.meta.signature.signer = 'S'.repeat(300);
    const file = path.join(tmp, 'meta.xlsx');
    await exportAnnex({ meta: plan.meta, columns: plan.columns, calc: new PlanCalc(new ColumnTree(plan.columns), plan.lines, plan.amounts) }, file);
    const r = await importSpreadsheet({ path: file });
    expect(r.report.fromPlanDesk).toBe(true);
    expect(r.data.meta.program).toBe(plan.meta.program.slice(0, META_TEXT_MAX.program));
    expect(r.data.meta.signature.signer).toHaveLength(META_TEXT_MAX.signer);
    // Named as Plan details names them, never by internal key.
    expect(r.report.warnings.filter((w) => w.key === 'excel.warn.meta_text_cut').map((w) => w.params.fieldVi)).toEqual(['Tên chương trình / kế hoạch', 'Họ và tên người ký']);
  });

  it('never cuts between the two halves of a surrogate pair', () => {
    expect(cutText('ab😀c', 3)).toBe('ab');
    expect(cutText('ab😀c', 4)).toBe('ab😀');
    expect(cutText('abc', 5)).toBe('abc');
  });
});

describe('the xlsx writer', () => {
  const sheet = (v: string) => [{ name: 'S', merges: [], notes: [], rows: async (emit: (c: { t: 's'; v: string; s: number }[]) => Promise<void> | void) => { await emit([{ t: 's', v, s: 0 }]); } }];

  it("never writes a cell over Excel's 32.767 characters: refused, naming the cell", async () => {
    await writeWorkbook(path.join(tmp, 'max.xlsx'), sheet('x'.repeat(EXCEL_CELL_MAX)), new StyleRegistry());
    const e = await writeWorkbook(path.join(tmp, 'over.xlsx'), sheet('x'.repeat(EXCEL_CELL_MAX + 1)), new StyleRegistry()).then(() => null, (err: unknown) => err);
    expect(e).toBeInstanceOf(ImportError);
    expect((e as ImportError).code).toBe('excel.error.cell_too_long');
    expect((e as ImportError).params).toEqual({ cell: 'S!A1', length: EXCEL_CELL_MAX + 1, max: EXCEL_CELL_MAX });
  });

  it('an export holding such a cell is refused and leaves no file', async () => {
    const plan = sampleCycle();
    plan.lines[1].name = 'n'.repeat(40_000); // a plan imported before the limit
    const out = path.join(tmp, 'refused.xlsx');
    const e = await exportAnnex({ meta: plan.meta, columns: plan.columns, calc: new PlanCalc(new ColumnTree(plan.columns), plan.lines, plan.amounts) }, out).then(() => null, (err: unknown) => err);
    expect((e as ImportError).code).toBe('excel.error.cell_too_long');
    expect(fs.readdirSync(tmp).filter((f) => f.includes('refused'))).toEqual([]);
  });
});
