// `plandesk check` as a user or a script runs it: the built command (bin/plandesk.cjs → dist/cli)
// in its own process, on real cycle files in a temp folder. Exit codes are the contract: 0 when the
// file was checked (whatever was found), 3 with --strict when errors exist, 2 on bad arguments,
// 1 when the file cannot be read (with one Vietnamese line on stderr). Needs `npm run build`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { PlanSession } from '../../electron/engine/session';
import { createCycleFile } from '../../electron/engine/store/cycle-file';
import { PlanCalc } from '../../shared/calc';
import { ColumnTree } from '../../shared/columns';
import { runAllRules } from '../../shared/rules';
import { sampleCycle } from '../../shared/samples/dak-nong-2024';
import { tempDir } from '../support/tmp';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin/plandesk.cjs');
const TRIEU = 1_000_000;

interface JsonFinding {
  rule: string;
  severity: 'error' | 'warning' | 'info';
  line: string;
  column: string | null;
  expected: number | null;
  actual: number | null;
  message: string;
}

interface CheckReport {
  unit: string;
  totals: Record<string, number>;
  lines: { code: string; name: string; values: Record<string, number> }[];
  findings: JsonFinding[];
}

function plandesk(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A sample file made by the command itself, as a user would: `plandesk new F --sample`. */
function newSample(dir: string, name = 'sample.plandesk'): string {
  const file = path.join(dir, name);
  const r = plandesk('new', file, '--sample');
  expect(r.status, r.stderr).toBe(0);
  return file;
}

function checkJson(file: string, ...flags: string[]): { status: number | null; report: CheckReport; stderr: string } {
  const r = plandesk('check', file, '--json', ...flags);
  return { status: r.status, report: JSON.parse(r.stdout) as CheckReport, stderr: r.stderr };
}

/** Change a file through the engine (the same commands the app sends). */
function edit(file: string, fn: (s: PlanSession, idOf: (code: string) => number) => void): void {
  const s = PlanSession.open(file);
  try {
    const idOf = (code: string) => s.snapshot().rows.find((r) => r.code === code)!.id;
    fn(s, idOf);
  } finally {
    s.close();
  }
}

/** Exactly one non-empty line, with Vietnamese letters in it (not an English stack trace). */
function expectOneVietnameseLine(stderr: string): void {
  const lines = stderr.split('\n').filter((l) => l.trim() !== '');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/[ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ]/i);
  expect(lines[0]).not.toMatch(/\bat .*\.(c?js|ts):\d+/); // no stack frames
}

beforeAll(() => {
  if (!fs.existsSync(path.join(ROOT, 'dist/cli/plandesk.cjs'))) throw new Error('dist/cli is missing: run `npm run build` first');
});

describe('plandesk check on the built-in sample (Kế hoạch 122/KH-UBND)', () => {
  let file: string;
  let status: number | null;
  let report: CheckReport;
  beforeAll(() => {
    file = newSample(tempDir());
    ({ status, report } = checkJson(file));
  });

  it('exits 0 although it found problems, and reports the totals in đồng', () => {
    expect(status).toBe(0);
    expect(report.unit).toBe('trieu');
    expect(report.totals).toMatchObject({ total: 350_190 * TRIEU, central: 319_642 * TRIEU, local: 30_548 * TRIEU });
    expect(report.lines).toHaveLength(18);
  });

  it('reports the counterpart shortfall: local 30.548 vs minimum 31.964,2 triệu', () => {
    const f = report.findings.find((x) => x.rule === 'counterpart_min' && x.line === '')!;
    expect(f).toMatchObject({ severity: 'error', column: 'local', expected: 31_964_200_000, actual: 30_548_000_000 });
    expect(f.message).toContain('còn thiếu 1.416,2 triệu đồng');
    expect(f.message).toContain('9,56%');
  });

  it("reports line 4.1's counterpart at 7,04% (a warning)", () => {
    const f = report.findings.find((x) => x.rule === 'counterpart_min' && x.line === '4.1')!;
    expect(f).toMatchObject({ severity: 'warning', column: 'local', expected: 4_790_500_000, actual: 3_371_000_000 });
    expect(f.message).toContain('7,04%');
  });

  it('reports Dự án 7 as not yet allocated (information), and no sum mismatch', () => {
    const f = report.findings.find((x) => x.rule === 'not_allocated')!;
    expect(f).toMatchObject({ severity: 'info', line: '7', actual: 9_924 * TRIEU });
    expect(f.message).toContain('chưa phân bổ');
    expect(report.findings.filter((x) => x.rule === 'sum_mismatch')).toEqual([]);
  });

  it('returns the same findings as the rule engine the app uses', () => {
    const c = sampleCycle();
    const calc = new PlanCalc(new ColumnTree(c.columns), c.lines, c.amounts);
    const expected = runAllRules({ calc, meta: c.meta, rules: c.rules }).map(
      ({ rule, severity, line, column, expected, actual, message }) => ({ rule, severity, line, column, expected, actual, message }),
    );
    expect(report.findings).toEqual(expected);
    // …and as an open session (what the grid and the findings panel show).
    const s = PlanSession.open(file, { readOnly: true });
    try {
      expect(report.findings.map((f) => f.message)).toEqual(s.snapshot().findings.map((f) => f.message));
    } finally {
      s.close();
    }
  });

  it('--strict exits 3 because the program counterpart is an error', () => {
    const r = plandesk('check', file, '--strict');
    expect(r.status).toBe(3);
    expect(r.stdout).toContain('Vốn đối ứng tối thiểu');
  });

  it('prints a readable summary without --json', () => {
    const r = plandesk('check', file);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Chương trình mục tiêu quốc gia giảm nghèo bền vững');
    expect(r.stdout).toContain('Tổng cộng: 350.190');
    expect(r.stdout).toContain('Phát hiện: 4');
    // Severities and columns in the reader's language, never the JSON's keys.
    expect(r.stdout).toMatch(/\[Lỗi\] Toàn chương trình · NSĐP( — Tổng số)?: /);
    expect(r.stdout).toMatch(/\[Cảnh báo\] 4\.1 · NSĐP/);
    expect(r.stdout).not.toMatch(/\[(error|warning|info)\]|\blocal\b|central_/);
    const en = plandesk('check', file, '--lang', 'en');
    expect(en.stdout).toMatch(/\[Error\] Whole program · /);
  });

  it('prints the import report with column labels, not keys (the JSON keeps the keys)', () => {
    const dir = tempDir();
    const annex = path.join(dir, 'annex.xlsx');
    expect(plandesk('export', file, '--out', annex).status).toBe(0);
    const r = plandesk('import', annex, '--out', path.join(dir, 'back.plandesk'));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('A = Mã (STT)');
    expect(r.stdout).toMatch(/\n  NSTW — ĐTPT: [\d.]+\n/);
    expect(r.stdout).not.toMatch(/=code|central_investment|local_recurrent/);
    const json = plandesk('import', annex, '--out', path.join(dir, 'back2.plandesk'), '--json');
    expect(JSON.parse(json.stdout.slice(0, json.stdout.lastIndexOf('}') + 1)).mappedColumns).toContainEqual(expect.objectContaining({ key: 'central_investment' }));
  });
});

describe('plandesk check follows the plan and its rule parameters', () => {
  it('reports a stated total that disagrees, in đồng, and --strict exits 3', () => {
    const dir = tempDir();
    const file = newSample(dir);
    // Line 1.1's Tổng cộng typed over as 123.000 triệu; its parts add up to 122.854.
    edit(file, (s, idOf) => s.handle('cell/set', { lineId: idOf('1.1'), column: 'total', value: 123_000 * TRIEU }));
    const { status, report } = checkJson(file);
    expect(status).toBe(0);
    const f = report.findings.find((x) => x.rule === 'sum_mismatch')!;
    expect(f).toMatchObject({ severity: 'error', line: '1.1', column: 'total', expected: 122_854 * TRIEU, actual: 123_000 * TRIEU });
    expect(f.message).toContain('chênh lệch +146 triệu đồng');
    expect(plandesk('check', file, '--strict').status).toBe(3);
  });

  it('--strict exits 0 when only warnings and information remain (minimum lowered to 9%)', () => {
    const dir = tempDir();
    const file = newSample(dir);
    edit(file, (s) => s.handle('rules/set', { rules: { ...s.rules, counterpartMinPercent: 9 } }));
    const { status, report } = checkJson(file, '--strict');
    expect(status).toBe(0);
    expect(report.findings.some((x) => x.severity === 'error')).toBe(false);
    expect(report.findings.map((x) => `${x.rule}:${x.line}`)).toEqual(['counterpart_min:4', 'counterpart_min:4.1', 'not_allocated:7']);
  });

  it('does not change the file it checks', () => {
    const dir = tempDir();
    const file = newSample(dir);
    const before = fs.readFileSync(file);
    expect(plandesk('check', file, '--json').status).toBe(0);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});

describe('plandesk check refuses what it cannot do', () => {
  const dir = tempDir();
  let file: string;
  beforeAll(() => {
    file = newSample(dir);
  });

  it.each([
    ['no file', () => []],
    ['two files', () => [file, file]],
    ['an unknown flag', () => [file, '--bogus']],
    ['a value given to a switch', () => [file, '--json=yes']],
  ])('exits 2 on bad arguments: %s', (_label, args) => {
    const r = plandesk('check', ...(args as () => string[])());
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/Cách dùng|Tham số không hợp lệ/);
  });

  it('exits 2 with the usage line when no command is given', () => {
    const r = plandesk();
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Cách dùng: plandesk');
  });

  it('exits 1 on a missing file, naming it in Vietnamese', () => {
    const r = plandesk('check', path.join(dir, 'không-có.plandesk'), '--json');
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expectOneVietnameseLine(r.stderr);
    expect(r.stderr).toContain('Không tìm thấy tệp');
  });

  it('exits 1 on a file that is not a plan (text, empty) and leaves it unchanged', () => {
    for (const [name, content] of [['notes.plandesk', 'Kế hoạch 122/KH-UBND\n'], ['empty.plandesk', '']]) {
      const bad = path.join(dir, name);
      fs.writeFileSync(bad, content);
      const r = plandesk('check', bad, '--json');
      expect(r.status, name).toBe(1);
      expect(r.stdout).toBe('');
      expectOneVietnameseLine(r.stderr);
      expect(r.stderr).toContain('không phải là tệp kế hoạch PlanDesk');
      expect(fs.readFileSync(bad, 'utf8')).toBe(content);
    }
  });

  it('exits 1 on a folder given as the file', () => {
    const r = plandesk('check', dir, '--json');
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expectOneVietnameseLine(r.stderr);
  });

  it('exits 1 on a plan written by a newer PlanDesk', () => {
    const newer = path.join(dir, 'newer.plandesk');
    createCycleFile(newer, sampleCycle());
    const db = new Database(newer);
    db.pragma('user_version = 999');
    db.close();
    const r = plandesk('check', newer, '--json');
    expect(r.status).toBe(1);
    expectOneVietnameseLine(r.stderr);
    expect(r.stderr).toContain('phiên bản PlanDesk mới hơn');
  });
});

describe('plandesk check on a cycle with its own column tree (issue 13)', () => {
  it('lists the columns { key, label, parent } in display order and keys totals and line values by them', () => {
    const dir = tempDir();
    const file = newSample(dir);
    edit(file, (s, idOf) => {
      void s.handle('columns/add', { parent: 'total', position: 2, label: { vi: 'Vốn tín dụng chính sách', en: 'Policy credit' }, source: 'other', capital: null });
      void s.handle('cell/set', { lineId: idOf('3.1'), column: 'von_tin_dung_chinh_sach', value: 74_500 * TRIEU });
      void s.handle('columns/delete', { key: 'local_investment' });
    });
    const { status, report } = checkJson(file);
    expect(status).toBe(0);
    const r = report as CheckReport & { columns: { key: string; label: string; parent: string | null }[] };
    expect(r.columns).toEqual([
      { key: 'total', label: 'Tổng cộng', parent: null },
      { key: 'central', label: 'Ngân sách Trung ương (NSTW)', parent: 'total' },
      { key: 'central_investment', label: 'Vốn đầu tư phát triển (ĐTPT)', parent: 'central' },
      { key: 'central_recurrent', label: 'Vốn sự nghiệp (SN)', parent: 'central' },
      { key: 'local', label: 'Ngân sách địa phương (NSĐP)', parent: 'total' },
      { key: 'local_recurrent', label: 'Vốn sự nghiệp (SN)', parent: 'local' },
      { key: 'von_tin_dung_chinh_sach', label: 'Vốn tín dụng chính sách', parent: 'total' },
      { key: 'other', label: 'Vốn huy động khác', parent: 'total' },
    ]);
    expect(Object.keys(r.totals)).toEqual(r.columns.map((c) => c.key));
    expect(r.totals.von_tin_dung_chinh_sach).toBe(74_500 * TRIEU);
    expect(r.totals.local_investment).toBeUndefined();
    const line = r.lines.find((l) => l.code === '3.1')!;
    expect(Object.keys(line.values)).toEqual(r.columns.map((c) => c.key));
    expect(line.values.von_tin_dung_chinh_sach).toBe(74_500 * TRIEU);
  });
});
