// The execution report's commands on the built `plandesk`, each in its own process (issue 15): a
// disbursement report made with LibreOffice imported into a plan (`import --into --as-of`), then
// `report --as-of --json` — the contract's shape (totals and lines keyed by column key in integer
// đồng, findings with rule ids) — and the refusals' exit codes and one clear line. Needs `npm run build`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../support/tmp';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin/plandesk.cjs');
const REPORT = path.join(ROOT, 'test/fixtures/execution/bao-cao-6-thang-2024.xlsx');
const M = 1_000_000;

function plandesk(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000, env: { ...process.env, ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('plandesk import --as-of and report', () => {
  it('imports a disbursement report into a plan, then prints the report of that date as JSON', () => {
    const dir = tempDir();
    const plan = path.join(dir, 'plan.plandesk');
    const env = { PLANDESK_DATA_DIR: path.join(dir, 'data') };
    expect(plandesk(['new', plan, '--sample']).status).toBe(0);
    const imp = plandesk(['import', REPORT, '--into', plan, '--as-of', '2024-06-30', '--json'], env);
    expect(imp.stderr).toBe('');
    expect(imp.status).toBe(0);
    expect(JSON.parse(imp.stdout).written).toBe(48);
    const rep = plandesk(['report', plan, '--as-of', '2024-06-30', '--json']);
    expect(rep.status).toBe(0);
    const j = JSON.parse(rep.stdout);
    expect(j.asOf).toBe('2024-06-30');
    expect(j.totals.plan.total).toBe(350_190 * M);
    expect(j.totals.disbursed.total).toBe(121_317 * M + 512_500_000 + 4_512_500_000);
    const l31 = j.lines.find((l: { code: string }) => l.code === '3.1');
    expect(l31.disbursed.central_recurrent).toBe(4_512_500_000);
    expect(l31.plan.central_recurrent).toBe(15_972 * M);
    expect(j.findings.every((f: { rule: string }) => typeof f.rule === 'string')).toBe(true);
    // Nothing above the plan in this report: no disbursement_over_plan finding.
    expect(j.findings.filter((f: { rule: string }) => f.rule === 'disbursement_over_plan')).toEqual([]);
    // Text, in Vietnamese.
    const text = plandesk(['report', plan, '--as-of', '2024-06-30']);
    expect(text.stdout).toContain('đến ngày 30/6/2024');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('imports carried-over funds (sections of rows): says which years, declares the one the plan lacks, and the report shows them apart', () => {
    const dir = tempDir();
    const plan = path.join(dir, 'plan.plandesk');
    const env = { PLANDESK_DATA_DIR: path.join(dir, 'data') };
    const file = path.join(ROOT, 'test/fixtures/execution/bao-cao-6-thang-2024-chuyen-nguon.ods');
    expect(plandesk(['new', plan, '--sample']).status).toBe(0);
    const imp = plandesk(['import', file, '--into', plan, '--as-of', '2024-06-30'], env);
    expect(imp.stderr).toBe('');
    expect(imp.status).toBe(0);
    expect(imp.stdout).toContain('"VỐN NĂM 2023 CHUYỂN NGUỒN SANG NĂM 2024": vốn năm 2023 chuyển sang');
    expect(imp.stdout).toContain('Vốn năm 2022 chuyển sang (năm đọc từ tiêu đề): ghi 1 số kế hoạch vốn, 1 số giải ngân.');
    expect(imp.stdout).toContain('Kế hoạch chưa có nguồn vốn năm 2022 chuyển sang: đã thêm trong cùng bước hoàn tác');
    const j = JSON.parse(plandesk(['report', plan, '--as-of', '2024-06-30', '--json']).stdout);
    expect(j.carryover.map((c: { year: number; totals: { plan: { total: number }; disbursed: { total: number } } }) => [c.year, c.totals.plan.total, c.totals.disbursed.total]))
      .toEqual([[2022, 500 * M, 500 * M], [2023, 4_300 * M, 2_620 * M]]);
    expect(j.combined.plan.total).toBe(350_190 * M + 4_800 * M);
    expect(j.units).toEqual([]);
    // Again, in English: nothing changes.
    const en = plandesk(['import', file, '--into', plan, '--as-of', '2024-06-30', '--lang', 'en'], env);
    expect(en.status).toBe(0);
    expect(en.stdout).toContain('No figure changed');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a date the plan does not have: one clear line, exit 2', () => {
    const dir = tempDir();
    const plan = path.join(dir, 'plan.plandesk');
    expect(plandesk(['new', plan, '--sample']).status).toBe(0);
    const r = plandesk(['report', plan, '--as-of', '2024-06-30']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('2024-06-30');
  });
});
