// Importing allocation annexes into the sample plan (Kế hoạch 122/KH-UBND): the shared sample and
// three annexes made with LibreOffice (test/fixtures/allocation/make-annexes.py) — two-level headers,
// "Tiểu dự án 1 - Dự án 3" in one cell, codes and names, numbers stored as text, group and total
// rows, units spelled otherwise than the plan spells them, and bad cells reported by address.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AllocationReport } from '../../../shared/commands/alloc-io';
import { sampleCycle } from '../../../shared/samples/dak-nong-2024';
import { labelText } from '../../../shared/step-label';
import { tempDir } from '../../../test/support/tmp';
import { PlanDeskError } from '../errors';
import { PlanSession } from '../session';
import { createCycleFile } from '../store/cycle-file';
import { StyleRegistry, writeWorkbook, type WCell } from '../excel/xlsx-writer';
import { ZipWriter } from '../excel/zip-writer';

const M = 1_000_000;
const FIX = path.join(__dirname, '../../../test/fixtures/allocation');
const SAMPLE_ANNEX = path.join(__dirname, '../../../../shared/samples/allocation-example.xlsx');

function open(): PlanSession {
  const file = path.join(tempDir(), 'plan.plandesk');
  createCycleFile(file, sampleCycle());
  return PlanSession.open(file);
}

const lineId = (s: PlanSession, code: string): number => {
  const row = s.snapshot().rows.find((r) => r.code === code);
  if (!row) throw new Error(`no line ${code}`);
  return row.id;
};
const unitId = (s: PlanSession, name: string): number => {
  const u = [...s.units.units.values()].find((x) => x.name === name);
  if (!u) throw new Error(`no unit ${name}`);
  return u.id;
};
const share = (s: PlanSession, unit: string, code: string, column: string) => s.units.share(unitId(s, unit), lineId(s, code), column);
const column = (r: AllocationReport, letter: string) => r.columns.find((c) => c.letter === letter)!;
const refusal = async (pending: Promise<unknown>): Promise<string> => {
  try {
    await pending;
  } catch (e) {
    if (e instanceof PlanDeskError) return e.code;
    throw e;
  }
  throw new Error('no refusal');
};

describe('allocation annex import', () => {
  it('reads the shared sample: sub-projects named with their project, the funding column from the title, new units', async () => {
    const s = open();
    const { report } = await s.handle('allocio/read', { path: SAMPLE_ANNEX });
    expect(report.unit).toBe('trieu');
    expect(report.titleFunding).toEqual({ source: 'local', capital: 'recurrent' });
    expect(report.columns.map((c) => [c.letter, c.line?.split(' ')[0], c.column, c.lineHow, c.columnHow, c.problem])).toEqual([
      ['C', '1.1', 'local_recurrent', 'designator', 'title', null],
      ['D', '2', 'local_recurrent', 'designator', 'title', null],
      ['E', '3.1', 'local_recurrent', 'designator', 'title', null],
      ['F', '5', 'local_recurrent', 'designator', 'title', null],
      ['G', '7', 'local_recurrent', 'designator', 'title', null],
    ]);
    expect(report.totalColumns).toEqual(['H: Cộng']);
    expect(report.totalRows.map((r) => r.address)).toEqual(['B11']);
    expect(report.units.map((u) => u.unitId)).toEqual([null, null, null, null, null]);
    expect(report.newUnits).toBe(5);
    expect(report.figures).toBe(19);
    expect(report.totals).toEqual({ local_recurrent: 7446 * M });
    expect(report.problems).toEqual([]);
    // Nothing written by reading.
    expect(s.units.units.size).toBe(0);
    s.close();
  });

  it('imports in one undo step: units created, shares in đồng; undo leaves the plan as it was, redo brings it back', async () => {
    const s = open();
    const before = s.emptyPatch().undo.undoLabel;
    const patch = await s.handle('allocio/import', { path: SAMPLE_ANNEX });
    expect(patch.report.changes).toBe(19);
    expect(s.units.units.size).toBe(5);
    expect(share(s, 'UBND huyện Tuy Đức', '1.1', 'local_recurrent')).toBe(602 * M);
    expect(share(s, 'Sở Lao động - Thương binh và Xã hội', '7', 'local_recurrent')).toBe(404 * M);
    expect(share(s, 'UBND huyện Cư Jút', '1.1', 'local_recurrent')).toBeNull();
    expect(s.units.size).toBe(19);
    expect(labelText('vi', patch.undo.undoLabel!)).toBe('Nhập phân bổ từ allocation-example.xlsx');
    await s.handle('undo', {});
    expect(s.units.units.size).toBe(0);
    expect(s.units.size).toBe(0);
    expect(s.emptyPatch().undo.undoLabel).toBe(before);
    await s.handle('redo', {});
    expect(s.units.size).toBe(19);
    // The same file again changes nothing.
    const again = await s.handle('allocio/import', { path: SAMPLE_ANNEX });
    expect(again.report.changes).toBe(0);
    expect(again.report.newUnits).toBe(0);
    s.close();
  });

  it('reads a two-level header, numbers stored as text, group and total rows, and units spelled otherwise', async () => {
    const s = open();
    s.commit('units', [
      { t: 'unit', old: null, new: { id: 1, parentId: null, position: 0, name: 'UBND huyện Đắk Glong', kind: 'district', code: '' } },
      { t: 'unit', old: null, new: { id: 2, parentId: null, position: 1, name: 'UBND huyện Cư Jút', kind: 'district', code: '' } },
    ], null);
    const { report } = await s.handle('allocio/import', { path: path.join(FIX, 'alloc-two-level.xlsx') });
    expect(report.titleFunding).toEqual({ source: 'central', capital: 'recurrent' });
    expect(report.columns.map((c) => `${c.letter}=${c.line?.split(' ')[0]}:${c.column}`)).toEqual([
      'D=2:central_recurrent', 'E=3.1:central_recurrent', 'F=3.2:central_recurrent', 'G=4.1:central_recurrent',
      'H=4.2:central_recurrent', 'I=4.3:central_recurrent', 'J=6.1:central_recurrent', 'K=6.2:central_recurrent',
    ]);
    expect(report.groupRows.map((g) => g.text)).toEqual(['I Khối Sở, ban, ngành', 'II Khối huyện, thành phố']);
    expect(report.totalRows.map((g) => g.text)).toEqual(['TỔNG CỘNG']);
    expect(report.units.filter((u) => u.spelledAs).map((u) => [u.name, u.spelledAs])).toEqual([
      ['UBND huyện Đăk Glong', 'UBND huyện Đắk Glong'],
      ['Ủy ban nhân dân huyện Cư Jút', 'UBND huyện Cư Jút'],
    ]);
    expect(report.newUnits).toBe(5);
    expect(report.problems).toEqual([]);
    expect(report.textNumbers.map((t) => [t.address, t.value])).toEqual([
      ['H10', 1200 * M], ['F11', 3500 * M], ['D14', 2150 * M], ['I14', 650 * M], ['E17', 350_250_000],
    ]);
    expect(share(s, 'UBND huyện Đắk Glong', '2', 'central_recurrent')).toBe(2150 * M);
    expect(share(s, 'UBND huyện Đắk Glong', '3.1', 'central_recurrent')).toBe(1_250_500_000);
    expect(share(s, 'UBND huyện Cư Jút', '3.1', 'central_recurrent')).toBe(350_250_000);
    expect(share(s, 'UBND  Huyện  Krông Nô', '6.2', 'central_recurrent')).toBe(50 * M);
    expect(s.units.units.size).toBe(7);
    s.close();
  });

  it('lists bad cells by address and writes the rest: text, a negative share, a column of no line, a parent line', async () => {
    const s = open();
    const { report } = await s.handle('allocio/read', { path: path.join(FIX, 'alloc-local-bad.ods') });
    expect(report.columns.map((c) => `${c.letter}=${c.line?.split(' ')[0] ?? '-'}:${c.column ?? '-'}:${c.problem ?? 'ok'}`)).toEqual([
      'C=1.1:local_investment:ok', 'D=1.1:local_recurrent:ok', 'E=4.2:local_investment:ok', 'F=4.2:local_recurrent:ok',
      'G=3:-:line_is_parent', 'H=-:-:no_line',
    ]);
    expect(report.problems).toEqual([
      { address: 'G5', kind: 'line_is_parent', text: 'Dự án 3' },
      { address: 'H5', kind: 'no_line', text: 'Dự án 9' },
      { address: 'C7', kind: 'text', text: 'chưa giao' },
      { address: 'F7', kind: 'negative', text: '-5' },
    ]);
    expect(report.unit).toBe('trieu');
    expect(report.totalRows.map((r) => r.address)).toEqual(['B9']);
    await s.handle('allocio/import', { path: path.join(FIX, 'alloc-local-bad.ods') });
    expect(share(s, 'UBND xã Quảng Sơn', '1.1', 'local_recurrent')).toBe(35 * M);
    expect(share(s, 'UBND xã Đắk Ha', '1.1', 'local_investment')).toBeNull();
    expect(share(s, 'UBND xã Đắk Ha', '4.2', 'local_recurrent')).toBeNull();
    expect(share(s, 'UBND thị trấn Đắk Mâm', '4.2', 'local_investment')).toBe(12 * M);
    expect(s.units.units.get(unitId(s, 'UBND thị trấn Đắk Mâm'))!.kind).toBe('commune');
    s.close();
  });

  it('matches columns by code and by name, reads vi-VN text numbers with decimals, and names the guessed column', async () => {
    const s = open();
    const { report } = await s.handle('allocio/import', { path: path.join(FIX, 'alloc-codes.xlsx') });
    expect(column(report, 'C')).toMatchObject({ lineHow: 'code', column: 'central_investment', columnHow: 'title' });
    expect(column(report, 'D')).toMatchObject({ lineHow: 'code', column: 'central_investment' });
    expect(column(report, 'E')).toMatchObject({ lineHow: 'name', column: 'central_investment' });
    expect(column(report, 'E').line).toMatch(/^4\.1 /);
    expect(report.groupRows.map((g) => g.text)).toEqual(['A Các huyện nghèo']);
    expect(share(s, 'Huyện Tuy Đức', '1.1', 'central_investment')).toBe(27_300_500_000);
    expect(share(s, 'Huyện Đắk Glong', '4.1', 'central_investment')).toBe(1794 * M);
    s.close();
  });

  it('a line named by two columns is reported on both, and neither is written', async () => {
    const s = open();
    const file = path.join(tempDir(), 'twice.xlsx');
    const c = (v: string): WCell => ({ t: 's', v, s: 0 });
    const n = (v: number): WCell => ({ t: 'n', v: String(v), s: 0 });
    await writeWorkbook(file, [{
      name: 'PB', merges: [], notes: [],
      rows: async (emit) => {
        await emit([c('PHÂN BỔ KINH PHÍ SỰ NGHIỆP NSTW NĂM 2024')]);
        await emit([c('TT'), c('Tên đơn vị'), c('Dự án 2'), c('Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo'), c('Dự án 5')]);
        await emit([n(1), c('UBND huyện Tuy Đức'), n(10), n(11), n(12)]);
      },
    }], new StyleRegistry());
    const { report } = await s.handle('allocio/import', { path: file });
    expect(report.problems).toEqual([
      { address: 'C2', kind: 'line_twice', text: 'Dự án 2' },
      { address: 'D2', kind: 'line_twice', text: 'Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo' },
    ]);
    expect(report.unit).toBe('trieu');
    expect(report.unitAssumed).toBe(true);
    expect(share(s, 'UBND huyện Tuy Đức', '5', 'central_recurrent')).toBe(12 * M);
    expect(share(s, 'UBND huyện Tuy Đức', '2', 'central_recurrent')).toBeNull();
    s.close();
  });

  it('a sub-project under a project allocated as a whole (Dự án 7) is reported, the project itself is read', async () => {
    const s = open();
    const file = path.join(tempDir(), 'under.xlsx');
    const c = (v: string): WCell => ({ t: 's', v, s: 0 });
    const n = (v: number): WCell => ({ t: 'n', v: String(v), s: 0 });
    await writeWorkbook(file, [{
      name: 'PB', merges: [], notes: [],
      rows: async (emit) => {
        await emit([c('PHÂN BỔ KINH PHÍ SỰ NGHIỆP NGÂN SÁCH TRUNG ƯƠNG'), undefined, undefined, c('Đơn vị tính: triệu đồng')]);
        await emit([c('TT'), c('Tên đơn vị'), c('Tiểu dự án 1 - Dự án 7'), c('Dự án 7')]);
        await emit([n(1), c('Sở Lao động - Thương binh và Xã hội'), n(10), n(20)]);
      },
    }], new StyleRegistry());
    const { report } = await s.handle('allocio/import', { path: file });
    expect(report.problems).toEqual([{ address: 'C2', kind: 'line_under_parent', text: 'Tiểu dự án 1 - Dự án 7' }]);
    expect(share(s, 'Sở Lao động - Thương binh và Xã hội', '7', 'central_recurrent')).toBe(20 * M);
    expect(share(s, 'Sở Lao động - Thương binh và Xã hội', '7.1', 'central_recurrent')).toBeNull();
    s.close();
  });

  it('hostile files end in a message: a zip bomb, a DTD, a broken package', async () => {
    const s = open();
    const dir = tempDir();
    const pkg = (name: string, sheet: string | Buffer) => {
      const z = new ZipWriter(path.join(dir, name));
      z.add('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>', 9);
      z.add('_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>', 9);
      z.add('xl/workbook.xml', '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>', 9);
      z.add('xl/_rels/workbook.xml.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>', 9);
      z.add('xl/worksheets/sheet1.xml', sheet, 9);
      z.close();
      return path.join(dir, name);
    };
    const bomb = Buffer.alloc(64 << 20, 0x20);
    Buffer.from('<worksheet><sheetData>').copy(bomb, 0);
    expect(await refusal(s.handle('allocio/read', { path: pkg('bomb.xlsx', bomb) }))).toBe('excel.error.zip_bomb');
    const dtd = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>';
    expect(await refusal(s.handle('allocio/read', { path: pkg('dtd.xlsx', dtd) }))).toBe('excel.error.xml_dtd');
    const good = fs.readFileSync(SAMPLE_ANNEX);
    const cut = path.join(dir, 'cut.xlsx');
    fs.writeFileSync(cut, good.subarray(0, Math.floor(good.length / 2)));
    expect(await refusal(s.handle('allocio/import', { path: cut }))).toBe('excel.error.damaged');
    expect(s.units.units.size).toBe(0);
    s.close();
  });

  it('refuses what it cannot read, writing nothing', async () => {
    const s = open();
    const dir = tempDir();
    const junk = path.join(dir, 'junk.xlsx');
    fs.writeFileSync(junk, 'not a spreadsheet at all');
    expect(await refusal(s.handle('allocio/import', { path: junk }))).toBe('excel.error.not_spreadsheet');
    const bomb = path.join(dir, 'empty.xlsx');
    fs.writeFileSync(bomb, '');
    expect(await refusal(s.handle('allocio/import', { path: bomb }))).toBe('excel.error.empty_file');
    // A plan table is not an allocation annex.
    expect(await refusal(s.handle('allocio/import', { path: path.join(__dirname, '../../../test/fixtures/excel/sample-annex.libreoffice.xlsx') }))).toBe('allocio.error.no_annex');
    expect(s.units.units.size).toBe(0);
    s.close();
  });
});
