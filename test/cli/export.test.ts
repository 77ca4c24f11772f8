// `plandesk export` as a user runs it (the built command in its own process): the annex it writes
// is the printed annex — the annex the first sheet, its columns in the print view's order with the
// same full header texts and column numbers, the title with the plan's annex number — and our own
// importer still reads it back to the same plan. Needs `npm run build`.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { PlanSession } from '../../electron/engine/session';
import { createCycleFile } from '../../electron/engine/store/cycle-file';
import { sampleCycle } from '../../shared/samples/dak-nong-2024';
import { tempDir } from '../support/tmp';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin/plandesk.cjs');

function plandesk(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('plandesk export', () => {
  it('writes the printed annex: first sheet, print order, full headers, numbering, annex number; import reads it back', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'plan.plandesk');
    createCycleFile(file, sampleCycle());
    const s = PlanSession.open(file);
    s.handle('meta/set', { meta: { annexNumber: 'II' } });
    s.close();
    const out = path.join(dir, 'annex.xlsx');
    const r = plandesk('export', file, '--out', out);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('Phụ lục');
    const row = (n: number, to = 12) => Array.from({ length: to }, (_, c) => String(ws.getCell(n, c + 1).value ?? ''));
    expect(ws.getCell('A1').value).toBe('Phụ lục II');
    expect(row(5)).toEqual([
      'STT', 'Nội dung', 'Cơ quan chủ trì', 'Tổng cộng',
      'Ngân sách Trung ương (NSTW)', 'Ngân sách Trung ương (NSTW)', 'Ngân sách Trung ương (NSTW)',
      'Ngân sách địa phương (NSĐP)', 'Ngân sách địa phương (NSĐP)', 'Ngân sách địa phương (NSĐP)',
      'Vốn huy động khác', 'Ghi chú',
    ]);
    expect(row(6).slice(4, 10)).toEqual(['Tổng', 'Vốn đầu tư phát triển (ĐTPT)', 'Vốn sự nghiệp (SN)', 'Tổng', 'Vốn đầu tư phát triển (ĐTPT)', 'Vốn sự nghiệp (SN)']);
    expect(row(7)).toEqual(['(1)', '(2)', '(3)', '(4)=(5)+(8)+(11)', '(5)=(6)+(7)', '(6)', '(7)', '(8)=(9)+(10)', '(9)', '(10)', '(11)', '(12)']);
    expect(row(8).slice(1, 2)).toEqual(['TỔNG CỘNG']);

    const back = path.join(dir, 'back.plandesk');
    const imported = plandesk('import', out, '--out', back, '--json');
    expect(imported.status).toBe(0);
    const plan = PlanSession.open(back);
    const snap = plan.snapshot();
    expect(snap.totals.total).toBe(350_190_000_000);
    expect(snap.meta.annexNumber).toBe('II');
    expect(snap.rows.find((l) => l.code === '1.1')?.agency).toBe('UBND huyện Tuy Đức, UBND huyện Đắk Glong');
    plan.close();
  }, 180_000);
});
