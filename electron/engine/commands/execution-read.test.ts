// execution/read: the window's report before importing a disbursement report — it writes nothing
// (no step, no figure, no date, no backup asked, the file's bytes unchanged), and the import that
// follows with the same arguments writes exactly what it reported.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleCycle } from '../../../shared/samples/dak-nong-2024';
import { tempDir } from '../../../test/support/tmp';
import { PlanSession } from '../session';
import { createCycleFile } from '../store/cycle-file';
import { commandHandlers } from '.';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/execution');
const hash = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function sample(): { s: PlanSession; file: string } {
  const file = path.join(tempDir(), 'plan.plandesk');
  createCycleFile(file, sampleCycle());
  return { s: PlanSession.open(file), file };
}

describe('execution/read', () => {
  it('reads a report with carried-over funds and writes nothing; the import then writes exactly what it reported', async () => {
    const { s, file } = sample();
    const report = path.join(FIXTURES, 'bao-cao-nam-2024-von-keo-dai.xlsx');
    const before = { data: s.execution.data(), undo: s.snapshot().undo, bytes: hash(file) };
    expect(before.data.figures).toEqual([]);
    expect(before.undo).toBeDefined();
    const read = await s.handle('execution/read', { path: report });
    expect(read.path).toBe(report);
    expect(read.report.written).toBeGreaterThan(0);
    expect(read.report.dateCreated).toBe(true);
    expect(read.report.carryover.length).toBeGreaterThan(0);
    // Nothing written: the execution side, the undo history and the file are as they were.
    expect(s.execution.data()).toEqual(before.data);
    expect(s.snapshot().undo).toEqual(before.undo);
    expect(hash(file)).toBe(before.bytes);
    expect(commandHandlers['execution/read'].backupFirst).toBeUndefined();

    const imported = await s.handle('execution/import', { path: report });
    expect(imported.report).toEqual(read.report);
    const after = s.execution.data();
    // The figures and carried-over amounts written are the ones reported, in one undo step with the date.
    expect(read.report.unchanged).toBe(0);
    expect(after.figures.length + after.carryover.length).toBe(read.report.written);
    expect(after.dates.map((d) => d.asOf)).toEqual([read.report.asOf]);
    expect(after.carryover.length).toBe(read.report.carryover.reduce((n, c) => n + c.amounts, 0));
    // The sums by fund the read announced are the ones written (the year's own and each carried-over year).
    const sums = new Map<string, { count: number; sum: number }>();
    const add = (k: string, v: number) => sums.set(k, { count: (sums.get(k)?.count ?? 0) + 1, sum: (sums.get(k)?.sum ?? 0) + v });
    for (const f of after.figures) add(`${f.fund}|${f.measure}`, f.value);
    for (const c of after.carryover) add(`${c.year}|plan`, c.value);
    const byKey = (p: [string, unknown], q: [string, unknown]) => p[0].localeCompare(q[0]);
    expect(read.toWrite.map((w): [string, unknown] => [`${w.fund}|${w.measure}`, { count: w.count, sum: w.sum }]).sort(byKey)).toEqual([...sums].sort(byKey));
    expect(read.toWrite.some((w) => w.fund !== 0)).toBe(true);
    expect(after.sources.map((x) => x.year)).toEqual(read.report.carryover.filter((c) => c.created).map((c) => c.year));
    s.undo();
    expect(s.execution.data()).toEqual(before.data);
    s.close();
  });

  it('reads at a date given: an existing date is not created again, and what is already there is counted unchanged', async () => {
    const { s } = sample();
    const report = path.join(FIXTURES, 'bao-cao-6-thang-2024.xlsx');
    await s.handle('execution/import', { path: report, asOf: '2024-07-15' });
    const again = await s.handle('execution/read', { path: report, asOf: '2024-07-15' });
    expect(again.report).toMatchObject({ asOf: '2024-07-15', asOfFrom: 'given', fileAsOf: '2024-06-30', dateCreated: false, written: 0, unchanged: 48 });
    const other = await s.handle('execution/read', { path: report });
    expect(other.report).toMatchObject({ asOf: '2024-06-30', asOfFrom: 'file', dateCreated: true, written: 48 });
    expect(s.execution.dates.size).toBe(1);
    s.close();
  });
});
