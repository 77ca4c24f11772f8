// `plandesk new` with program templates, as a user or a script runs it (the built command in its own
// process): --list-templates, --template ID|PATH, --year alone taking the program in force (a 2027
// plan never carries the 2021–2025 program), a user's template file and hostile ones, and a 2024 plan
// naming districts and old departments that still opens, checks and exports as it did. Needs `npm run build`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PlanSession } from '../../electron/engine/session';
import { writeTemplateFile } from '../../electron/engine/templates/template-file';
import { sampleCycle } from '../../shared/samples/dak-nong-2024';
import { templateFromCycle } from '../../shared/templates';
import { tempDir } from '../support/tmp';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin/plandesk.cjs');
const OLD_PROGRAM = 'Chương trình mục tiêu quốc gia giảm nghèo bền vững';

function plandesk(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function readPlan(file: string) {
  const s = PlanSession.open(file, { readOnly: true });
  try {
    return s.cycle();
  } finally {
    s.close();
  }
}

describe('plandesk new --list-templates', () => {
  it('lists id, years and name of each built-in template', () => {
    const r = plandesk('new', '--list-templates');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/mtqg-2026-2035\s+2026–2035\s+Chương trình MTQG 2026–2035/);
    expect(r.stdout).toMatch(/mtqg-gnbv-2021-2025\s+2021–2025\s+Chương trình MTQG giảm nghèo bền vững 2021–2025/);
    expect(r.stdout).toMatch(/blank\s+mọi năm\s+Kế hoạch trống/);
    expect(plandesk('new', '--list-templates', '--lang', 'en').stdout).toMatch(/blank\s+any year\s+Blank plan/);
  });

  it('--json: ids, names, programs, years, notes, and which one is in force for --year', () => {
    const r = plandesk('new', '--list-templates', '--json', '--year', '2027');
    expect(r.status, r.stderr).toBe(0);
    const list = JSON.parse(r.stdout) as { id: string; years: { from: number; to: number } | null; inForce: boolean; note: { vi: string } | null; program: string }[];
    expect(list.map((x) => [x.id, x.years, x.inForce])).toEqual([
      ['mtqg-2026-2035', { from: 2026, to: 2035 }, true],
      ['mtqg-gnbv-2021-2025', { from: 2021, to: 2025 }, false],
      ['blank', null, false],
    ]);
    expect(list[0].note?.vi).toMatch(/đối chiếu với quyết định giao kế hoạch của tỉnh/);
  });
});

describe('plandesk new FILE', () => {
  it('--year 2027 alone: the merged 2026–2035 program, never the 2021–2025 one; the note to check the component list', () => {
    const file = path.join(tempDir(), 'kh-2027.plandesk');
    const r = plandesk('new', file, '--year', '2027');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Đã tạo ${file}`);
    expect(r.stdout).toMatch(/Lưu ý: Danh mục nội dung thành phần .* chưa được xác nhận/);
    const c = readPlan(file);
    expect(c.meta.year).toBe(2027);
    expect(c.meta.program).not.toBe(OLD_PROGRAM);
    expect(c.meta.program).toMatch(/^Chương trình mục tiêu quốc gia xây dựng nông thôn mới.*2026-2035$/);
    expect(c.columns.map((x) => x.key)).toContain('von_tin_dung_chinh_sach');
    expect(c.lines.map((l) => l.code)).toEqual(['I', 'II', 'III']);
    expect(c.rules.counterpartMinPercent).toBeNull();
  });

  it('--year 2024 alone: the 2021–2025 structure with 10% counterpart', () => {
    const file = path.join(tempDir(), 'kh-2024.plandesk');
    expect(plandesk('new', file, '--year', '2024').status).toBe(0);
    const c = readPlan(file);
    expect(c.meta.program).toBe(OLD_PROGRAM);
    expect(c.lines.map((l) => l.code)).toEqual(sampleCycle().lines.map((l) => l.code));
    expect(c.amounts).toEqual([]);
    expect(c.rules.counterpartMinPercent).toBe(10);
  });

  it('--template blank --json: no lines, no program; the columns of the year\'s program', () => {
    const file = path.join(tempDir(), 'trong.plandesk');
    const r = plandesk('new', file, '--template', 'blank', '--year', '2026', '--json');
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ file, year: 2026, program: '', template: 'blank' });
    const c = readPlan(file);
    expect(c.lines).toEqual([]);
    expect(c.columns.map((x) => x.key)).toContain('von_tin_dung_chinh_sach');
  });

  it('--template mtqg-gnbv-2021-2025 --year 2027: made as asked, with a word that the program ended in 2025', () => {
    const file = path.join(tempDir(), 'cu.plandesk');
    const r = plandesk('new', file, '--template', 'mtqg-gnbv-2021-2025', '--year', '2027');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/dành cho các năm 2021–2025, không phải năm 2027/);
    expect(readPlan(file).meta.program).toBe(OLD_PROGRAM);
  });

  it('--template FILE.pdtemplate: a user\'s saved structure', () => {
    const dir = tempDir();
    const tplFile = path.join(dir, 'dak-nong.pdtemplate');
    writeTemplateFile(tplFile, templateFromCycle(sampleCycle(), { vi: 'Mẫu Đắk Nông', en: 'Đắk Nông template' }));
    const file = path.join(dir, 'tu-mau.plandesk');
    const r = plandesk('new', file, '--template', tplFile, '--year', '2025', '--json');
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ template: tplFile, year: 2025, program: OLD_PROGRAM });
    expect(readPlan(file).lines).toHaveLength(sampleCycle().lines.length);
  });

  it('refuses, with one line and its exit code: an unknown id (2), --sample with --template (2), a damaged or missing template file (1)', () => {
    const dir = tempDir();
    const file = path.join(dir, 'x.plandesk');
    const unknown = plandesk('new', file, '--template', 'mtqg-2040');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/Không có mẫu "mtqg-2040".*mtqg-2026-2035/);
    expect(plandesk('new', file, '--template', 'blank', '--sample').status).toBe(2);
    const bad = path.join(dir, 'bad.pdtemplate');
    fs.writeFileSync(bad, JSON.stringify({ format: 'plandesk-template', version: 1, name: 1 }));
    const damaged = plandesk('new', file, '--template', bad);
    expect(damaged.status).toBe(1);
    expect(damaged.stderr.trim().split('\n')).toHaveLength(1);
    expect(damaged.stderr).toMatch(/Tệp mẫu "bad.pdtemplate" bị hỏng hoặc không hợp lệ \(tại name\)/);
    const newer = path.join(dir, 'newer.pdtemplate');
    fs.writeFileSync(newer, JSON.stringify({ format: 'plandesk-template', version: 9 }));
    expect(plandesk('new', file, '--template', newer, '--lang', 'en').stderr).toMatch(/written by a newer PlanDesk/);
    expect(plandesk('new', file, '--template', path.join(dir, 'none.pdtemplate')).status).toBe(1);
    expect(fs.existsSync(file)).toBe(false);
    // A plan is not a template file.
    const plan = path.join(dir, 'plan.plandesk');
    expect(plandesk('new', plan, '--sample').status).toBe(0);
    expect(plandesk('new', file, '--template', plan).stderr).toMatch(/không phải là tệp mẫu kế hoạch/);
  });
});

describe('a 2024 plan naming districts and old departments', () => {
  it('opens, checks and exports as it always did: its program, agencies, 10% counterpart finding', () => {
    const dir = tempDir();
    const file = path.join(dir, 'dak-nong-2024.plandesk');
    expect(plandesk('new', file, '--sample').status).toBe(0);
    // Written as a 2024 file was: rule parameters without the legal-basis field of later versions.
    const s = PlanSession.open(file);
    s.db.prepare("UPDATE meta SET value = ? WHERE key = 'rules'").run(JSON.stringify({ counterpartMinPercent: 10, toleranceDong: null, counterpartPerLine: true }));
    s.close();
    const check = plandesk('check', file, '--json');
    expect(check.status, check.stderr).toBe(0);
    const report = JSON.parse(check.stdout) as { lines: { code: string; name: string }[]; findings: { rule: string; line: string; expected: number | null; actual: number | null }[] };
    const c = readPlan(file);
    expect(c.meta.program).toBe(OLD_PROGRAM);
    expect(c.lines.find((l) => l.code === '1.1')?.agency).toBe('UBND huyện Tuy Đức, UBND huyện Đắk Glong');
    expect(c.lines.find((l) => l.code === '4.1')?.agency).toBe('Sở Lao động - Thương binh và Xã hội');
    expect(report.findings.find((f) => f.rule === 'counterpart_min' && f.line === '')).toMatchObject({ expected: 31_964_200_000, actual: 30_548_000_000 });
    expect(report.findings.some((f) => f.rule === 'counterpart_level_unset')).toBe(false);
    const out = path.join(dir, 'phu-luc.xlsx');
    const exp = plandesk('export', file, '--out', out);
    expect(exp.status, exp.stderr).toBe(0);
    expect(fs.statSync(out).size).toBeGreaterThan(1000);
  });
});
