// `plandesk import --into`, `export --by-unit` and `split` as a user runs them (the built command in
// its own process, issue 14): the kind recognised and said, a backup taken and one undo step written,
// bad cells reported by address with exit 0, unreadable files refused with exit 1 and nothing
// written; the annex by unit and the units' files read back to the same shares. Needs `npm run build`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { PlanSession } from '../../electron/engine/session';
import { createCycleFile } from '../../electron/engine/store/cycle-file';
import { importSpreadsheet } from '../../electron/engine/excel';
import { sampleCycle } from '../../shared/samples/dak-nong-2024';
import { tempDir } from '../support/tmp';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin/plandesk.cjs');
const SAMPLE_ANNEX = path.resolve(ROOT, '../shared/samples/allocation-example.xlsx');
const FIX = path.join(ROOT, 'test/fixtures/allocation');
const M = 1_000_000;

function plandesk(env: Record<string, string>, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000, env: { ...process.env, ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function setup(): { dir: string; plan: string; env: Record<string, string> } {
  const dir = tempDir();
  const plan = path.join(dir, 'plan.plandesk');
  createCycleFile(plan, sampleCycle());
  return { dir, plan, env: { PLANDESK_DATA_DIR: path.join(dir, 'data'), PLANDESK_LANG: 'vi' } };
}

/** Shares as "unit|line code|column" → đồng. */
function sharesOf(file: string): Map<string, number> {
  const s = PlanSession.open(file, { readOnly: true });
  try {
    const code = new Map([...s.calc.lines.values()].map((l) => [l.id, l.code]));
    return new Map(s.units.allShares().map((x) => [`${s.units.units.get(x.unitId)!.name}|${code.get(x.lineId)}|${x.column}`, x.value]));
  } finally {
    s.close();
  }
}

describe('plandesk import --into', () => {
  it('recognises an allocation annex, says so, backs the plan up and writes one undo step', () => {
    const { dir, plan, env } = setup();
    const r = plandesk(env, 'import', SAMPLE_ANNEX, '--into', plan);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Đã đọc bảng phân bổ cho đơn vị (đơn vị × dòng), trang "NSDP SN"');
    expect(r.stdout).toContain('C "Tiểu dự án 1 - Dự án 1" → 1.1 Tiểu dự án 1');
    expect(r.stdout).toContain('Đã ghi 19 ô phân bổ và 5 đơn vị mới');
    const shares = sharesOf(plan);
    expect(shares.size).toBe(19);
    expect(shares.get('UBND huyện Đắk Glong|1.1|local_recurrent')).toBe(600 * M);
    // The backup taken before writing holds the plan as it was.
    const backups = fs.readdirSync(path.join(dir, 'data', 'backups'), { recursive: true }).map(String).filter((f) => f.endsWith('.plandesk'));
    expect(backups.length).toBeGreaterThan(0);
    const s = PlanSession.open(plan);
    expect(s.emptyPatch().undo.undoLabel).toContain('allocation-example.xlsx');
    s.close();
  });

  it('writes what it could read and lists every skipped cell by address (exit 0); --json in đồng', () => {
    const { plan, env } = setup();
    const r = plandesk(env, 'import', path.join(FIX, 'alloc-local-bad.ods'), '--into', plan, '--json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.kind).toBe('allocation');
    expect(j.problems.map((p: { address: string; kind: string }) => `${p.address} ${p.kind}`)).toEqual(['G5 line_is_parent', 'H5 no_line', 'C7 text', 'F7 negative']);
    expect(j.problems[2].message).toBe('Chữ ở chỗ cần số');
    expect(j.totals).toEqual({ local_investment: (120 + 60 + 15 + 12) * M, local_recurrent: (35 + 20 + 10 + 3) * M });
    expect(sharesOf(plan).get('UBND xã Quảng Sơn|1.1|local_investment')).toBe(120 * M);
  });

  it('refuses what it cannot read, writing nothing (exit 1), and bad arguments (exit 2)', () => {
    const { dir, plan, env } = setup();
    const before = fs.readFileSync(plan);
    const junk = path.join(dir, 'junk.xlsx');
    fs.writeFileSync(junk, 'PK\u0003\u0004 broken');
    const r = plandesk(env, 'import', junk, '--into', plan);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(fs.readFileSync(plan).equals(before)).toBe(true);
    expect(plandesk(env, 'import', SAMPLE_ANNEX, '--into', plan, '--kind', 'units').status).toBe(2);
    expect(plandesk(env, 'import', SAMPLE_ANNEX, '--out', path.join(dir, 'x.plandesk'), '--kind', 'allocation').status).toBe(2);
    expect(plandesk(env, 'import', SAMPLE_ANNEX, '--into', plan, '--out', path.join(dir, 'x.plandesk')).status).toBe(2);
    expect(plandesk(env, 'import', SAMPLE_ANNEX, '--into', plan, '--sheet', '0').status).toBe(2);
    expect(fs.existsSync(path.join(dir, 'x.plandesk'))).toBe(false);
    // Forced as a disbursement report: refused in one line (no reader yet, or the report's reader finds no report).
    const ex = plandesk(env, 'import', SAMPLE_ANNEX, '--into', plan, '--kind', 'execution');
    expect(ex.status).toBe(1);
    expect(ex.stderr.trim().split('\n')).toHaveLength(1);
    expect(fs.readFileSync(plan).equals(before)).toBe(true);
  });

  it('a plan table fills the plan\'s lines (--kind plan recognised without being told)', () => {
    const { dir, plan, env } = setup();
    const annex = path.join(dir, 'annex.xlsx');
    expect(plandesk(env, 'export', plan, '--out', annex).status).toBe(0);
    const r = plandesk(env, 'import', annex, '--into', plan);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Đã đọc bảng kế hoạch');
    expect(r.stdout).toContain('Đã điền 18 dòng');
  });
});

describe('plandesk export --by-unit and split', () => {
  it('exports the annex by unit (first sheet, live totals) and importing it gives back the same shares', async () => {
    const { dir, plan, env } = setup();
    expect(plandesk(env, 'import', path.join(FIX, 'alloc-two-level.xlsx'), '--into', plan).status).toBe(0);
    const out = path.join(dir, 'by-unit.xlsx');
    const r = plandesk(env, 'export', plan, '--by-unit', '--out', out);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('Phân bổ');
    expect(ws.getCell('B7').value).toBe('TỔNG CỘNG');
    expect((ws.getCell('C7').value as { formula: string }).formula).toBe('SUM(C8:C14)');
    expect((ws.getCell('C8').value as { formula: string }).formula).toMatch(/^SUM\(D8:[A-Z]+8\)$/);

    const fresh = path.join(dir, 'fresh.plandesk');
    createCycleFile(fresh, sampleCycle());
    const back = plandesk(env, 'import', out, '--into', fresh);
    expect(back.stderr).toBe('');
    expect(back.status).toBe(0);
    expect(sharesOf(fresh)).toEqual(sharesOf(plan));
  });

  it('splits into one file per unit named in ASCII; each is a plan annex of the unit\'s shares that import reads back exactly', async () => {
    const { dir, plan, env } = setup();
    expect(plandesk(env, 'import', SAMPLE_ANNEX, '--into', plan).status).toBe(0);
    const outDir = path.join(dir, 'units');
    fs.mkdirSync(outDir);
    const r = plandesk(env, 'split', plan, '--out', outDir);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(fs.readdirSync(outDir).sort()).toEqual([
      'So-Lao-dong-Thuong-binh-va-Xa-hoi.xlsx', 'UBND-huyen-Cu-Jut.xlsx', 'UBND-huyen-Dak-Glong.xlsx', 'UBND-huyen-Krong-No.xlsx', 'UBND-huyen-Tuy-Duc.xlsx',
    ]);
    const { data } = await importSpreadsheet({ path: path.join(outDir, 'UBND-huyen-Krong-No.xlsx') });
    const code = new Map(data.lines.map((l) => [l.id, l.code]));
    const leaves = new Set(data.lines.filter((l) => !data.lines.some((c) => c.parentId === l.id)).map((l) => l.id));
    const figures = new Map(data.amounts.filter((a) => leaves.has(a.lineId) && a.column === 'local_recurrent').map((a) => [code.get(a.lineId), a.value]));
    const expected = new Map([...sharesOf(plan)].filter(([k]) => k.startsWith('UBND huyện Krông Nô|')).map(([k, v]) => [k.split('|')[1], v]));
    expect(figures).toEqual(expected);

    // Read back into the plan: recognised as the unit's file, its figures become that unit's shares.
    const fresh = path.join(dir, 'fresh.plandesk');
    createCycleFile(fresh, sampleCycle());
    const back = plandesk(env, 'import', path.join(outDir, 'UBND-huyen-Krong-No.xlsx'), '--into', fresh);
    expect(back.stderr).toBe('');
    expect(back.status).toBe(0);
    expect(back.stdout).toContain('UBND huyện Krông Nô');
    expect(sharesOf(fresh)).toEqual(new Map([...sharesOf(plan)].filter(([k]) => k.startsWith('UBND huyện Krông Nô|'))));

    const pd = path.join(dir, 'pd');
    fs.mkdirSync(pd);
    expect(plandesk(env, 'split', plan, '--out', pd, '--format', 'plandesk').status).toBe(0);
    const one = sharesOf(path.join(pd, 'UBND-huyen-Tuy-Duc.plandesk'));
    expect(one).toEqual(new Map([...sharesOf(plan)].filter(([k]) => k.startsWith('UBND huyện Tuy Đức|'))));
  });

  it('refuses a plan without shares and a missing folder (exit 1), a bad format (exit 2)', () => {
    const { dir, plan, env } = setup();
    const r = plandesk(env, 'split', plan, '--out', dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('chưa giao phần nào cho đơn vị');
    expect(plandesk(env, 'split', plan, '--out', path.join(dir, 'nope')).status).toBe(1);
    expect(plandesk(env, 'split', plan, '--out', dir, '--format', 'pdf').status).toBe(2);
    expect(plandesk(env, 'export', plan, '--by-unit', '--out', path.join(dir, 'a.xlsx')).status).toBe(1);
  });
});
