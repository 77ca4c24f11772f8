// The allocation annex by unit: its totals are live formulas, and a spreadsheet program that
// recomputes them on load (LibreOffice, where installed) gets the figures PlanDesk wrote as cached results.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleCycle } from '../../../shared/samples/dak-nong-2024';
import { tempDir } from '../../../test/support/tmp';
import { PlanDeskError } from '../errors';
import { PlanSession } from '../session';
import { createCycleFile } from '../store/cycle-file';
import { exportByUnit } from './by-unit';

const SAMPLE_ANNEX = path.join(__dirname, '../../../../shared/samples/allocation-example.xlsx');
const has = (cmd: string) => {
  try {
    execFileSync(cmd, ['--version'], { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
};
const soffice = has('soffice') ? 'soffice' : null;
if (!soffice) console.warn('\n*** by-unit: LibreOffice (soffice) NOT INSTALLED — the recalculation check is SKIPPED ***\n');

async function planWithShares(dir: string) {
  const file = path.join(dir, 'plan.plandesk');
  createCycleFile(file, sampleCycle());
  const s = PlanSession.open(file);
  await s.handle('allocio/import', { path: SAMPLE_ANNEX });
  return s;
}

describe('the allocation annex by unit', () => {
  it('refuses a plan whose units hold no share', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'plan.plandesk');
    createCycleFile(file, sampleCycle());
    const s = PlanSession.open(file);
    await expect(exportByUnit(s.cycle(), path.join(dir, 'a.xlsx'))).rejects.toMatchObject({ code: 'allocio.error.no_shares' } satisfies Partial<PlanDeskError>);
    expect(fs.existsSync(path.join(dir, 'a.xlsx'))).toBe(false);
    s.close();
  });

  it.runIf(soffice)('LibreOffice computes the same totals as the figures written', async () => {
    const dir = tempDir();
    const s = await planWithShares(dir);
    const out = path.join(dir, 'by-unit.xlsx');
    await exportByUnit(s.cycle(), out);
    s.close();
    // A profile that recalculates every formula on load (LibreOffice's default for xlsx keeps the
    // cached results, which would only read back what we wrote).
    fs.mkdirSync(path.join(dir, 'lo', 'user'), { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'lo', 'user', 'registrymodifications.xcu'),
      '<?xml version="1.0" encoding="UTF-8"?><oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
        '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item></oor:items>',
    );
    execFileSync(soffice!, [`-env:UserInstallation=file://${path.join(dir, 'lo')}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false', '--outdir', dir, out], { stdio: 'ignore', timeout: 180_000 });
    const rows = fs.readFileSync(path.join(dir, 'by-unit.csv'), 'utf8').trim().split('\n').map((l) => l.split(','));
    const total = rows.find((r) => r[1] === 'TỔNG CỘNG')!;
    // Columns: TT, name, Tổng cộng, then 1.1, 2, 3.1, 5, 7 (local recurrent), as the sample annex gives them.
    expect(total.slice(2).map(Number)).toEqual([7446, 1202, 2200, 900, 2500, 644]);
    const krongNo = rows.find((r) => r[1] === 'UBND huyện Krông Nô')!;
    expect(krongNo.slice(2).map((v) => (v === '' ? 0 : Number(v)))).toEqual([1280, 0, 520, 200, 500, 60]);
  }, 240_000);
});
