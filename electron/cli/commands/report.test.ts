// `plandesk report PLAN --as-of DATE`: the JSON contract (totals and lines keyed by column key in
// integer đồng, findings with rule ids), the text report, and clear refusals with their exit codes.
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

async function planWithFigures(): Promise<string> {
  const file = path.join(tempDir(), 'plan.plandesk');
  createCycleFile(file, sampleCycle());
  const s = PlanSession.open(file);
  const id = (code: string) => s.snapshot().rows.find((r) => r.code === code)!.id;
  const h1 = (await s.handle('execution/addDate', { asOf: '2024-06-30', kind: 'h1', due: null, paceMinPercent: null })).id;
  const y = (await s.handle('execution/addDate', { asOf: '2024-12-31', kind: 'year', due: null, paceMinPercent: null })).id;
  await s.handle('execution/setFigures', {
    cells: [
      { dateId: h1, lineId: id('2'), column: 'central_recurrent', value: 10_000 * M },
      { dateId: y, lineId: id('2'), column: 'central_recurrent', value: 30_110 * M },
      { dateId: y, lineId: id('2'), column: 'local_recurrent', value: 2_950 * M },
      { dateId: y, lineId: id('3.2'), column: 'central_recurrent', value: 8_000 * M }, // plan 7.024: over plan
    ],
  });
  s.close();
  return file;
}

describe('plandesk report', () => {
  it('prints the report of an as-of date as JSON in integer đồng, with its findings', async () => {
    const file = await planWithFigures();
    const r = await cli('report', file, '--as-of', '2024-12-31', '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(EXIT.ok);
    const j = JSON.parse(r.out);
    expect(j.asOf).toBe('2024-12-31');
    expect(j.previousAsOf).toBe('2024-06-30');
    expect(j.totals.plan.total).toBe(350_190 * M);
    expect(j.totals.disbursed.total).toBe(41_060 * M);
    expect(j.totals.disbursed.central).toBe(38_110 * M);
    const l2 = j.lines.find((l: { code: string }) => l.code === '2');
    expect(l2.plan.total).toBe(42_499 * M);
    expect(l2.disbursed.total).toBe(33_060 * M);
    expect(l2.period.central_recurrent).toBe(20_110 * M);
    expect(l2.rate.total).toBe(778); // 77,8%, as the sample report's ROUND(F/C*100;1)
    const over = j.findings.filter((f: { rule: string }) => f.rule === 'disbursement_over_plan');
    expect(over).toEqual([expect.objectContaining({ rule: 'disbursement_over_plan', severity: 'error', line: '3.2', column: 'central_recurrent', expected: 7_024 * M, actual: 8_000 * M })]);
  });

  it('adds the report by unit to the JSON: a parent unit with its sub-units’ figures rolled in (own apart), sub-units after it', async () => {
    const file = await planWithFigures();
    expect(JSON.parse((await cli('report', file, '--as-of', '2024-12-31', '--json')).out).units).toEqual([]); // not allocated
    const s = PlanSession.open(file);
    const l2 = s.snapshot().rows.find((r) => r.code === '2')!.id;
    const y = s.execution.dateByAsOf('2024-12-31')!.id;
    const p = (await s.handle('units/add', { name: 'UBND huyện Tuy Đức', kind: 'district' })).unitId;
    const c = (await s.handle('units/add', { name: 'UBND xã Quảng Tân', kind: 'commune', parentId: p })).unitId;
    await s.handle('units/setShares', { cells: [{ unitId: p, lineId: l2, column: 'central_recurrent', value: 8_000 * M }, { unitId: c, lineId: l2, column: 'central_recurrent', value: 2_000 * M }] });
    await s.handle('execution/setFigures', { cells: [{ dateId: y, lineId: l2, column: 'central_recurrent', unitId: p, value: 3_000 * M }, { dateId: y, lineId: l2, column: 'central_recurrent', unitId: c, value: 1_000 * M }] });
    s.close();
    const j = JSON.parse((await cli('report', file, '--as-of', '2024-12-31', '--json')).out);
    expect(j.units.map((u: { name: string; depth: number; parent: string | null; plan: Record<string, number>; disbursed: Record<string, number>; rate: Record<string, number>; own: { plan: Record<string, number> } }) =>
      [u.name, u.depth, u.parent, u.plan.total, u.disbursed.total, u.rate.total, u.own.plan.total])).toEqual([
      ['UBND huyện Tuy Đức', 0, null, 10_000 * M, 4_000 * M, 400, 8_000 * M],
      ['UBND xã Quảng Tân', 1, 'UBND huyện Tuy Đức', 2_000 * M, 1_000 * M, 500, 2_000 * M],
    ]);
    // The text report lists them too, the commune beneath its district.
    const text = (await cli('report', file, '--as-of', '2024-12-31')).out.split('\n');
    const at = text.findIndex((l) => l.startsWith('Theo đơn vị thực hiện'));
    expect(at).toBeGreaterThan(0);
    expect(text[at + 1]).toMatch(/^ {2}UBND huyện Tuy Đức — .*10\.000.*4\.000/);
    expect(text[at + 2]).toMatch(/^ {4}UBND xã Quảng Tân — .*2\.000.*1\.000/);
    // The existing fields are unchanged.
    expect(j.lines.find((l: { code: string }) => l.code === '2').disbursed.total).toBe(37_060 * M); // 33.060 without a unit + the units' 4.000
  });

  it('prints a text report in Vietnamese, and English with --lang en', async () => {
    const file = await planWithFigures();
    const vi = await cli('report', file, '--as-of', '2024-12-31');
    expect(vi.code).toBe(EXIT.ok);
    expect(vi.out).toContain('tình hình giải ngân đến ngày 31/12/2024');
    expect(vi.out).toContain('77,8%');
    const en = await cli('report', file, '--as-of', '2024-12-31', '--lang', 'en');
    expect(en.out).toContain('disbursement as of 31/12/2024');
  });

  it('refuses a date the plan does not have, a bad date and a missing --as-of (exit 2), and a missing file (exit 1)', async () => {
    const file = await planWithFigures();
    const none = await cli('report', file, '--as-of', '2024-09-30');
    expect(none.code).toBe(EXIT.usage);
    expect(none.err).toContain('2024-09-30');
    expect(none.err).toContain('2024-06-30, 2024-12-31');
    expect((await cli('report', file, '--as-of', '2024-02-30')).code).toBe(EXIT.usage);
    expect((await cli('report', file)).code).toBe(EXIT.usage);
    expect((await cli('report', path.join(tempDir(), 'missing.plandesk'), '--as-of', '2024-12-31')).code).toBe(EXIT.failed);
  });
});
