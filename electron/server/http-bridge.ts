// Browser mode's engine end: a loopback-only HTTP server that serves the built renderer and runs
// the same Workspace handlers as Electron's main process. Guarded by a random per-run token and
// Host/Origin checks (against DNS rebinding and other local pages). Never part of the packaged app.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { commandArgs, type CommandName } from '../../shared/ipc';
import { toBridgeError } from '../engine/errors';
import type { Workspace } from '../engine/workspace';
import { transferJobs } from '../engine/transfer/jobs';
import { CSP } from '../../shared/csp';
import { MAX_UPLOAD_BYTES } from '../../shared/commands/transfer';
import { PLAN_ANNEX, printTargetSchema } from '../../shared/print/print-target';
import type { BridgeError } from '../../shared/ipc';
import { BodyBudget } from './body-budget';
import { printAnnexPdf } from './print-pdf';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
};

/** Largest request body accepted (a paste of 10.000 × 6 cells is ~3 MB of JSON). */
const MAX_BODY = 64 * 1024 * 1024;
/**
 * Request-body bytes held at once across all requests (uploads and API calls): two of the largest
 * uploads. Past it a request is refused with 503 'transfer.error.busy' and is not read into memory.
 */
export const DEFAULT_BODY_BUDGET = 2 * MAX_UPLOAD_BYTES;

export interface BridgeServer {
  url: string;
  token: string;
  /** Request-body bytes held right now (diagnostics; the tests watch the budget with it). */
  bodyBytesHeld(): number;
  close(): Promise<void>;
}

export interface BridgeServerOptions {
  rendererDir: string;
  port?: number;
  /** Request-body bytes held at once (default DEFAULT_BODY_BUDGET; tests lower it). */
  bodyBudget?: number;
}

/** A refusal with its HTTP status: answered as JSON {ok: false, error} the page can show. */
class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly error: BridgeError,
  ) {
    super(error.code);
  }
}

export function startBridgeServer(workspace: Workspace, opts: BridgeServerOptions): Promise<BridgeServer> {
  const token = crypto.randomBytes(24).toString('hex');
  const budget = new BodyBudget(opts.bodyBudget ?? DEFAULT_BODY_BUDGET);
  let allowedHosts: Set<string> = new Set();
  /** This server's page address (with its token): Export PDF opens the print view there. */
  let selfUrl = '';

  const route = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    // Only this server's own page may call it: reject other Host names (DNS rebinding) and origins.
    if (!allowedHosts.has(req.headers.host ?? '')) return send(res, 421, 'text/plain', 'misdirected');
    const origin = req.headers.origin;
    if (origin && !allowedHosts.has(origin.replace(/^http:\/\//, ''))) return send(res, 403, 'text/plain', 'forbidden');
    const pathname = requestPath(req.url);
    if (pathname === null) return send(res, 400, 'text/plain', 'bad request');
    if (pathname.startsWith('/api/')) {
      if (req.method !== 'POST' || req.headers['x-plandesk-token'] !== token) return send(res, 403, 'text/plain', 'forbidden');
      if (pathname === '/api/upload') return upload(req, res, budget);
      readBody(req, budget)
        .then((body) => handleApi(workspace, pathname, body, selfUrl))
        .then((out) => send(res, 200, 'application/json', JSON.stringify(out)))
        .catch((e) => answerError(res, e));
      return;
    }
    if (req.method !== 'GET') return send(res, 405, 'text/plain', 'method not allowed');
    serveStatic(opts.rendererDir, pathname, res);
  };

  // No request, however malformed, may end the process (issue 10): whatever a handler throws
  // becomes an answer to that request alone.
  const server = http.createServer((req, res) => {
    // A client that goes away mid-answer makes the response stream fail: nothing to do then.
    res.on('error', () => {});
    try {
      route(req, res);
    } catch (e) {
      answerError(res, e);
    }
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
      selfUrl = `http://127.0.0.1:${port}/?t=${token}`;
      resolve({
        url: `http://127.0.0.1:${port}/?t=${token}`,
        token,
        bodyBytesHeld: () => budget.inUse,
        // A browser keeps connections alive: close them, or close() would wait for ever.
        close: () =>
          new Promise<void>((r) => {
            server.close(() => r());
            server.closeAllConnections();
          }),
      });
    });
  });
}

/** The request's path, or null when its URL cannot be read. */
function requestPath(target: string | undefined): string | null {
  try {
    return new URL(target ?? '/', 'http://127.0.0.1').pathname;
  } catch {
    return null;
  }
}

async function handleApi(workspace: Workspace, route: string, body: unknown, selfUrl: string): Promise<unknown> {
  const b = (body ?? {}) as { name?: string; args?: unknown; action?: string; arg?: unknown; target?: unknown };
  if (route === '/api/invoke') {
    if (typeof b.name !== 'string' || !Object.hasOwn(commandArgs, b.name)) {
      return { ok: false, error: { code: 'error.invalid_args', params: { detail: String(b.name) } } };
    }
    return workspace.handle(b.name as CommandName, b.args);
  }
  if (route === '/api/file') {
    // Browser mode has no file dialogs: the path is typed by the (local) tester.
    const arg = typeof b.arg === 'string' ? b.arg : '';
    try {
      switch (b.action) {
        case 'new':
          return { ok: true, file: arg ? workspace.create(arg) : null };
        case 'open':
        case 'openRecent':
          return { ok: true, file: arg ? workspace.open(arg) : null };
        case 'saveAs':
          return { ok: true, file: arg ? await workspace.saveAs(arg) : null };
        case 'exportPdf': {
          // As the desktop does: the print view of the annex named (the plan's by default) printed to a PDF file (print-pdf.ts).
          const target = printTargetSchema.safeParse(b.target ?? PLAN_ANNEX);
          if (!target.success) return { ok: false, error: { code: 'error.invalid_args', params: { detail: 'print target' } } };
          return arg ? await printAnnexPdf(workspace, selfUrl, arg, target.data) : { ok: true, file: null };
        }
        case 'recent':
          return { ok: true, recent: workspace.recent() };
      }
    } catch (e) {
      return { ok: false, error: toBridgeError(e) };
    }
  }
  return { ok: false, error: { code: 'error.invalid_args', params: { detail: route } } };
}

/**
 * A spreadsheet picked or dropped in the page (browser mode has no file dialogs): its bytes as the
 * request body (at most 100 MB), its name in X-PlanDesk-Name; answered with an id for 'transfer/start'.
 * The bytes count against the server's body budget while they arrive: a declared length that does
 * not fit is refused before a byte is kept (413 too big, 503 busy). A refused body is read to its end
 * and dropped, then the refusal is answered: a client still sending when the answer comes (and the
 * connection closes) would see a reset, not the message.
 */
function upload(req: http.IncomingMessage, res: http.ServerResponse, budget: BodyBudget): void {
  const declared = declaredLength(req);
  let chunks: Buffer[] = [];
  /** With a declared length the bytes go straight into one buffer: no second copy at the end. */
  let whole: Buffer | null = null;
  let size = 0;
  let held = 0;
  let refusal: Refusal | null = null;
  const release = () => {
    budget.give(held);
    held = 0;
  };
  const refuse = (r: Refusal) => {
    refusal = r;
    chunks = [];
    whole = null;
    release();
  };
  req.on('close', release);
  req.on('error', release);
  if (declared !== null && declared > MAX_UPLOAD_BYTES) refuse(tooBig(declared));
  else if (declared !== null) {
    if (budget.take(declared)) held = declared;
    else refuse(busy());
  }
  req.on('data', (c: Buffer) => {
    if (refusal) return;
    size += c.length;
    if (size > MAX_UPLOAD_BYTES) return refuse(tooBig(declared ?? size));
    if (declared !== null) {
      whole ??= Buffer.allocUnsafe(declared);
      c.copy(whole, size - c.length);
      return;
    }
    // No declared length (chunked): take the budget chunk by chunk.
    if (!budget.take(c.length)) return refuse(busy());
    held += c.length;
    chunks.push(c);
  });
  req.on('end', () => {
    if (refusal) return answerError(res, refusal);
    let out: unknown;
    try {
      let name = 'upload.xlsx';
      try {
        name = decodeURIComponent(String(req.headers['x-plandesk-name'] ?? name));
      } catch {
        // A malformed name: keep the default; the engine sniffs the format from the bytes anyway.
      }
      const bytes = whole ? whole.subarray(0, size) : Buffer.concat(chunks, size);
      chunks = [];
      whole = null;
      out = { ok: true, id: transferJobs().addUpload(name, bytes) };
    } catch (e) {
      out = { ok: false, error: toBridgeError(e) };
    } finally {
      release();
    }
    send(res, 200, 'application/json', JSON.stringify(out));
  });
}

/** Content-Length as a number, or null (chunked, or missing). */
function declaredLength(req: http.IncomingMessage): number | null {
  const v = req.headers['content-length'];
  if (v === undefined || req.headers['transfer-encoding'] !== undefined) return null;
  const n = Number(v);
  return Number.isSafeInteger(n) && n >= 0 ? n : null;
}

function tooBig(size: number): Refusal {
  return new Refusal(413, { code: 'excel.error.file_too_big', params: { size: Math.round(size / 1048576), max: MAX_UPLOAD_BYTES / 1048576 } });
}

function busy(): Refusal {
  return new Refusal(503, { code: 'transfer.error.busy' });
}

/** An API call's JSON body; its bytes count against the body budget while it is read. */
function readBody(req: http.IncomingMessage, budget: BodyBudget): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let chunks: Buffer[] = [];
    let size = 0;
    let held = 0;
    let failed = false;
    const release = () => {
      budget.give(held);
      held = 0;
    };
    let refusal: Refusal | null = null;
    const fail = (e: unknown) => {
      if (failed) return;
      failed = true;
      chunks = [];
      release();
      reject(e);
    };
    req.on('close', release);
    // A refused body is read to its end and dropped before the refusal is answered (see upload).
    const refuse = (r: Refusal) => {
      refusal = r;
      chunks = [];
      release();
    };
    req.on('data', (c: Buffer) => {
      if (failed || refusal) return;
      size += c.length;
      if (size > MAX_BODY) return refuse(new Refusal(413, { code: 'error.invalid_args', params: { detail: 'request too large' } }));
      if (!budget.take(c.length)) return refuse(busy());
      held += c.length;
      chunks.push(c);
    });
    req.on('end', () => {
      if (refusal) return fail(refusal);
      if (failed) return;
      const text = Buffer.concat(chunks).toString('utf8');
      chunks = [];
      release();
      if (!text) return resolve({});
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(new Refusal(400, { code: 'error.invalid_args', params: { detail: 'JSON' } }));
      }
    });
    req.on('error', fail);
  });
}

function serveStatic(root: string, pathname: string, res: http.ServerResponse): void {
  let rel: string;
  try {
    rel = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
  } catch {
    // A malformed escape (GET /%ff): any web page can send one with an <img>.
    return send(res, 400, 'text/plain', 'bad request');
  }
  if (rel.includes('\0')) return send(res, 400, 'text/plain', 'bad request');
  const file = path.resolve(root, rel);
  // Never serve outside the renderer folder.
  if (!file.startsWith(path.resolve(root) + path.sep)) return send(res, 404, 'text/plain', 'not found');
  fs.readFile(file, (err, data) => {
    if (err) return send(res, 404, 'text/plain', 'not found');
    send(res, 200, MIME[path.extname(file)] ?? 'application/octet-stream', data);
  });
}

/** Answer a request whose handling failed: a Refusal with its status, anything else as the page's error. */
function answerError(res: http.ServerResponse, e: unknown): void {
  if (e instanceof Refusal) return send(res, e.status, 'application/json', JSON.stringify({ ok: false, error: e.error }));
  send(res, 200, 'application/json', JSON.stringify({ ok: false, error: toBridgeError(e) }));
}

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer): void {
  // Answered already, or the client has gone: there is no one to tell.
  if (res.headersSent || res.writableEnded || res.destroyed) return;
  try {
    res.writeHead(status, {
      'Content-Type': type,
      'Content-Security-Policy': CSP,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
      'Content-Length': Buffer.byteLength(body),
    });
    res.end(body);
  } catch {
    res.destroy();
  }
}
