// Browser mode's upload route (a spreadsheet picked or dropped in the page): the token is required,
// the bytes come back as an id an import job can start from, and more than 100 MB is refused; the
// bytes held at once across concurrent uploads are bounded (issue 10), tested with a lowered budget.
import net from 'node:net';
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

/** An upload whose first bytes are sent and the rest held back until finish() (a slow network). */
function slowUpload(size: number, opts: { chunked?: boolean; to?: BridgeServer; bytes?: Buffer } = {}) {
  const to = opts.to ?? server;
  const port = Number(new URL(to.url).port);
  const s = net.connect(port, '127.0.0.1');
  let answer = '';
  const answered = new Promise<{ status: number; body: unknown }>((resolve) => {
    s.on('data', (c) => (answer += c));
    const done = () => {
      const status = Number(/^HTTP\/1\.1 (\d+)/.exec(answer)?.[1] ?? 0);
      const text = answer.slice(answer.indexOf('\r\n\r\n') + 4);
      resolve({ status, body: text ? JSON.parse(text) : null });
    };
    s.on('end', done);
    s.on('error', done);
  });
  const head = `POST /api/upload HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-PlanDesk-Token: ${to.token}\r\nConnection: close\r\n`;
  const all = opts.bytes ?? Buffer.alloc(size, 1);
  const first = all.subarray(0, Math.floor(size / 2));
  const rest = all.subarray(first.length);
  const chunk = (b: Buffer) => Buffer.concat([Buffer.from(b.length.toString(16) + '\r\n'), b, Buffer.from('\r\n')]);
  const sent = new Promise<void>((resolve) =>
    s.on('connect', () => {
      if (opts.chunked) s.write(head + 'Transfer-Encoding: chunked\r\n\r\n'), s.write(chunk(first));
      else s.write(head + `Content-Length: ${size}\r\n\r\n`), s.write(first);
      setTimeout(resolve, 100);
    }),
  );
  return {
    sent,
    answered,
    finish: () => (opts.chunked ? s.write(Buffer.concat([chunk(rest), Buffer.from('0\r\n\r\n')])) : s.write(rest)),
    abort: () => s.destroy(),
  };
}

describe('the upload route', () => {
  it('keeps the bytes under an id for an import job', async () => {
    // The bytes kept are exactly those sent, with a declared length and chunked.
    const kept = vi.spyOn(jobs, 'addUpload');
    const sent = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 31) % 256));
    expect((await (await upload(new Uint8Array(sent))).json()).ok).toBe(true);
    const chunked = slowUpload(sent.length, { chunked: true, bytes: sent });
    await chunked.sent;
    chunked.finish();
    expect((await chunked.answered).status).toBe(200);
    const split = slowUpload(sent.length, { bytes: sent });
    await split.sent;
    split.finish();
    expect((await split.answered).status).toBe(200);
    expect(kept.mock.calls.map((c) => Buffer.compare(Buffer.from(c[1]), sent))).toEqual([0, 0, 0]);
    kept.mockRestore();
    const res = await upload(new Uint8Array([80, 75, 3, 4]));
    const out = (await res.json()) as { ok: boolean; id: string };
    expect(out).toEqual({ ok: true, id: expect.stringMatching(/^[a-z0-9-]{8,64}$/) });
    // The job starts from it (and then fails in its worker: there is none here — not the point).
    const r = await ws.handle('transfer/start', { source: { kind: 'upload', id: out.id } });
    expect(r).toEqual({ ok: true, value: { job: expect.any(String), name: 'Phụ lục I.xlsx' } });
  });

  it('refuses a request without the token, and a file over 100 MB', async () => {
    expect((await upload(new Uint8Array(4), { 'X-PlanDesk-Token': 'wrong' })).status).toBe(403);
    // On a connection of its own: fetch would reuse one the server may be closing as idle.
    const big = slowUpload(MAX_UPLOAD_BYTES + 1);
    await big.sent;
    big.finish();
    expect(await big.answered).toEqual({ status: 413, body: { ok: false, error: { code: 'excel.error.file_too_big', params: { size: 100, max: 100 } } } });
  });
});

describe('concurrent uploads share one memory budget', () => {
  const BUDGET = 1_000_000;
  let small: BridgeServer;
  beforeAll(async () => {
    small = await startBridgeServer(ws, { rendererDir: tempDir(), bodyBudget: BUDGET });
  });
  afterAll(() => small.close());
  const up = (size: number, opts: { chunked?: boolean } = {}) => slowUpload(size, { ...opts, to: small });

  it('eight parallel uploads: those that fit are received, the others refused with 503 and not kept', async () => {
    const ups: ReturnType<typeof slowUpload>[] = [];
    for (let i = 0; i < 8; i++) {
      const u = up(400_000);
      ups.push(u);
      await u.sent;
      if (i < 2) await vi.waitFor(() => expect(small.bodyBytesHeld()).toBe(400_000 * (i + 1)));
      else {
        // Read to its end and dropped, not kept: the two first still hold all the budget.
        u.finish();
        expect(await u.answered).toEqual({ status: 503, body: { ok: false, error: { code: 'transfer.error.busy' } } });
        expect(small.bodyBytesHeld()).toBe(800_000);
      }
    }
    // The two that fit are received whole once their bytes arrive.
    for (const u of ups.slice(0, 2)) u.finish();
    for (const u of ups.slice(0, 2)) expect(await u.answered).toEqual({ status: 200, body: { ok: true, id: expect.any(String) } });
    await vi.waitFor(() => expect(small.bodyBytesHeld()).toBe(0));
  });

  it('uploads without a declared length count chunk by chunk', async () => {
    const a = up(1_000_000, { chunked: true });
    await a.sent;
    await vi.waitFor(() => expect(small.bodyBytesHeld()).toBe(500_000));
    // b's first 600.000 bytes do not fit beside a's 500.000: b is refused, a is received.
    const b = up(1_200_000, { chunked: true });
    await b.sent;
    b.finish();
    expect((await b.answered).status).toBe(503);
    expect(small.bodyBytesHeld()).toBe(500_000);
    a.finish();
    expect((await a.answered).status).toBe(200);
    await vi.waitFor(() => expect(small.bodyBytesHeld()).toBe(0));
  });

  it('the budget comes back when an upload ends, is refused or is cut off', async () => {
    const cut = up(900_000);
    await cut.sent;
    await vi.waitFor(() => expect(small.bodyBytesHeld()).toBe(900_000));
    cut.abort();
    await vi.waitFor(() => expect(small.bodyBytesHeld()).toBe(0));
    const next = up(900_000);
    await next.sent;
    next.finish();
    expect((await next.answered).status).toBe(200);
    const again = up(900_000);
    await again.sent;
    again.finish();
    expect((await again.answered).status).toBe(200);
  });
});
