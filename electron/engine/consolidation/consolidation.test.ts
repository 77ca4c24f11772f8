// Consolidation on real files (issue 16): the sample plan allocated with the shared annex, split
// into unit files, and a folder of what came back — split files as sent and filled in with detail
// rows, district files made by LibreOffice with a letterhead or a "Đơn vị:" line and detail rows
// (test/fixtures/consolidation/make-unit-files.py), another year's file, an unknown district, an
// encrypted and a garbage file, two files from one unit.
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { ColumnTree } from '../../../shared/columns';
import { PlanCalc } from '../../../shared/calc';
import type { CycleData, Line } from '../../../shared/model';
import { sampleCycle } from '../../../shared/samples/dak-nong-2024';
import { UnitBook } from '../../../shared/units/book';
import { tempDir } from '../../../test/support/tmp';
import { splitByUnit, unitCycle } from '../allocation/split';
import { UNIT_SHEET, unitSheetRows } from '../allocation/unit-sheet';
import { buildAnnex } from '../excel/annex';
import { writeWorkbook } from '../excel/xlsx-writer';
import { openWorkbook } from '../excel/open';
import { cellText } from '../excel/table';
import { PlanSession } from '../session';
import { createCycleFile } from '../store/cycle-file';
import { identifyUnit, wrongCycle } from './collect';
import { importSpreadsheet } from '../excel/import';
import { recogniseFile, unpackTable } from './recognise';

const M = 1_000_000;
const SAMPLE_ANNEX = path.join(__dirname, '../../../../shared/samples/allocation-example.xlsx');
const FIX = path.join(__dirname, '../../../test/fixtures/consolidation');

async function allocatedPlan(): Promise<PlanSession> {
  const file = path.join(tempDir(), 'plan.plandesk');
  createCycleFile(file, sampleCycle());
  const s = PlanSession.open(file);
  await s.handle('allocio/import', { path: SAMPLE_ANNEX });
  return s;
}

const unitId = (s: PlanSession, name: string) => [...s.units.units.values()].find((u) => u.name === name)!.id;
const lineOf = (s: PlanSession, code: string) => [...s.calc.lines.values()].find((l) => l.code === code)!.id;

/** A unit's split file filled in by the unit: detail rows ("-") under line 2, summing to its share. */
async function filledSplitFile(s: PlanSession, unitName: string, out: string, detail: { name: string; value: number }[]): Promise<void> {
  const data = s.cycle();
  const book = new UnitBook(data.units, data.shares);
  const unit = [...book.units.values()].find((u) => u.name === unitName)!;
  const calc = new PlanCalc(new ColumnTree(data.columns), data.lines, data.amounts);
  const cycle: CycleData = unitCycle(data, calc, unit, book.sharesOfUnit(unit.id));
  const parent = cycle.lines.find((l) => l.code === '2')!;
  let id = Math.max(...cycle.lines.map((l) => l.id)) + 1;
  const kids: Line[] = detail.map((d, i) => ({ ...parent, id: id++, parentId: parent.id, position: i, code: '-', name: d.name, agency: '', note: '' }));
  cycle.lines.push(...kids);
  cycle.amounts.push(...kids.map((k, i) => ({ lineId: k.id, column: 'local_recurrent', value: detail[i].value })));
  const c2 = new PlanCalc(new ColumnTree(cycle.columns), cycle.lines, cycle.amounts);
  const { sheets, styles } = buildAnnex({ meta: cycle.meta, columns: cycle.columns, calc: c2, rules: cycle.rules, title: `KẾ HOẠCH VỐN GIAO CHO ${unitName.toUpperCase()}` });
  const rows = unitSheetRows({ unit: unit.name, unitId: unit.id, program: data.meta.program, year: data.meta.year, lineage: s.lineage() });
  sheets.push({ name: UNIT_SHEET, state: 'veryHidden', merges: [], notes: [], rows: async (emit) => { for (const r of rows) await emit(r.map((v) => ({ t: 's' as const, v, s: 0 }))); } });
  await writeWorkbook(out, sheets, styles);
}

/** The folder of what came back, mixed good and bad. */
async function inbox(s: PlanSession): Promise<string> {
  const sent = tempDir();
  await splitByUnit(s.cycle(), sent, 'xlsx', s.lineage());
  const dir = tempDir();
  // Sở LĐTBXH returns its split file as it was sent.
  fs.copyFileSync(path.join(sent, 'So-Lao-dong-Thuong-binh-va-Xa-hoi.xlsx'), path.join(dir, 'So-LDTBXH.xlsx'));
  // Đắk Glong sends twice: the split file unfilled first, then filled with its communes (newer).
  const older = path.join(dir, 'UBND-huyen-Dak-Glong.xlsx');
  fs.copyFileSync(path.join(sent, 'UBND-huyen-Dak-Glong.xlsx'), older);
  fs.utimesSync(older, new Date('2024-03-01'), new Date('2024-03-01'));
  await filledSplitFile(s, 'UBND huyện Đắk Glong', path.join(dir, 'UBND-huyen-Dak-Glong (2).xlsx'), [
    { name: 'Xã Quảng Sơn: nuôi dê', value: 400 * M },
    { name: 'Xã Đắk Som: trồng mắc ca', value: 220 * M },
  ]);
  for (const f of ['krong-no-chi-tiet.xlsx', 'tuy-duc-lech.xlsx', 'cu-jut-2025.xlsx', 'dak-mil.xlsx']) fs.copyFileSync(path.join(FIX, f), path.join(dir, f));
  // Password-protected (Excel wraps those in a compound file holding "EncryptedPackage") and garbage.
  const cfb = Buffer.alloc(4096);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfb);
  Buffer.from('EncryptedPackage', 'utf16le').copy(cfb, 1024);
  fs.writeFileSync(path.join(dir, 'mat-khau.xlsx'), cfb);
  fs.writeFileSync(path.join(dir, 'hong.xlsx'), 'PK\x03\x04 this is not really a spreadsheet');
  fs.writeFileSync(path.join(dir, '~$krong-no-chi-tiet.xlsx'), 'Excel lock file');
  return dir;
}

describe('consolidation', () => {
  it('collects a folder of mixed files: ok, differing (held), refused each with its reason; the plan totals unchanged; one undo step', async () => {
    const s = await allocatedPlan();
    const dir = await inbox(s);
    const totalsBefore = s.snapshot().totals;
    const undoBefore = s.snapshot().undo;
    const findingsBefore = s.findings().map((f) => f.id).sort();
    const r = await s.handle('consolidation/run', { paths: [dir], acceptMismatch: false, dryRun: false });
    const byFile = Object.fromEntries(r.files.map((f) => [path.basename(f.file), [f.status, f.unit, f.reason?.key ?? null]]));
    expect(byFile).toEqual({
      'So-LDTBXH.xlsx': ['merged', 'Sở Lao động - Thương binh và Xã hội', null],
      'UBND-huyen-Dak-Glong.xlsx': ['refused', 'UBND huyện Đắk Glong', 'consolidation.reason.duplicate'],
      'UBND-huyen-Dak-Glong (2).xlsx': ['merged', 'UBND huyện Đắk Glong', null],
      'krong-no-chi-tiet.xlsx': ['merged', 'UBND huyện Krông Nô', null],
      'tuy-duc-lech.xlsx': ['held', 'UBND huyện Tuy Đức', 'consolidation.reason.mismatch'],
      'cu-jut-2025.xlsx': ['refused', 'UBND huyện Cư Jút', 'consolidation.reason.another_year'],
      'dak-mil.xlsx': ['refused', null, 'consolidation.reason.unknown_unit'],
      'mat-khau.xlsx': ['refused', null, 'excel.error.encrypted'],
      'hong.xlsx': ['refused', null, expect.stringMatching(/^excel\.error\./)],
    });
    expect(r.files.find((f) => f.file.endsWith('cu-jut-2025.xlsx'))!.reason!.params).toEqual({ year: 2025, planYear: 2024 });
    expect(r.files.find((f) => f.file.endsWith('dak-mil.xlsx'))!.reason!.params).toEqual({ name: 'UBND HUYỆN ĐẮK MIL' });
    expect(r.files.find((f) => f.file.endsWith('UBND-huyen-Dak-Glong.xlsx'))!.reason!.params).toEqual({ newer: 'UBND-huyen-Dak-Glong (2).xlsx' });
    expect(r.merged).toBe(3);

    const board = Object.fromEntries(r.board.units.map((u) => [u.name, u]));
    expect(Object.fromEntries(r.board.units.map((u) => [u.name, u.status]))).toEqual({
      'Sở Lao động - Thương binh và Xã hội': 'ok',
      'UBND huyện Cư Jút': 'refused',
      'UBND huyện Krông Nô': 'ok',
      'UBND huyện Tuy Đức': 'mismatch',
      'UBND huyện Đắk Glong': 'ok',
    });
    expect(board['UBND huyện Tuy Đức'].differences).toEqual([{ line: '5', lineId: lineOf(s, '5'), column: 'local_recurrent', expected: 800 * M, actual: 750 * M }]);
    expect(board['UBND huyện Tuy Đức'].received).toBeNull();
    expect(board['UBND huyện Krông Nô'].reported).toEqual({ local_recurrent: 1280 * M });
    expect(board['UBND huyện Krông Nô'].received).not.toBeNull();

    // The unit's detail, under the plan lines it refines; the plan's figures and totals untouched.
    const kn = (await s.handle('consolidation/detail', { unitId: unitId(s, 'UBND huyện Krông Nô') })).rows;
    expect(kn.map((x) => [x.line.split(' ')[0], x.code, x.name, x.values])).toEqual([
      ['2', '-', 'Xã Đắk Drô: mô hình nuôi bò sinh sản', { local_recurrent: 300 * M }],
      ['2', '-', 'Xã Nam Đà: mô hình trồng cà phê xen canh', { local_recurrent: 220 * M }],
      ['3.1', 'a', 'Hỗ trợ giống cây trồng xã Quảng Phú', { local_recurrent: 120 * M }],
      ['3.1', 'b', 'Hỗ trợ phân bón xã Đức Xuyên', { local_recurrent: 80 * M }],
      ['5', '-', 'Xây mới 10 căn nhà cho hộ nghèo xã Nâm Nung', { local_recurrent: 500 * M }],
    ]);
    const dg = (await s.handle('consolidation/detail', { unitId: unitId(s, 'UBND huyện Đắk Glong') })).rows;
    expect(dg.map((x) => [x.line.split(' ')[0], x.name, x.values.local_recurrent])).toEqual([
      ['2', 'Xã Quảng Sơn: nuôi dê', 400 * M],
      ['2', 'Xã Đắk Som: trồng mắc ca', 220 * M],
    ]);
    expect(s.snapshot().totals).toEqual(totalsBefore);
    expect(s.findings().map((f) => f.id).sort()).toEqual(findingsBefore);

    // The board to xlsx: the units, the differences, and the consolidated annex by unit.
    const out = path.join(tempDir(), 'bang.xlsx');
    await s.handle('consolidation/exportBoard', { path: out });
    const wb = await openWorkbook(new Uint8Array(fs.readFileSync(out)), {});
    expect(wb.sheets.map((x) => x.name)).toEqual(['Tình hình nộp', 'Chênh lệch', 'Tổng hợp theo đơn vị']);
    const text = async (i: number) => (await wb.load(i, {})).rows.map((r) => r.cells.map((c) => (c ? cellText(c) : '')).join('|'));
    // What the plan holds: the held file of Tuy Đức is not in it (it is "not received" until merged).
    expect((await text(0)).find((r) => r.includes('Krông Nô'))).toMatch(/^3\|UBND huyện Krông Nô\|Đã nộp – khớp\|krong-no-chi-tiet\.xlsx\|\d\d\/\d\d\/\d{4}\|1280000000\|1280000000\|0\|0$/);
    expect((await text(0)).find((r) => r.includes('Tuy Đức'))).toBe('4|UBND huyện Tuy Đức|Chưa nộp|||2317000000|0|-2317000000|0');
    const annex = await text(2);
    const at = annex.findIndex((r) => r.startsWith('5|'));
    expect(annex.slice(at, at + 3).map((r) => r.split('|').slice(0, 3).join('|'))).toEqual([
      '5|Dự án 5: Hỗ trợ nhà ở cho hộ nghèo, hộ cận nghèo trên địa bàn các huyện nghèo|0',
      '|UBND huyện Krông Nô|0',
      '-|Xây mới 10 căn nhà cho hộ nghèo xã Nâm Nung|0',
    ]);
    expect(annex[at + 2].endsWith('|500000000|0')).toBe(true);

    // One undo step takes every merged unit out; redo brings them back.
    expect(s.snapshot().undo.undoLabel).not.toBe(undoBefore.undoLabel);
    s.undo();
    expect(s.unitDetails.size).toBe(0);
    s.redo();
    expect(s.unitDetails.size).toBe(3);
    s.close();
  });

  it('sending again replaces the unit detail (no duplicates); accepting a mismatch merges it, shown as differing', async () => {
    const s = await allocatedPlan();
    const dir = await inbox(s);
    await s.handle('consolidation/run', { paths: [dir], acceptMismatch: false, dryRun: false });
    const kn = unitId(s, 'UBND huyện Krông Nô');
    const first = s.unitDetails.get(kn)!;
    await s.handle('consolidation/run', { paths: [path.join(dir, 'krong-no-chi-tiet.xlsx')], acceptMismatch: false, dryRun: false });
    expect(s.unitDetails.get(kn)!.lines).toEqual(first.lines);
    expect(s.unitDetails.size).toBe(3);

    const r = await s.handle('consolidation/run', { paths: [path.join(dir, 'tuy-duc-lech.xlsx')], acceptMismatch: true, dryRun: false });
    expect(r.files.map((f) => f.status)).toEqual(['merged']);
    const board = await s.handle('consolidation/board', {});
    const td = board.units.find((u) => u.name === 'UBND huyện Tuy Đức')!;
    expect([td.status, td.file, td.differences.length, td.detailLines]).toEqual(['mismatch', 'tuy-duc-lech.xlsx', 1, 2]);
    // Units that never sent anything stay missing; a dry run writes nothing.
    const undo = s.snapshot().undo;
    await s.handle('consolidation/run', { paths: [path.join(dir, 'krong-no-chi-tiet.xlsx')], acceptMismatch: false, dryRun: true });
    expect(s.snapshot().undo).toEqual(undo);
    expect(board.units.find((u) => u.name === 'UBND huyện Cư Jút')!.status).toBe('missing');
    s.close();
  });

  it('the detail survives closing and reopening; a removed funding column takes its figures in the same step, undo puts them back', async () => {
    const s = await allocatedPlan();
    const dir = await inbox(s);
    await s.handle('consolidation/run', { paths: [dir], acceptMismatch: false, dryRun: false });
    const file = s.info.path;
    const kn = unitId(s, 'UBND huyện Krông Nô');
    const before = s.unitDetails.get(kn)!;
    s.close();
    const again = PlanSession.open(file);
    expect(again.unitDetails.get(kn)).toEqual(before);
    await again.handle('columns/delete', { key: 'local_recurrent' });
    expect(again.unitDetails.get(kn)!.lines.every((l) => Object.keys(l.values).length === 0)).toBe(true);
    again.undo();
    expect(again.unitDetails.get(kn)).toEqual(before);
    again.close();
  });

  it('tells the unit from a letterhead, a "Đơn vị:" line or the file name, and is unsure when they name two units', () => {
    const units = [
      { id: 1, parentId: null, position: 0, name: 'UBND huyện Krông Nô', kind: 'district' as const, code: '' },
      { id: 2, parentId: null, position: 1, name: 'UBND huyện Đăk Glong', kind: 'district' as const, code: '' },
    ];
    const who = (names: { source: 'mark' | 'letterhead' | 'unit_line' | 'file_name'; name: string }[]) => {
      const r = identifyUnit(units, { names });
      return 'unit' in r ? r.unit.id : r.reason.key;
    };
    expect(who([{ source: 'letterhead', name: 'UBND HUYỆN KRÔNG NÔ' }, { source: 'file_name', name: 'bao-cao' }])).toBe(1);
    expect(who([{ source: 'unit_line', name: 'Ủy ban nhân dân huyện Đắk Glong' }])).toBe(2);
    expect(who([{ source: 'file_name', name: 'UBND-huyen-Dak-Glong-2' }])).toBe(2);
    expect(who([{ source: 'file_name', name: 'UBND-huyen-Krong-No (1)' }])).toBe(1);
    expect(who([{ source: 'file_name', name: 'UBND-huyen-Krong-No-bao-cao-giai-ngan' }])).toBe(1);
    expect(who([{ source: 'letterhead', name: 'UBND HUYỆN KRÔNG NÔ' }, { source: 'unit_line', name: 'UBND huyện Đắk Glong' }])).toBe('consolidation.reason.unsure');
    expect(who([{ source: 'mark', name: 'UBND huyện Đắk Mil' }, { source: 'file_name', name: 'UBND-huyen-Krong-No' }])).toBe('consolidation.reason.unknown_unit');
    expect(who([{ source: 'file_name', name: 'Book1' }])).toBe('consolidation.reason.unknown_unit');
    const meta = { meta: { year: 2024, program: 'Chương trình mục tiêu quốc gia giảm nghèo bền vững' } } as Parameters<typeof wrongCycle>[0];
    expect(wrongCycle(meta, { year: 2024, program: null })).toBeNull();
    expect(wrongCycle(meta, { year: null, program: null })).toBeNull();
    expect(wrongCycle(meta, { year: 2024, program: 'Chương trình MTQG phát triển kinh tế - xã hội vùng đồng bào DTTS' })?.key).toBe('consolidation.reason.another_program');
  });
});

describe('what a reading thread hands back', () => {
  it('a split file\'s table packed in flat arrays: the same lines and amounts, under half the size to copy', async () => {
    const s = await allocatedPlan();
    const sent = tempDir();
    await splitByUnit(s.cycle(), sent, 'xlsx', s.lineage());
    const file = path.join(sent, 'So-Lao-dong-Thuong-binh-va-Xa-hoi.xlsx');
    const r = await recogniseFile(file);
    const whole = await importSpreadsheet({ path: file });
    expect(r.table).not.toBeNull();
    const back = unpackTable(r.table!);
    const pick = (l: Line) => [l.id, l.parentId, l.position, l.code, l.name];
    expect(back.lines.map(pick)).toEqual(whole.data.lines.map(pick));
    expect(back.amounts).toEqual(whole.data.amounts);
    expect(v8.serialize(r).length).toBeLessThan(v8.serialize({ ...r, table: null, imported: whole }).length / 2);
    s.close();
  });
});

describe('consolidation of disbursement reports', () => {
  it('a unit’s disbursement report fills that unit’s figures for the report’s date, in the same step', async () => {
    const s = await allocatedPlan();
    const dir = tempDir();
    // The shared example report, as Krông Nô sends it (its file name says who).
    fs.copyFileSync(path.join(__dirname, '../../../../shared/samples/execution-example.xlsx'), path.join(dir, 'UBND-huyen-Krong-No-giai-ngan.xlsx'));
    const r = await s.handle('consolidation/run', { paths: [dir], acceptMismatch: false, dryRun: false });
    expect(r.files.map((f) => [f.status, f.kind, f.unit, f.reason?.key ?? null])).toEqual([['merged', 'execution', 'UBND huyện Krông Nô', null]]);
    const kn = unitId(s, 'UBND huyện Krông Nô');
    const figures = s.execution.allFigures();
    expect(figures.length).toBeGreaterThan(0);
    expect(figures.every((f) => f.unitId === kn)).toBe(true);
    expect(s.execution.sortedDates().length).toBe(1);
    s.undo();
    expect(s.execution.allFigures()).toEqual([]);
    expect(s.execution.sortedDates()).toEqual([]);
    s.close();
  });
});

describe('consolidation as a job (the window)', () => {
  it('reports progress and its result once; Cancel before the merge writes nothing', async () => {
    const s = await allocatedPlan();
    const dir = await inbox(s);
    const { job } = await s.handle('consolidation/start', { paths: [dir], acceptMismatch: false, dryRun: false });
    let status = await s.handle('consolidation/status', { job });
    while (status.state === 'running') {
      expect(status.fraction).toBeGreaterThanOrEqual(0);
      await new Promise((r) => setTimeout(r, 20));
      status = await s.handle('consolidation/status', { job });
    }
    expect([status.state, status.fraction, status.result?.merged]).toEqual(['done', 1, 3]);
    await expect(s.handle('consolidation/status', { job })).rejects.toThrow();

    const undo = s.snapshot().undo;
    const second = await s.handle('consolidation/start', { paths: [dir], acceptMismatch: true, dryRun: false });
    expect(await s.handle('consolidation/cancel', { job: second.job })).toEqual({ cancelled: true });
    let st = await s.handle('consolidation/status', { job: second.job });
    while (st.state === 'running') {
      await new Promise((r) => setTimeout(r, 20));
      st = await s.handle('consolidation/status', { job: second.job });
    }
    expect(st.state).toBe('cancelled');
    expect(s.snapshot().undo).toEqual(undo);
    s.close();
  });
});
