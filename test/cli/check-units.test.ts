// `plandesk check --json` on a plan with units (issue 14), run as the built command: each unit's
// shares summed per column over the lines that hold them (never a line and its parent twice), and
// the unit rules among the findings with line code, column key, expected and actual in đồng.
// Needs `npm run build`.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PlanSession } from '../../electron/engine/session';
import { createCycleFile } from '../../electron/engine/store/cycle-file';
import { sampleCycle } from '../../shared/samples/dak-nong-2024';
import { tempDir } from '../support/tmp';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin/plandesk.cjs');
const M = 1_000_000;

function check(file: string, ...flags: string[]) {
  const r = spawnSync(process.execPath, [BIN, 'check', file, ...flags], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('plandesk check with units', () => {
  it('adds units with their totals per column key and the unit findings', async () => {
    const file = path.join(tempDir(), 'units.plandesk');
    createCycleFile(file, sampleCycle());
    const s = PlanSession.open(file);
    const id = (code: string) => [...s.calc.lines.values()].find((l) => l.code === code)!.id;
    const { unitIds: [tuy, glong, ldtbxh] } = await s.handle('units/addMany', {
      units: [
        { name: 'UBND huyện Tuy Đức', kind: 'district' },
        { name: 'UBND huyện Đắk Glong', kind: 'district' },
        { name: 'Sở Lao động - Thương binh và Xã hội', kind: 'department' },
      ],
    });
    await s.handle('units/setShares', {
      cells: [
        { unitId: tuy, lineId: id('1.1'), column: 'central_investment', value: 60_000 * M },
        { unitId: glong, lineId: id('1.1'), column: 'central_investment', value: 40_000 * M },
        { unitId: glong, lineId: id('1.2'), column: 'central_investment', value: 26_197 * M },
        { unitId: glong, lineId: id('1.2'), column: 'local_recurrent', value: 100 * M },
        { unitId: ldtbxh, lineId: id('7'), column: 'central_recurrent', value: 9_020 * M },
      ],
    });
    s.close();
    const r = check(file, '--json');
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as {
      units: { name: string; totals: Record<string, number> }[];
      findings: { rule: string; severity: string; line: string; column: string | null; expected: number | null; actual: number | null }[];
    };
    expect(report.units.map((u) => u.name)).toEqual(['UBND huyện Tuy Đức', 'UBND huyện Đắk Glong', 'Sở Lao động - Thương binh và Xã hội']);
    expect(report.units[0].totals.central_investment).toBe(60_000 * M);
    expect(report.units[1].totals).toMatchObject({ central_investment: 66_197 * M, local_recurrent: 100 * M, central_recurrent: 0 });
    expect(report.units[2].totals).toMatchObject({ central_recurrent: 9_020 * M, central_investment: 0 });
    const unitFindings = report.findings.filter((f) => f.rule.startsWith('unit_')).map(({ rule, severity, line, column, expected, actual }) => ({ rule, severity, line, column, expected, actual }));
    expect(unitFindings).toEqual([
      { rule: 'unit_overallocated', severity: 'error', line: '1.1', column: 'central_investment', expected: 99_654 * M, actual: 100_000 * M },
      { rule: 'unit_unallocated', severity: 'info', line: '1.2', column: 'local_recurrent', expected: 262 * M, actual: 100 * M },
    ]);
    // --strict: the unit error counts as an error.
    expect(check(file, '--json', '--strict').status).toBe(3);
    const text = check(file).stdout;
    expect(text).toContain('Đơn vị thực hiện: 3');
    expect(text).toContain('UBND huyện Đắk Glong: NSTW — ĐTPT 66.197; NSĐP — SN 100');
  });

  it('gives an empty units list for a plan without units', () => {
    const file = path.join(tempDir(), 'plain.plandesk');
    createCycleFile(file, sampleCycle());
    const r = check(file, '--json');
    expect(JSON.parse(r.stdout).units).toEqual([]);
  });
});
