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

export interface BridgeServer {
  url: string;
  token: string;
  close(): Promise<void>;
}

export function startBridgeServer(workspace: Workspace, opts: { rendererDir: string; port?: number }): Promise<BridgeServer> {
  const token = crypto.randomBytes(24).toString('hex');
  let allowedHosts: Set<string> = new Set();

  const server = http.createServer((req, res) => {
    // Only this server's own page may call it: reject other Host names (DNS rebinding) and origins.
    if (!allowedHosts.has(req.headers.host ?? '')) return send(res, 421, 'text/plain', 'misdirected');
    const origin = req.headers.origin;
    if (origin && !allowedHosts.has(origin.replace(/^http:\/\//, ''))) return send(res, 403, 'text/plain', 'forbidden');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST' || req.headers['x-plandesk-token'] !== token) return send(res, 403, 'text/plain', 'forbidden');
      if (url.pathname === '/api/upload') return upload(req, res);
      readBody(req)
        .then((body) => handleApi(workspace, url.pathname, body))
        .then((out) => send(res, 200, 'application/json', JSON.stringify(out)))
        .catch((e) => send(res, 200, 'application/json', JSON.stringify({ ok: false, error: toBridgeError(e) })));
      return;
    }
    if (req.method !== 'GET') return send(res, 405, 'text/plain', 'method not allowed');
    serveStatic(opts.rendererDir, url.pathname, res);
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
      resolve({
        url: `http://127.0.0.1:${port}/?t=${token}`,
        token,
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

async function handleApi(workspace: Workspace, route: string, body: unknown): Promise<unknown> {
  const b = (body ?? {}) as { name?: string; args?: unknown; action?: string; arg?: unknown };
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
 */
function upload(req: http.IncomingMessage, res: http.ServerResponse): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let refused = false;
  let answered = false;
  const answer = (out: unknown) => {
    if (answered) return;
    answered = true;
    send(res, 200, 'application/json', JSON.stringify(out));
  };
  req.on('data', (c: Buffer) => {
    if (refused) return;
    size += c.length;
    if (size > MAX_UPLOAD_BYTES) {
      refused = true;
      chunks.length = 0;
      answer({ ok: false, error: { code: 'excel.error.file_too_big', params: { size: Math.round(Number(req.headers['content-length'] ?? size) / 1048576), max: MAX_UPLOAD_BYTES / 1048576 } } });
      req.resume();
      return;
    }
    chunks.push(c);
  });
  req.on('end', () => {
    if (refused) return;
    try {
      let name = 'upload.xlsx';
      try {
        name = decodeURIComponent(String(req.headers['x-plandesk-name'] ?? name));
      } catch {
        // A malformed name: keep the default; the engine sniffs the format from the bytes anyway.
      }
      answer({ ok: true, id: transferJobs().addUpload(name, Buffer.concat(chunks)) });
    } catch (e) {
      answer({ ok: false, error: toBridgeError(e) });
    }
  });
  req.on('error', () => answer({ ok: false, error: { code: 'error.internal', params: { detail: 'upload' } } }));
}

function readBody(req: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('request too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      try {
        resolve(chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {});
      } catch (e) {
        reject(e);
      }
    });
    req.on('error', reject);
  });
}

function serveStatic(root: string, pathname: string, res: http.ServerResponse): void {
  const rel = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
  const file = path.resolve(root, rel);
  // Never serve outside the renderer folder.
  if (!file.startsWith(path.resolve(root) + path.sep)) return send(res, 404, 'text/plain', 'not found');
  fs.readFile(file, (err, data) => {
    if (err) return send(res, 404, 'text/plain', 'not found');
    send(res, 200, MIME[path.extname(file)] ?? 'application/octet-stream', data);
  });
}

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  });
  res.end(body);
}
