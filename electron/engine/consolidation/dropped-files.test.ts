// Files dropped on the consolidation board (issue 16): the page uploads each file's bytes (the same
// upload as the import's drop), consolidation/stage keeps it under its own name in the batch's
// folder, and consolidation/run with the batch collects them like a folder — then removes it.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleCycle } from '../../../shared/samples/dak-nong-2024';
import { tempDir } from '../../../test/support/tmp';
import { PlanSession } from '../session';
import { createCycleFile } from '../store/cycle-file';
import { configureTransfer, transferJobs } from '../transfer/jobs';
import { batchFolder, dropBatch } from './staged';

const SAMPLE_ANNEX = path.join(__dirname, '../../../../shared/samples/allocation-example.xlsx');
const FIX = path.join(__dirname, '../../../test/fixtures/consolidation');

beforeAll(() => {
  // Uploads only: no import job runs here, so the worker folder is never read.
  configureTransfer({ workerDir: tempDir() });
});
afterAll(() => transferJobs().close());

describe('files dropped on the consolidation board', () => {
  it('are staged one upload at a time under their own names and collected as one batch', async () => {
    const file = path.join(tempDir(), 'plan.plandesk');
    createCycleFile(file, sampleCycle());
    const s = PlanSession.open(file);
    await s.handle('allocio/import', { path: SAMPLE_ANNEX });
    // More files than the upload store keeps at once (two): each is staged before the next upload.
    const names = ['krong-no-chi-tiet.xlsx', 'dak-mil.xlsx', 'cu-jut-2025.xlsx'];
    let batch: string | undefined;
    for (const n of names) {
      const upload = transferJobs().addUpload(`C:\\Users\\can-bo\\Downloads\\${n}`, fs.readFileSync(path.join(FIX, n)));
      const r = await s.handle('consolidation/stage', { upload, ...(batch ? { batch } : {}) });
      batch = r.batch;
    }
    const folder = batchFolder(batch!);
    expect(fs.readdirSync(folder).sort()).toEqual([...names].sort());
    const r = await s.handle('consolidation/start', { batch: batch!, acceptMismatch: false, dryRun: false });
    let status = await s.handle('consolidation/status', { job: r.job });
    while (status.state === 'running') {
      await new Promise((res) => setTimeout(res, 50));
      status = await s.handle('consolidation/status', { job: r.job });
    }
    expect(status.state).toBe('done');
    const byFile = Object.fromEntries(status.result!.files.map((f) => [path.basename(f.file), [f.status, f.reason?.key ?? null]]));
    expect(byFile).toEqual({
      'krong-no-chi-tiet.xlsx': ['merged', null],
      'dak-mil.xlsx': ['refused', 'consolidation.reason.unknown_unit'],
      'cu-jut-2025.xlsx': ['refused', 'consolidation.reason.another_year'],
    });
    // The merged detail names the file as the unit sent it; the staging folder is gone.
    const krong = [...s.units.units.values()].find((u) => u.name === 'UBND huyện Krông Nô')!;
    expect(s.unitDetails.get(krong.id)!.file).toBe('krong-no-chi-tiet.xlsx');
    // Its figures per line for the consolidated annex by unit: what it reported, summing to its total.
    const figures = await s.handle('consolidation/figures', { column: 'local_recurrent' });
    expect(figures.units.map((u) => u.unitId)).toEqual([krong.id]);
    expect(Object.values(figures.units[0].lines).reduce((x, y) => x + y, 0)).toBe(1280 * 1_000_000);
    expect(fs.existsSync(folder)).toBe(false);
    // An upload is taken once.
    await expect(s.handle('consolidation/stage', { upload: 'no-such-upload' })).rejects.toMatchObject({ code: 'transfer.error.upload_gone' });
    s.close();
  }, 60_000);

  it('two files of one name are both kept', async () => {
    const file = path.join(tempDir(), 'plan.plandesk');
    createCycleFile(file, sampleCycle());
    const s = PlanSession.open(file);
    const bytes = fs.readFileSync(path.join(FIX, 'dak-mil.xlsx'));
    const a = await s.handle('consolidation/stage', { upload: transferJobs().addUpload('dak-mil.xlsx', bytes) });
    const b = await s.handle('consolidation/stage', { upload: transferJobs().addUpload('dak-mil.xlsx', bytes), batch: a.batch });
    expect(b).toEqual({ batch: a.batch, files: 2 });
    expect(fs.readdirSync(batchFolder(a.batch)).sort()).toEqual(['dak-mil (2).xlsx', 'dak-mil.xlsx']);
    dropBatch(a.batch);
    s.close();
  });
});
