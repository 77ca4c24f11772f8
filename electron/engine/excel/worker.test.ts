// The import in a worker thread, as the app runs it: same result as in-process, progress, Cancel.
// The worker entry is bundled here with esbuild, the way scripts/build.mjs bundles it for the app.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportError, importInWorker, importSpreadsheet } from './index';
import { writeAnnexFixture } from '../../../test/support/annex-fixture';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'plandesk-worker-'));
// Inside the project, so the bundle's external packages resolve from node_modules.
const workerFile = path.resolve(__dirname, '../../../node_modules/.cache/plandesk-test', `import-worker-${process.pid}.cjs`);
const annex = path.join(tmp, 'annex.xlsx');

beforeAll(async () => {
  await build({ entryPoints: [path.join(__dirname, 'import-worker.ts')], outfile: workerFile, bundle: true, platform: 'node', format: 'cjs', packages: 'external', logLevel: 'warning' });
  await writeAnnexFixture(annex, 5000);
}, 60_000);
afterAll(() => fs.rmSync(workerFile, { force: true }));

describe('the result codec', () => {
  it('packs and unpacks a plan exactly (texts, tree, settings, amounts)', async () => {
    const { packResult, unpackResult } = await import('./result-codec');
    const { sampleCycle } = await import('../../../shared/samples/dak-nong-2024');
    const data = sampleCycle();
    data.lines[3].isAdjustment = true;
    data.lines[4].name = 'Tên có "ngoặc" & <ký tự>\nxuống dòng';
    const result = { data, report: {} as never };
    const { packed, transfer } = packResult(result);
    expect(transfer.length).toBe(7);
    expect(unpackResult(structuredClone(packed))).toEqual(result);
  });
});

describe('importInWorker', () => {
  it('gives the same result as the in-process import, with progress', async () => {
    const seen: number[] = [];
    const r = await importInWorker(workerFile, { path: annex }, { onProgress: (f) => seen.push(f) });
    const direct = await importSpreadsheet({ path: annex });
    expect(r.report).toEqual(direct.report);
    expect(r.data).toEqual(direct.data);
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.at(-1)).toBe(1);
  });

  it('stops on Cancel with the cancelled refusal', async () => {
    const ac = new AbortController();
    const p = importInWorker(workerFile, { path: annex }, { signal: ac.signal, onProgress: () => ac.abort() });
    const e = await p.catch((x) => x);
    expect(e).toBeInstanceOf(ImportError);
    expect(e.code).toBe('excel.error.cancelled');
  });

  it('passes refusals through with their dictionary key', async () => {
    const e = await importInWorker(workerFile, { bytes: Buffer.from('not a sheet'), name: 'x.xlsx' }).catch((x) => x);
    expect(e).toBeInstanceOf(ImportError);
    expect(e.code).toBe('excel.error.not_spreadsheet');
  });
});
