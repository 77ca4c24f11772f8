// The window reads an annex (the report) and then imports it: the import takes the workbook parsed by
// the read when the file's bytes are the same (commands/alloc-io.ts). It must still import what the
// file holds now (a file replaced between read and import is read again) and match it against the
// plan as it is now (an edit between read and import counts), exactly as a cold import would.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleCycle } from '../../../shared/samples/dak-nong-2024';
import { tempDir } from '../../../test/support/tmp';
import { PlanSession } from '../session';
import { createCycleFile } from '../store/cycle-file';

const FIX = path.join(__dirname, '../../../test/fixtures/allocation');

function open(): PlanSession {
  const file = path.join(tempDir(), 'plan.plandesk');
  createCycleFile(file, sampleCycle());
  return PlanSession.open(file);
}

/** Every share of the plan with its unit's name (ids differ between sessions). */
function shares(s: PlanSession): string[] {
  return [...s.calc.lines.keys()]
    .flatMap((id) => s.units.sharesOfLine(id).map((x) => `${s.units.units.get(x.unitId)!.name}|${s.calc.lines.get(id)!.code}|${x.column}|${x.value}`))
    .sort();
}

/** A cold import of a fixture on a fresh plan: the report and the shares. */
async function cold(fixture: string) {
  const s = open();
  const { report } = await s.handle('allocio/import', { path: path.join(FIX, fixture) });
  const out = { report, shares: shares(s) };
  s.close();
  return out;
}

describe('importing the annex just read', () => {
  it('imports the file as it is now: replaced after the read, it is read again', async () => {
    const file = path.join(tempDir(), 'phan-bo.xlsx');
    fs.copyFileSync(path.join(FIX, 'alloc-two-level.xlsx'), file);
    const s = open();
    await s.handle('allocio/read', { path: file });
    fs.copyFileSync(path.join(FIX, 'alloc-codes.xlsx'), file);
    const { report } = await s.handle('allocio/import', { path: file });
    const want = await cold('alloc-codes.xlsx');
    expect(report).toEqual(want.report);
    expect(shares(s)).toEqual(want.shares);
    s.close();
  });

  it('matches the annex read before against the plan as it is at the import', async () => {
    const file = path.join(tempDir(), 'phan-bo.xlsx');
    fs.copyFileSync(path.join(FIX, 'alloc-two-level.xlsx'), file);
    const s = open();
    const { report: first } = await s.handle('allocio/read', { path: file });
    const { report: imported } = await s.handle('allocio/import', { path: file });
    expect(imported).toEqual(first);
    const want = await cold('alloc-two-level.xlsx');
    expect(imported).toEqual(want.report);
    expect(shares(s)).toEqual(want.shares);
    // Read again: nothing left to change. Undo the import, then import what was read: every share again.
    const { report: again } = await s.handle('allocio/read', { path: file });
    expect(again.changes).toBe(0);
    s.undo();
    expect(shares(s)).toEqual([]);
    const { report: redone } = await s.handle('allocio/import', { path: file });
    expect(redone.changes).toBe(first.changes);
    expect(shares(s)).toEqual(want.shares);
    s.close();
  });
});
