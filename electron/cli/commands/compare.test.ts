// `plandesk compare`: two files, two revisions of one file, JSON and text, and clear refusals.
import fs from 'node:fs';
import path from 'node:path';
import { sampleCycle } from '../../../shared/samples/dak-nong-2024';
import { tempDir } from '../../../test/support/tmp';
import { PlanSession } from '../../engine/session';
import { createCycleFile } from '../../engine/store/cycle-file';
import { EXIT } from '../io';
import { main } from '../main';

const M = 1_000_000;

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { stdout: (s) => out.push(s), stderr: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function plans() {
  const dir = tempDir();
  const a = path.join(dir, 'a.plandesk');
  const b = path.join(dir, 'b.plandesk');
  createCycleFile(a, sampleCycle());
  createCycleFile(b, sampleCycle());
  const s = PlanSession.open(b);
  await s.handle('history/createRevision', { name: 'KH 528/KH-UBND 14/8/2023' });
  const id = s.snapshot().rows.find((r) => r.code === '5')!.id;
  await s.handle('cell/set', { lineId: id, column: 'local_recurrent', value: 4_000 * M });
  await s.handle('history/createRevision', { name: 'KH 122/KH-UBND 29/02/2024' });
  s.close();
  return { dir, a, b };
}

describe('plandesk compare', () => {
  it('compares two files as JSON in integer đồng', async () => {
    const { a, b } = await plans();
    const r = await cli('compare', a, b, '--json');
    expect(r.code).toBe(EXIT.ok);
    const json = JSON.parse(r.out);
    expect(json.counts).toEqual({ added: 0, removed: 0, changed: 1, unchanged: 17 });
    expect(json.rows.map((x: { code: string }) => x.code)).toEqual(['5']);
    expect(json.rows[0].cells.local_recurrent).toEqual({ old: 3_929 * M, new: 4_000 * M });
    expect(json.totals.local).toEqual({ old: 30_548 * M, new: 30_619 * M });
  });

  it('compares two revisions of one file, in text, and writes the workbook', async () => {
    const { b, dir } = await plans();
    const out = path.join(dir, 'ss.xlsx');
    const r = await cli('compare', b, b, '--rev-a', 'KH 528/KH-UBND 14/8/2023', '--rev-b', 'KH 122/KH-UBND 29/02/2024', '--xlsx', out);
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toContain('A: KH 528/KH-UBND 14/8/2023');
    expect(r.out).toContain('[Thay đổi] 5 Dự án 5');
    expect(r.out).toContain('Vốn sự nghiệp (SN): 3.929 → 4.000 (+71)');
    expect(fs.statSync(out).size).toBeGreaterThan(1000);
    // The workbook names each funding column with its place in the tree (two "ĐTPT" are told apart).
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const head = (wb.worksheets[0].getRow(5).values as unknown[]).filter((v) => typeof v === 'string');
    expect(head).toEqual(expect.arrayContaining(['Tổng cộng', 'NSTW — Tổng số', 'NSTW — ĐTPT', 'NSĐP — ĐTPT', 'NSĐP — SN', 'Vốn khác']));
  });

  it('says what is wrong: usage, a missing revision, a file that is not a plan', async () => {
    const { a, dir } = await plans();
    expect((await cli('compare', a)).code).toBe(EXIT.usage);
    const missing = await cli('compare', a, a, '--rev-a', 'KH 1');
    expect(missing.code).toBe(EXIT.failed);
    expect(missing.err).toBe('Tệp "a.plandesk" không có phiên bản "KH 1".');
    const junk = path.join(dir, 'x.plandesk');
    fs.writeFileSync(junk, 'x'.repeat(200));
    const bad = await cli('compare', a, junk);
    expect(bad.code).toBe(EXIT.failed);
    expect(bad.err).toContain('không phải là tệp kế hoạch PlanDesk');
  });
});
