// A figure that cannot be stored exactly as whole đồng is never changed without a word: the import
// report names the cell and quotes the file's value — rounded values are kept (said so), values past
// one cell's limit (10^15 đồng) are not imported.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { t, tStored } from '../../../shared/i18n';
import { importSpreadsheet } from './index';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'plandesk-exact-'));

describe('figures that are not whole đồng', () => {
  it('are rounded with a warning naming the cell, or refused for that cell when out of range', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('PL');
    ws.addRow(['Đơn vị tính: đồng']);
    ws.addRow(['STT', 'Nội dung', 'Tổng cộng']);
    ws.addRow(['1', 'Tiny', 1e-300]);
    ws.addRow(['2', 'Half', 2.5]);
    ws.addRow(['3', 'Huge', 1e20]);
    ws.addRow(['4', 'Text', '12,7']);
    ws.addRow(['5', 'Noise', 122854.00000000001]);
    ws.addRow(['6', 'Plain', 700]);
    ws.addRow(['7', 'Over cap', 2e15]);
    const file = path.join(tmp, 'exact.xlsx');
    await wb.xlsx.writeFile(file);

    const r = await importSpreadsheet({ path: file });
    const byName = new Map(r.data.lines.map((l) => [l.name, l.id]));
    const value = (name: string) => r.data.amounts.find((a) => a.lineId === byName.get(name))?.value;
    expect(r.data.lines.map((l) => l.name)).toEqual(['Tiny', 'Half', 'Huge', 'Text', 'Noise', 'Plain', 'Over cap']);
    expect([value('Tiny'), value('Half'), value('Huge'), value('Text'), value('Noise'), value('Plain'), value('Over cap')]).toEqual([0, 3, undefined, 13, 122854, 700, undefined]);
    const w = r.report.warnings.filter((x) => x.key.startsWith('excel.warn.amount_'));
    expect(w.map((x) => `${x.key}@${x.address} ${x.params.text}`)).toEqual([
      'excel.warn.amount_rounded@C3 1e-300',
      'excel.warn.amount_rounded@C4 2.5',
      'excel.warn.amount_out_of_range@C5 100000000000000000000',
      'excel.warn.amount_rounded@C6 12,7',
      'excel.warn.amount_out_of_range@C9 2.000.000.000.000.000',
    ]);
    expect(tStored('vi', w[0].key, w[0].params)).toBe('Số "1e-300" không phải số đồng chẵn nên không lưu đúng được: đã làm tròn đến đồng, ghi là 0 đồng. Hãy kiểm tra.');
    expect(tStored('en', w[2].key, w[2].params)).toContain('1.000.000.000.000.000 đồng');
  });
});
