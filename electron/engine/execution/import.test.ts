// Importing disbursement reports into a plan (issue 15): the shared sample (year-end, by source only),
// and reports made here for the purpose (test/fixtures/execution/, their script beside them) — header
// dates in words, sub-columns by source × capital type, numbers typed as text, unmatched lines and
// plan differences, cells that cannot be placed without guessing.
import fs from 'node:fs';
import path from 'node:path';
import { sampleCycle } from '../../../shared/samples/dak-nong-2024';
import { tempDir } from '../../../test/support/tmp';
import { itWithData, type Need } from '../../../test/support/need-data';
import { PlanSession } from '../session';
import { createCycleFile } from '../store/cycle-file';
import { carriedYear } from './import';
import { carriedFunds } from './read-report';

const M = 1_000_000;
const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/execution');
const SAMPLE = path.resolve(__dirname, '../../../../shared/samples/execution-example.xlsx');
const SAMPLE_NEED: Need = {
  what: 'the shared sample disbursement report (../shared/samples/execution-example.xlsx)',
  path: SAMPLE,
  howToGet: 'check out the shared folder beside this repository (../shared/samples, see its README.md)',
};

function sampleSession(): PlanSession {
  const file = path.join(tempDir(), 'plan.plandesk');
  createCycleFile(file, sampleCycle());
  return PlanSession.open(file);
}

const id = (s: PlanSession, code: string) => s.snapshot().rows.find((r) => r.code === code)!.id;

describe('importing a disbursement report', () => {
  itWithData(SAMPLE_NEED, 'reads the shared year-end sample: date from the header, sources settled by the lines’ capital type, plan compared', async () => {
    const s = sampleSession();
    const r = await s.handle('execution/import', { path: SAMPLE });
    const rep = r.report;
    expect(rep.asOf).toBe('2024-12-31');
    expect(rep.asOfFrom).toBe('file');
    expect(rep.dateCreated).toBe(true);
    expect(rep.unit).toBe('trieu');
    expect(rep.unitFrom).toBe('plan_figures');
    expect(rep.matched).toBe(3);
    expect(rep.unmatched).toEqual([]);
    expect(rep.notPlaced).toEqual([]);
    expect(rep.planDifferences).toEqual([]);
    expect(rep.written).toBe(6);
    expect(rep.columns.find((c) => c.letter === 'I')!.role).toBe('derived'); // Tỷ lệ (%)
    const date = s.execution.dateByAsOf('2024-12-31')!;
    expect(date.kind).toBe('year');
    const f = (code: string, column: string) => s.execution.getFigure({ dateId: date.id, lineId: id(s, code), column, unitId: null, measure: 'disbursed', fund: 0 });
    expect(f('2', 'central_recurrent')).toBe(30_110 * M);
    expect(f('2', 'local_recurrent')).toBe(2_950 * M);
    expect(f('5', 'central_recurrent')).toBe(37_020 * M);
    expect(f('7', 'local_recurrent')).toBe(640 * M);
    const view = await s.handle('execution/report', { dateId: date.id });
    const row2 = view.rows.find((x) => x.code === '2')!;
    expect(row2.rate.total).toBe(778); // as the file's ROUND(F6/C6*100,1)
    expect(view.rows.find((x) => x.code === '5')!.rate.total).toBe(939);
    expect(view.rows.find((x) => x.code === '7')!.rate.total).toBe(791);
    // One undo step takes the figures and the date away.
    s.undo();
    expect(s.execution.dates.size).toBe(0);
    expect(s.execution.allFigures()).toEqual([]);
    s.close();
  });

  it('reads a mid-year report with source × capital sub-columns, numbers typed as text, a plan difference and a line the plan lacks', async () => {
    const s = sampleSession();
    const r = await s.handle('execution/import', { path: path.join(FIXTURES, 'bao-cao-6-thang-2024.xlsx') });
    const rep = r.report;
    expect(rep.asOf).toBe('2024-06-30'); // "6 tháng đầu năm 2024"
    expect(rep.unit).toBe('trieu');
    expect(rep.unitFrom).toBe('file');
    const roles = Object.fromEntries(rep.columns.map((c) => [c.letter, `${c.role}:${c.key ?? ''}${c.derived ? ':derived' : ''}`]));
    expect(roles).toMatchObject({
      A: 'code:', B: 'name:', C: 'plan:total:derived', D: 'plan:central_investment', G: 'plan:local_recurrent',
      H: 'disbursed:total:derived', I: 'disbursed:central_investment', L: 'disbursed:local_recurrent', M: 'derived:',
    });
    expect(rep.totalRows).toEqual([11]);
    expect(rep.unmatched).toEqual([{ address: '28', code: '8', name: 'Dự án 8: Hỗ trợ khác (vốn tỉnh)' }]);
    expect(rep.notPlaced).toEqual([]);
    expect(rep.written).toBe(48);
    expect(rep.textNumbers.map((x) => [x.address, x.value])).toEqual([['J14', 512_500_000], ['J17', 4_512_500_000]]);
    // 4.3's NSĐP SN is 800 in the file, 752 in the plan: named with its sums, and the plan is not changed.
    expect(rep.planDifferences.map((d) => `${d.line}|${d.column}|${d.file}|${d.plan}`).sort()).toEqual([
      `4.3|local_recurrent|${800 * M}|${752 * M}`, `4.3|total|${12_657 * M}|${12_609 * M}`,
      `4|local_recurrent|${3_784 * M}|${3_736 * M}`, `4|total|${65_616 * M}|${65_568 * M}`,
    ].sort());
    expect(s.calc.value(id(s, '4.3'), 'local_recurrent')).toBe(752 * M);
    const date = s.execution.dateByAsOf('2024-06-30')!;
    expect(date.kind).toBe('h1');
    const view = await s.handle('execution/report', { dateId: date.id });
    expect(view.rows.find((x) => x.code === '3.1')!.disbursed.central_recurrent).toBe(4_512_500_000);
    // Dự án 7 reported on the project itself (its sub-projects carry no plan).
    expect(view.rows.find((x) => x.code === '7')!.disbursed.total).toBe(2_360 * M);
    // The file's totals without the two text cells its SUM skipped, and without Dự án 8: ours count them.
    expect(view.totals.disbursed.total).toBe((121_437 - 120) * M + 512_500_000 + 4_512_500_000);
    s.close();
  });

  it('reads a 9-month report in đồng by source only: allocated, disbursed and estimate; ambiguous cells reported, not guessed', async () => {
    const s = sampleSession();
    const r = await s.handle('execution/import', { path: path.join(FIXTURES, 'bao-cao-9-thang-2024.ods') });
    const rep = r.report;
    expect(rep.asOf).toBe('2024-09-30'); // "(Số liệu đến ngày 30 tháng 9 năm 2024)"
    expect(rep.unit).toBe('dong');
    expect(rep.unmatched).toEqual([]);
    expect(rep.planDifferences).toEqual([]);
    // 1.1, 1.2 and 4.1 take both capital types and the plan has both: NSTW/NSĐP cannot be split.
    const amb = rep.notPlaced.filter((n) => n.reason === 'ambiguous_capital');
    expect([...new Set(amb.map((n) => n.line))].sort()).toEqual(['1.1', '1.2', '4.1']);
    expect(amb).toHaveLength(18);
    // Dự án 6 alone, without its sub-projects: the plan holds its figures on 6.1 and 6.2.
    expect(rep.notPlaced.filter((n) => n.reason === 'not_holding').map((n) => n.line)).toEqual(['6', '6', '6', '6', '6', '6']);
    expect(rep.written).toBe(36);
    const date = s.execution.dateByAsOf('2024-09-30')!;
    expect(date.kind).toBe('m9');
    const fig = (code: string, column: string, measure: 'disbursed' | 'allocated' | 'estimate') =>
      s.execution.getFigure({ dateId: date.id, lineId: id(s, code), column, unitId: null, measure, fund: 0 });
    expect(fig('2', 'central_recurrent', 'disbursed')).toBe(25_300 * M);
    expect(fig('3.2', 'central_recurrent', 'disbursed')).toBe(4_100_500_000);
    expect(fig('5', 'local_recurrent', 'allocated')).toBe(3_929 * M); // Dự án 5 has no code in the file: matched by name
    expect(fig('7', 'central_recurrent', 'estimate')).toBe(9_000 * M);
    expect(fig('1.1', 'central_investment', 'disbursed')).toBeNull();
    const view = await s.handle('execution/report', { dateId: date.id });
    expect(view.rows.find((x) => x.code === '2')!.rate.total).toBe(647); // 27.500 / 42.499
    expect(view.rows.find((x) => x.code === '2')!.allocated?.total).toBe(42_499 * M);
    s.close();
  });

  it('takes the date given over the one in the file, into an existing reporting date, and refuses a file without a report', async () => {
    const s = sampleSession();
    const h1 = (await s.handle('execution/addDate', { asOf: '2024-07-15', kind: 'other', due: null, paceMinPercent: null })).id;
    const r = await s.handle('execution/import', { path: path.join(FIXTURES, 'bao-cao-6-thang-2024.xlsx'), asOf: '2024-07-15' });
    expect(r.report.asOfFrom).toBe('given');
    expect(r.report.fileAsOf).toBe('2024-06-30');
    expect(r.report.dateCreated).toBe(false);
    expect(s.execution.figuresOfDate(h1)).toHaveLength(48);
    // Importing the same file again changes nothing and records no step.
    const again = await s.handle('execution/import', { path: path.join(FIXTURES, 'bao-cao-6-thang-2024.xlsx'), asOf: '2024-07-15' });
    expect(again.report.written).toBe(0);
    expect(again.report.unchanged).toBe(48);
    expect(again.undo.undoLabel).toBe(r.undo.undoLabel);
    const planFixture = path.resolve(__dirname, '../../../test/fixtures/excel');
    const anyPlan = fs.readdirSync(planFixture).find((f) => f.endsWith('.xlsx'))!;
    await expect(s.handle('execution/import', { path: path.join(planFixture, anyPlan) })).rejects.toMatchObject({ code: 'execution.error.no_report' });
    s.close();
  });
});

describe('importing carried-over funds (vốn kéo dài, chuyển nguồn)', () => {
  const carried = (s: PlanSession, year: number, code: string, column: string) => s.execution.getCarryover(year, id(s, code), column);

  it('reads a carried-over block beside the year’s: the source year from its header, its plan and disbursement into that fund, the fund declared in the same step', async () => {
    const s = sampleSession();
    const r = await s.handle('execution/import', { path: path.join(FIXTURES, 'bao-cao-nam-2024-von-keo-dai.xlsx') });
    const rep = r.report;
    // The carried block's "sang năm 2024" is not the report's date.
    expect(rep.asOf).toBe('2024-12-31');
    const col = (l: string) => rep.columns.find((c) => c.letter === l)!;
    expect(['J', 'K', 'L', 'M', 'N', 'O', 'P'].map((l) => [col(l).carried, col(l).fund])).toEqual(Array(7).fill([true, 2023]));
    expect([col('K').role, col('N').role, col('P').role, col('J').derived]).toEqual(['plan', 'disbursed', 'derived', true]);
    expect([col('D').carried, col('D').fund, col('G').fund]).toEqual([false, null, null]);
    // "Vốn các năm 2021, 2022 chuyển nguồn…": two years, none chosen.
    expect([col('Q').carried, col('Q').fund, col('R').role]).toEqual([true, null, 'disbursed']);
    expect(rep.carryover).toEqual([{ year: 2023, yearFrom: 'header', created: true, amounts: 5, figures: 5 }]);
    expect(rep.notPlaced.filter((n) => n.reason === 'carryover_year').map((n) => [n.line, n.value])).toEqual([['6.1', 300 * M], ['6.1', 250 * M]]);
    // 1.1 takes both capital types and has no carried-over amount yet: its NSTW cells are reported.
    expect(rep.notPlaced.filter((n) => n.reason === 'ambiguous_capital' && /^[KN]/.test(n.address)).map((n) => [n.address, n.value])).toEqual([['K13', 5_000 * M], ['N13', 3_000 * M]]);
    expect(rep.planDifferences).toEqual([]);
    expect(s.execution.sources.get(2023)).toEqual({ year: 2023, deadline: null });
    expect(carried(s, 2023, '2', 'central_recurrent')).toBe(1_500 * M);
    expect(carried(s, 2023, '2', 'local_recurrent')).toBe(150 * M);
    expect(carried(s, 2023, '3.1', 'central_recurrent')).toBe(800 * M);
    expect(carried(s, 2023, '5', 'central_recurrent')).toBe(2_000 * M);
    expect(carried(s, 2023, '7', 'local_recurrent')).toBe(60 * M);
    expect(carried(s, 2023, '1.1', 'central_investment')).toBeNull();
    const date = s.execution.dateByAsOf('2024-12-31')!;
    const fig = (code: string, column: string, fund: number) => s.execution.getFigure({ dateId: date.id, lineId: id(s, code), column, unitId: null, measure: 'disbursed', fund });
    expect(fig('5', 'central_recurrent', 2023)).toBe(1_250_500_000);
    expect(fig('7', 'local_recurrent', 2023)).toBe(45 * M);
    expect(fig('5', 'central_recurrent', 0)).toBe(39_285 * M); // the year's own figure beside it
    const view = await s.handle('execution/report', { dateId: date.id });
    expect(view.carryover).toHaveLength(1);
    const c23 = view.carryover[0];
    expect([c23.year, c23.totals.plan.total, c23.totals.disbursed.total]).toEqual([2023, 4_510 * M, 3_395_500_000]);
    expect(c23.rows.map((x) => x.code)).toEqual(['2', '3', '3.1', '5', '7']);
    expect(view.combined.plan.total).toBe(view.totals.plan.total + 4_510 * M);
    // One undo step takes the date, the fund, its amounts and its figures away.
    s.undo();
    expect(s.execution.dates.size).toBe(0);
    expect(s.execution.sources.size).toBe(0);
    expect(s.execution.carryoverList()).toEqual([]);
    expect(s.execution.allFigures()).toEqual([]);
    s.close();
  });

  it('reads carried-over funds as sections of rows: each section matched on its own, the year’s plan compared only in its own section, an existing fund kept', async () => {
    const s = sampleSession();
    await s.handle('execution/setSource', { year: 2023, deadline: '2024-12-31' });
    const r = await s.handle('execution/import', { path: path.join(FIXTURES, 'bao-cao-6-thang-2024-chuyen-nguon.ods') });
    const rep = r.report;
    expect(rep.asOf).toBe('2024-06-30');
    expect(rep.sections.map((x) => [x.title, x.carried, x.fund])).toEqual([
      ['VỐN KẾ HOẠCH NĂM 2024', false, null],
      ['VỐN NĂM 2023 CHUYỂN NGUỒN SANG NĂM 2024', true, 2023],
      ['VỐN NĂM 2022 KÉO DÀI SANG NĂM 2024', true, 2022],
    ]);
    expect(rep.totalRows).toHaveLength(1); // TỔNG CỘNG (A+B+C)
    expect(rep.lines).toBe(rep.matched);
    expect(rep.unmatched).toEqual([]);
    // Section B's 1.1 (4.000 carried over) is not the year's plan of 1.1: nothing to report.
    expect(rep.planDifferences).toEqual([]);
    expect(rep.notPlaced).toEqual([]);
    expect(rep.carryover).toEqual([
      { year: 2022, yearFrom: 'header', created: true, amounts: 1, figures: 1 },
      { year: 2023, yearFrom: 'header', created: false, amounts: 2, figures: 2 },
    ]);
    expect(s.execution.sources.get(2023)!.deadline).toBe('2024-12-31');
    expect(s.execution.sources.get(2022)).toEqual({ year: 2022, deadline: null });
    expect(carried(s, 2023, '1.1', 'central_investment')).toBe(4_000 * M);
    expect(carried(s, 2023, '4.3', 'central_recurrent')).toBe(300 * M);
    expect(carried(s, 2022, '2', 'central_recurrent')).toBe(500 * M);
    const date = s.execution.dateByAsOf('2024-06-30')!;
    const fig = (code: string, column: string, fund: number) => s.execution.getFigure({ dateId: date.id, lineId: id(s, code), column, unitId: null, measure: 'disbursed', fund });
    // The same line in two sections: the year's figure and the carried one side by side.
    expect(fig('1.1', 'central_investment', 0)).toBe(41_250 * M);
    expect(fig('1.1', 'central_investment', 2023)).toBe(2_500 * M);
    expect(fig('4.3', 'central_recurrent', 2023)).toBe(120 * M);
    expect(fig('2', 'central_recurrent', 2022)).toBe(500 * M);
    expect(fig('2', 'central_recurrent', 0)).toBe(12_450 * M);
    const view = await s.handle('execution/report', { dateId: date.id });
    expect(view.carryover.map((c) => [c.year, c.totals.plan.total, c.totals.disbursed.total])).toEqual([[2022, 500 * M, 500 * M], [2023, 4_300 * M, 2_620 * M]]);
    // Importing it again changes nothing.
    const again = await s.handle('execution/import', { path: path.join(FIXTURES, 'bao-cao-6-thang-2024-chuyen-nguon.ods') });
    expect(again.report.written).toBe(0);
    expect(again.report.carryover).toEqual([]);
    s.close();
  });
});

describe('a header whose top row says whose funds each block is', () => {
  it('reads "Vốn năm trước chuyển sang" above its own Kế hoạch / Lũy kế giải ngân as the previous year’s funds, never added into the year’s', async () => {
    const s = sampleSession();
    const rep = (await s.handle('execution/import', { path: path.join(FIXTURES, 'bao-cao-9-thang-2024-hai-khoi.xlsx') })).report;
    expect(rep.asOf).toBe('2024-09-30');
    expect(rep.columns.map((c) => `${c.letter}:${c.role}:${c.fund ?? ''}`)).toEqual([
      'A:code:', 'B:name:', 'C:plan:', 'D:plan:', 'E:disbursed:', 'F:disbursed:', 'G:plan:2023', 'H:plan:2023', 'I:disbursed:2023', 'J:disbursed:2023',
    ]);
    expect(rep.planDifferences).toEqual([]);
    expect(rep.carryover).toEqual([{ year: 2023, yearFrom: 'previous_year', created: true, amounts: 3, figures: 4 }]);
    const date = s.execution.dateByAsOf('2024-09-30')!;
    const fig = (code: string, column: string, fund: number) => s.execution.getFigure({ dateId: date.id, lineId: id(s, code), column, unitId: null, measure: 'disbursed', fund });
    expect(fig('2', 'central_recurrent', 0)).toBe(25_300 * M);
    expect(fig('2', 'central_recurrent', 2023)).toBe(600 * M);
    expect(s.execution.getCarryover(2023, id(s, '5'), 'central_recurrent')).toBe(1_200 * M);
    s.close();
  });
});

describe('the source year of carried-over funds', () => {
  const year = (texts: string[], fundYears: number[] = []) => carriedYear(carriedFunds(texts), 2024, fundYears);
  it('is the one earlier year the header names, "năm trước", or the plan’s only carried-over year; never a guess between several', () => {
    expect(year(['Vốn năm 2023 kéo dài sang năm 2024'])).toEqual({ year: 2023, from: 'header' });
    expect(year(['Kế hoạch vốn kéo dài', 'Vốn 2022 chuyển sang 2024'])).toEqual({ year: 2022, from: 'header' });
    expect(year(['Vốn kéo dài đến 31/12/2024 (nguồn năm 2022)'])).toEqual({ year: 2022, from: 'header' });
    expect(year(['Vốn năm trước chuyển sang'])).toEqual({ year: 2023, from: 'previous_year' });
    expect(year(['Vốn chuyển nguồn'], [2021])).toEqual({ year: 2021, from: 'plan' });
    expect(year(['Vốn chuyển nguồn'], [2021, 2022]).year).toBeNull();
    expect(year(['Vốn chuyển nguồn']).year).toBeNull();
    expect(year(['Vốn các năm 2021, 2022 chuyển nguồn sang năm 2024']).year).toBeNull();
  });
});
