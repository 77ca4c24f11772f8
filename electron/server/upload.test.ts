// Browser mode's upload route (a spreadsheet picked or dropped in the page): the token is required,
// the bytes come back as an id an import job can start from, and more than 100 MB is refused.
import path from 'node:path';
import { MAX_UPLOAD_BYTES } from '../../shared/commands/transfer';
import { sampleCycle } from '../../shared/samples/dak-nong-2024';
import { tempDir } from '../../test/support/tmp';
import { createCycleFile } from '../engine/store/cycle-file';
import { configureTransfer } from '../engine/transfer/jobs';
import { Workspace } from '../engine/workspace';
import { startBridgeServer, type BridgeServer } from './http-bridge';

let server: BridgeServer;
let ws: Workspace;
const jobs = configureTransfer({ workerDir: tempDir() });

beforeAll(async () => {
  const file = path.join(tempDir(), 'plan.plandesk');
  createCycleFile(file, sampleCycle());
  ws = new Workspace();
  ws.open(file);
  server = await startBridgeServer(ws, { rendererDir: tempDir() });
});
afterAll(async () => {
  await server.close();
  ws.close();
  jobs.close();
});

const upload = (body: Uint8Array<ArrayBuffer>, headers: Record<string, string> = {}) =>
  fetch(new URL('/api/upload', server.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/octet-stream', 'X-PlanDesk-Token': server.token, 'X-PlanDesk-Name': encodeURIComponent('Phụ lục I.xlsx'), ...headers },
    body,
  });

describe('the upload route', () => {
  it('keeps the bytes under an id for an import job', async () => {
    const res = await upload(new Uint8Array([80, 75, 3, 4]));
    const out = (await res.json()) as { ok: boolean; id: string };
    expect(out).toEqual({ ok: true, id: expect.stringMatching(/^[a-z0-9-]{8,64}$/) });
    // The job starts from it (and then fails in its worker: there is none here — not the point).
    const r = await ws.handle('transfer/start', { source: { kind: 'upload', id: out.id } });
    expect(r).toEqual({ ok: true, value: { job: expect.any(String), name: 'Phụ lục I.xlsx' } });
  });

  it('refuses a request without the token, and a file over 100 MB', async () => {
    expect((await upload(new Uint8Array(4), { 'X-PlanDesk-Token': 'wrong' })).status).toBe(403);
    const big = await upload(new Uint8Array(MAX_UPLOAD_BYTES + 1));
    expect(await big.json()).toEqual({ ok: false, error: { code: 'excel.error.file_too_big', params: { size: 100, max: 100 } } });
  });
});
