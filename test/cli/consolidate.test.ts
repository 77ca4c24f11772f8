// `plandesk consolidate` as a user runs it (the built command in its own process, issue 16): a folder
// of mixed good and bad files the units sent back — split files as sent, a split file sent twice,
// district files made by LibreOffice with a letterhead or a "Đơn vị:" line and detail rows, another
// year's file, an unknown district, an encrypted and a garbage file. JSON contract, exit codes
// (3 with --strict while a unit is missing or differs), a backup first, and `check --json` listing
// each unit's merged detail. Needs `npm run build`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PlanSession } from '../../electron/engine/session';
import { createCycleFile } from '../../electron/engine/store/cycle-file';
import { sampleCycle } from '../../shared/samples/dak-nong-2024';
import { tempDir } from '../support/tmp';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin/plandesk.cjs');
const SAMPLE_ANNEX = path.resolve(ROOT, '../shared/samples/allocation-example.xlsx');
const FIX = path.join(ROOT, 'test/fixtures/consolidation');
const M = 1_000_000;

function plandesk(env: Record<string, string>, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000, env: { ...process.env, ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface ConsolidateJson {
  units: { name: string; status: string; file: string | null; differences: { line: string; column: string; expected: number; actual: number }[]; reason?: string }[];
  files: { file: string; status: string; unit: string | null; reason: string | null }[];
}

function setup(): { dir: string; plan: string; inbox: string; env: Record<string, string> } {
  const dir = tempDir();
  const plan = path.join(dir, 'plan.plandesk');
  createCycleFile(plan, sampleCycle());
  const env = { PLANDESK_DATA_DIR: path.join(dir, 'data'), PLANDESK_LANG: 'vi' };
  expect(plandesk(env, 'import', SAMPLE_ANNEX, '--into', plan).status).toBe(0);
  const sent = path.join(dir, 'sent');
  fs.mkdirSync(sent);
  expect(plandesk(env, 'split', plan, '--out', sent).status).toBe(0);
  const inbox = path.join(dir, 'inbox');
  fs.mkdirSync(path.join(inbox, 'email'), { recursive: true });
  fs.copyFileSync(path.join(sent, 'So-Lao-dong-Thuong-binh-va-Xa-hoi.xlsx'), path.join(inbox, 'So-Lao-dong-Thuong-binh-va-Xa-hoi.xlsx'));
  // Đắk Glong's file twice: an old copy in a sub-folder and the one it sent again.
  const old = path.join(inbox, 'email', 'UBND-huyen-Dak-Glong.xlsx');
  fs.copyFileSync(path.join(sent, 'UBND-huyen-Dak-Glong.xlsx'), old);
  fs.utimesSync(old, new Date('2024-03-01'), new Date('2024-03-01'));
  fs.copyFileSync(path.join(sent, 'UBND-huyen-Dak-Glong.xlsx'), path.join(inbox, 'Dak-Glong-gui-lai.xlsx'));
  for (const f of ['krong-no-chi-tiet.xlsx', 'tuy-duc-lech.xlsx', 'cu-jut-2025.xlsx', 'dak-mil.xlsx']) fs.copyFileSync(path.join(FIX, f), path.join(inbox, f));
  const cfb = Buffer.alloc(2048);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfb);
  Buffer.from('EncryptedPackage', 'utf16le').copy(cfb, 512);
  fs.writeFileSync(path.join(inbox, 'co-mat-khau.xlsx'), cfb);
  fs.writeFileSync(path.join(inbox, 'rac.xlsx'), Buffer.from('not a spreadsheet at all'));
  return { dir, plan, inbox, env };
}

describe('plandesk consolidate', () => {
  it('a folder of mixed files: merges the good, holds the differing, refuses the bad with reasons; JSON contract; --strict exits 3', () => {
    const { dir, plan, inbox, env } = setup();
    const before = PlanSession.open(plan, { readOnly: true });
    const totals = before.snapshot().totals;
    before.close();
    const r = plandesk(env, 'consolidate', plan, inbox, '--json', '--strict');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(3);
    const out = JSON.parse(r.stdout) as ConsolidateJson;
    const files = Object.fromEntries(out.files.map((f) => [path.relative(inbox, f.file), [f.status, f.unit]]));
    expect(files).toEqual({
      'Dak-Glong-gui-lai.xlsx': ['merged', 'UBND huyện Đắk Glong'],
      'So-Lao-dong-Thuong-binh-va-Xa-hoi.xlsx': ['merged', 'Sở Lao động - Thương binh và Xã hội'],
      'co-mat-khau.xlsx': ['refused', null],
      'cu-jut-2025.xlsx': ['refused', 'UBND huyện Cư Jút'],
      'dak-mil.xlsx': ['refused', null],
      [path.join('email', 'UBND-huyen-Dak-Glong.xlsx')]: ['refused', 'UBND huyện Đắk Glong'],
      'krong-no-chi-tiet.xlsx': ['merged', 'UBND huyện Krông Nô'],
      'rac.xlsx': ['refused', null],
      'tuy-duc-lech.xlsx': ['held', 'UBND huyện Tuy Đức'],
    });
    const reason = (f: string) => out.files.find((x) => x.file.endsWith(f))!.reason;
    expect(reason('cu-jut-2025.xlsx')).toBe('Tệp của năm 2025, kế hoạch đang mở là năm 2024.');
    expect(reason('dak-mil.xlsx')).toContain('UBND HUYỆN ĐẮK MIL');
    expect(reason('co-mat-khau.xlsx')).toMatch(/mật khẩu/);
    expect(reason('UBND-huyen-Dak-Glong.xlsx')).toContain('Dak-Glong-gui-lai.xlsx');
    expect(out.units.map((u) => [u.name, u.status])).toEqual([
      ['Sở Lao động - Thương binh và Xã hội', 'ok'],
      ['UBND huyện Cư Jút', 'missing'],
      ['UBND huyện Krông Nô', 'ok'],
      ['UBND huyện Tuy Đức', 'mismatch'],
      ['UBND huyện Đắk Glong', 'ok'],
    ]);
    expect(out.units[3].differences).toEqual([{ line: '5', column: 'local_recurrent', expected: 800 * M, actual: 750 * M }]);
    expect(out.units[1].reason).toContain('2025');

    // A backup was taken first; the plan's totals are unchanged; check --json lists the merged detail.
    expect(fs.readdirSync(path.join(dir, 'data', 'backups'), { recursive: true }).map(String).some((f) => f.endsWith('.plandesk'))).toBe(true);
    const check = plandesk(env, 'check', plan, '--json');
    expect(check.status).toBe(0);
    const report = JSON.parse(check.stdout) as { totals: Record<string, number>; units: { name: string; totals: Record<string, number>; lines: { line: string; name: string; values: Record<string, number> }[] }[] };
    expect(report.totals).toEqual(totals);
    const kn = report.units.find((u) => u.name === 'UBND huyện Krông Nô')!;
    expect(kn.totals.local_recurrent).toBe(1280 * M);
    expect(kn.lines.map((l) => [l.line, l.name, l.values.local_recurrent])).toEqual([
      ['2', 'Xã Đắk Drô: mô hình nuôi bò sinh sản', 300 * M],
      ['2', 'Xã Nam Đà: mô hình trồng cà phê xen canh', 220 * M],
      ['3.1', 'Hỗ trợ giống cây trồng xã Quảng Phú', 120 * M],
      ['3.1', 'Hỗ trợ phân bón xã Đức Xuyên', 80 * M],
      ['5', 'Xây mới 10 căn nhà cho hộ nghèo xã Nâm Nung', 500 * M],
    ]);
    expect(report.units.find((u) => u.name === 'UBND huyện Tuy Đức')!.lines).toEqual([]);

    // The officer accepts Tuy Đức: merged; still listed as differing; without --strict exit 0.
    const acc = plandesk(env, 'consolidate', plan, path.join(inbox, 'tuy-duc-lech.xlsx'), '--accept-mismatch');
    expect(acc.status).toBe(0);
    expect(acc.stdout).toContain('1 tệp đã tổng hợp, 0 tạm giữ, 0 bị từ chối; 1 đơn vị chưa nộp.');
    expect(acc.stdout).toContain('UBND huyện Tuy Đức: Lệch so với phân bổ (tuy-duc-lech.xlsx)');
    expect(acc.stdout).toContain('dòng 5 · NSĐP — SN: phân bổ 800, đơn vị 750');
    const again = PlanSession.open(plan, { readOnly: true });
    expect(again.unitDetails.size).toBe(4);
    again.close();
  });

  it('bad arguments exit 2; a plan that cannot be opened exits 1; English with --lang en', () => {
    const { plan, inbox, env } = setup();
    expect(plandesk(env, 'consolidate', plan).status).toBe(2);
    const missing = plandesk(env, 'consolidate', path.join(inbox, 'nope.plandesk'), inbox);
    expect(missing.status).toBe(1);
    const en = plandesk(env, 'consolidate', plan, path.join(inbox, 'cu-jut-2025.xlsx'), '--lang', 'en');
    expect(en.status).toBe(0);
    expect(en.stdout).toContain('The file is for 2025; the open plan is for 2024.');
  });
});
