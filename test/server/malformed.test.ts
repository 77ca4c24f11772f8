// Browser mode under hostile or broken requests (issue 10): the built server (dist/server/serve.cjs),
// spawned as `npm run serve` runs it, gets a battery of malformed requests — bad URLs, bad headers,
// huge headers, bad JSON, aborted uploads, clients that vanish mid-response. After each it must
// still answer and its process be alive; on SIGTERM, SIGINT and SIGHUP it exits 0 and releases its
// lock.
// Needs `npm run build`.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { createCycleFile } from '../../electron/engine/store/cycle-file';
import { lockPathFor } from '../../electron/engine/safety/lock-file';
import { sampleCycle } from '../../shared/samples/dak-nong-2024';
import { tempDir } from '../support/tmp';

const ROOT = path.resolve(__dirname, '../..');
const SERVE = path.join(ROOT, 'dist/server/serve.cjs');

interface Running {
  child: ChildProcess;
  port: number;
  token: string;
  file: string;
  stderr: () => string;
}

async function startServer(): Promise<Running> {
  const dir = tempDir('plandesk-serve-');
  const file = path.join(dir, 'plan.plandesk');
  createCycleFile(file, sampleCycle());
  const child = spawn(process.execPath, [SERVE, '--file', file], {
    cwd: ROOT,
    env: { ...process.env, PLANDESK_DATA_DIR: path.join(dir, 'data') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr!.on('data', (c) => (err += c));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (c) => {
      out += c;
      const m = /http:\/\/127\.0\.0\.1:\d+\/\?t=\w+/.exec(out);
      if (m) resolve(m[0]);
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${err}`)));
  });
  const u = new URL(url);
  return { child, port: Number(u.port), token: u.searchParams.get('t')!, file, stderr: () => err };
}

/** Send raw bytes; resolve with whatever came back when the server closes or `waitMs` passes. */
function raw(port: number, bytes: string | Buffer, opts: { waitMs?: number; destroyAfterWrite?: boolean } = {}): Promise<string> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    let got = '';
    const done = () => {
      s.destroy();
      resolve(got);
    };
    s.on('data', (c) => (got += c.toString('latin1')));
    s.on('error', done);
    s.on('close', done);
    s.on('connect', () => {
      s.write(bytes);
      if (opts.destroyAfterWrite) setTimeout(done, 20);
    });
    setTimeout(done, opts.waitMs ?? 1500);
  });
}

function statusOf(response: string): number {
  return Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1] ?? 0);
}

let srv: Running;

beforeAll(async () => {
  if (!fs.existsSync(SERVE)) throw new Error('dist/server is missing: run `npm run build` first');
  srv = await startServer();
});
afterAll(() => {
  if (srv.child.exitCode === null) srv.child.kill('SIGKILL');
});

describe('the browser-mode server survives any request', () => {
  const host = () => `Host: 127.0.0.1:${srv.port}`;
  const api = (route: string, body: string | Buffer, extra = '') =>
    Buffer.concat([
      Buffer.from(`POST ${route} HTTP/1.1\r\n${host()}\r\nX-PlanDesk-Token: ${srv.token}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n${extra}\r\n`),
      Buffer.isBuffer(body) ? body : Buffer.from(body),
    ]);

  const battery: [string, () => string | Buffer, { waitMs?: number; destroyAfterWrite?: boolean }?][] = [
    ['a malformed percent-escape (the <img src="/%ff"> of any web page)', () => `GET /%ff HTTP/1.1\r\n${host()}\r\nConnection: close\r\n\r\n`],
    ['a lone percent sign', () => `GET /% HTTP/1.1\r\n${host()}\r\nConnection: close\r\n\r\n`],
    ['a malformed escape under /api/', () => `POST /api/%ff HTTP/1.1\r\n${host()}\r\nX-PlanDesk-Token: ${srv.token}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`],
    ['an encoded NUL and a climb out of the folder', () => `GET /..%2f..%2f%00etc%2fpasswd HTTP/1.1\r\n${host()}\r\nConnection: close\r\n\r\n`],
    ['an absolute-form target', () => `GET http://evil.example/%ff HTTP/1.1\r\n${host()}\r\nConnection: close\r\n\r\n`],
    ['an asterisk target', () => `OPTIONS * HTTP/1.1\r\n${host()}\r\nConnection: close\r\n\r\n`],
    ['a protocol-relative target', () => `GET //%ff/x HTTP/1.1\r\n${host()}\r\nConnection: close\r\n\r\n`],
    ['no Host header', () => `GET / HTTP/1.0\r\nConnection: close\r\n\r\n`],
    ['a garbage request line', () => `\x00\x01\x02 garbage\r\n\r\n`],
    ['a header with control characters', () => `GET / HTTP/1.1\r\n${host()}\r\nX-Bad: a\x01b\r\nConnection: close\r\n\r\n`],
    ['a huge header', () => `GET / HTTP/1.1\r\n${host()}\r\nX-Big: ${'a'.repeat(200_000)}\r\nConnection: close\r\n\r\n`],
    ['a non-http Origin', () => `GET / HTTP/1.1\r\n${host()}\r\nOrigin: null\r\nConnection: close\r\n\r\n`],
    ['a malformed X-PlanDesk-Name', () => `POST /api/upload HTTP/1.1\r\n${host()}\r\nX-PlanDesk-Token: ${srv.token}\r\nX-PlanDesk-Name: %E0%A4%A\r\nContent-Length: 4\r\nConnection: close\r\n\r\nPK\x03\x04`],
    ['bad JSON', () => api('/api/invoke', '{"name": "cell/set", "args": {')],
    ['JSON null, an array, a string', () => api('/api/invoke', 'null')],
    ['JSON array', () => api('/api/file', '[1,2,3]')],
    ['a prototype key as command name', () => api('/api/invoke', '{"name":"__proto__","args":{}}')],
    ['a command with nonsense arguments', () => api('/api/invoke', '{"name":"cell/set","args":{"lineId":"x","column":{},"value":[1]}}')],
    ['a file action with a non-string path', () => api('/api/file', '{"action":"open","arg":{"toString":1}}')],
    ['invalid UTF-8 in the body', () => api('/api/invoke', Buffer.from([0x7b, 0xff, 0xfe, 0x7d]))],
    ['a wrong Content-Length (body shorter)', () => Buffer.from(`POST /api/invoke HTTP/1.1\r\n${host()}\r\nX-PlanDesk-Token: ${srv.token}\r\nContent-Length: 100\r\n\r\n{}`), { destroyAfterWrite: true }],
    ['a bad chunk size', () => `POST /api/invoke HTTP/1.1\r\n${host()}\r\nX-PlanDesk-Token: ${srv.token}\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`],
    ['both Content-Length and chunked', () => `POST /api/invoke HTTP/1.1\r\n${host()}\r\nX-PlanDesk-Token: ${srv.token}\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n`],
    ['an upload cut off in the middle', () => Buffer.from(`POST /api/upload HTTP/1.1\r\n${host()}\r\nX-PlanDesk-Token: ${srv.token}\r\nContent-Length: 5000000\r\n\r\n${'x'.repeat(100_000)}`), { destroyAfterWrite: true }],
    ['a client gone before the page is sent', () => `GET /index.html HTTP/1.1\r\n${host()}\r\n\r\nGET /index.html HTTP/1.1\r\n${host()}\r\n\r\n`, { destroyAfterWrite: true }],
    ['an unknown method', () => `BREW /api/invoke HTTP/1.1\r\n${host()}\r\nConnection: close\r\n\r\n`],
  ];

  /** The engine behind the server answers (not only a static page, which another build may be rewriting). */
  const expectAnswering = async () => {
    const answer = await raw(srv.port, api('/api/file', '{"action":"recent"}'));
    expect(statusOf(answer), srv.stderr()).toBe(200);
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toEqual({ ok: true, recent: expect.any(Array) });
  };

  for (const [what, bytes, opts] of battery) {
    it(`${what}: answered or refused, and the server lives on`, async () => {
      const answer = await raw(srv.port, bytes(), opts);
      if (!opts?.destroyAfterWrite && answer) expect(statusOf(answer), answer.slice(0, 200)).not.toBe(500);
      // Still alive, and its engine still answers.
      expect(srv.child.exitCode, srv.stderr()).toBeNull();
      await expectAnswering();
    });
  }

  it('a malformed escape is a 400 or a 404, not a crash', async () => {
    expect([400, 404]).toContain(statusOf(await raw(srv.port, `GET /%ff HTTP/1.1\r\n${host()}\r\nConnection: close\r\n\r\n`)));
  });

  it('bad JSON is a refusal the page understands', async () => {
    const answer = await raw(srv.port, api('/api/invoke', '{"name":'));
    const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4));
    expect(body).toEqual({ ok: false, error: { code: 'error.invalid_args', params: { detail: expect.any(String) } } });
  });

  it('fifty requests cut off at random bytes leave it alive', async () => {
    const full = `POST /api/invoke HTTP/1.1\r\n${host()}\r\nX-PlanDesk-Token: ${srv.token}\r\nContent-Type: application/json\r\nContent-Length: 30\r\n\r\n{"name":"undo/state","args":{}}`;
    await Promise.all(Array.from({ length: 50 }, (_, i) => raw(srv.port, full.slice(0, (i * 37) % full.length), { destroyAfterWrite: true })));
    expect(srv.child.exitCode).toBeNull();
    await expectAnswering();
    expect(srv.stderr()).not.toMatch(/Error|at .*\.cjs:\d+/);
  });
});

describe('shutting the server down releases its lock', () => {
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
    it(`on ${signal}`, async () => {
      const s = await startServer();
      expect(fs.existsSync(lockPathFor(s.file))).toBe(true);
      // A request in the middle of the body when the signal comes.
      const hanging = raw(s.port, `POST /api/upload HTTP/1.1\r\nHost: 127.0.0.1:${s.port}\r\nX-PlanDesk-Token: ${s.token}\r\nContent-Length: 1000\r\n\r\nPK`, { waitMs: 5000 });
      await new Promise((r) => setTimeout(r, 100));
      const exited = new Promise<number | null>((r) => s.child.once('exit', (code) => r(code)));
      s.child.kill(signal);
      expect(await exited).toBe(0);
      await hanging;
      expect(fs.existsSync(lockPathFor(s.file))).toBe(false);
    });
  }
});

describe('starting it wrong: one line, the exit code, no lock left', () => {
  const serve = (args: string[], dataDir = tempDir()) =>
    spawnSync(process.execPath, [SERVE, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, PLANDESK_DATA_DIR: dataDir } });

  it('bad arguments: the usage line, exit 2', () => {
    for (const args of [['--port', 'abc'], ['--port', '70000'], ['--bogus'], ['stray'], ['--file']]) {
      const r = serve(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr.trim()).toMatch(/^Cách dùng: npm run serve -- /);
      expect(r.stderr).not.toMatch(/không mong muốn|at .*\.cjs/);
    }
  });

  it('a port in use: says so, and lets go of the plan it had opened', async () => {
    const busy = net.createServer().listen(0, '127.0.0.1');
    await new Promise((r) => busy.once('listening', r));
    const port = (busy.address() as net.AddressInfo).port;
    const dir = tempDir();
    const file = path.join(dir, 'plan.plandesk');
    createCycleFile(file, sampleCycle());
    const r = serve(['--file', file, '--port', String(port)]);
    busy.close();
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toMatch(new RegExp(`^Cổng ${port} đang được chương trình khác dùng`));
    expect(fs.existsSync(lockPathFor(file))).toBe(false);
  });
});
