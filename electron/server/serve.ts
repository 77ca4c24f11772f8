// `npm run serve -- --file F [--port N]`: browser mode. Opens the cycle (or, without --file, a copy
// of the built-in sample kept in the data folder), serves the real UI on 127.0.0.1, prints its URL.
// First: refuse a Node.js too old for better-sqlite3 (it would segfault on the first database).
import './require-node';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { t, tStored } from '../../shared/i18n';
import { toBridgeError } from '../engine/errors';
import { configureTransfer } from '../engine/transfer/jobs';
import { configureConsolidation } from '../engine/consolidation/pool';
import { Workspace } from '../engine/workspace';
import { parseArgs } from 'node:util';
import { startBridgeServer, type BridgeServer } from './http-bridge';

/** Bad arguments (exit 2), its message already in Vietnamese. */
class UsageError extends Error {}

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      args: process.argv.slice(2),
      options: { file: { type: 'string' }, port: { type: 'string' }, 'read-only': { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    });
  } catch {
    throw new UsageError(t('vi', 'cli.usage.serve'));
  }
  const { positionals, values } = args;
  const port = values.port === undefined ? 0 : Number(values.port);
  if (positionals.length > 0 || !/^\d{1,5}$/.test(values.port ?? '0') || port > 65535) throw new UsageError(t('vi', 'cli.usage.serve'));
  // Browser mode's data folder (backups): ~/.plandesk, or PLANDESK_DATA_DIR (tests use a temporary one).
  const dataDir = process.env.PLANDESK_DATA_DIR || path.join(os.homedir(), '.plandesk');
  const workspace = new Workspace(path.join(dataDir, 'recent-browser.json'), { dataDir });
  if (values.file) {
    workspace.open(values.file, { readOnly: values['read-only'] });
  } else {
    // The sample lives in the data folder, as in the desktop app: edits to it are kept between runs.
    const sample = path.join(dataDir, 'samples', 'ke-hoach-122-KH-UBND-2024.plandesk');
    fs.mkdirSync(path.dirname(sample), { recursive: true });
    if (fs.existsSync(sample)) workspace.open(sample);
    else workspace.create(sample, { sample: true });
  }
  // Import jobs read spreadsheets in the worker bundles built beside Electron's main.
  configureTransfer({ workerDir: path.join(__dirname, '..', 'electron') });
  configureConsolidation({ workerDir: path.join(__dirname, '..', 'electron') });
  const rendererDir = path.join(__dirname, '..', 'renderer');
  let server: BridgeServer;
  try {
    server = await startBridgeServer(workspace, { rendererDir, port });
  } catch (e) {
    // Not serving after all: let go of the plan (its lock) before saying why.
    workspace.close();
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new UsageError(t('vi', 'cli.serve.port_in_use', { port }));
    throw e;
  }
  // `npm run serve | head`: a closed stdout is not an error worth a stack trace.
  process.stdout.on('error', () => {});
  process.stdout.write(`PlanDesk (browser mode): ${workspace.session!.info.path}\n${server.url}\n`);
  // A bug that escapes a request's own handling (http-bridge answers every request it can) must not
  // end the server and leave the plan locked: say it on stderr and keep serving. Every change to a
  // plan is one SQLite transaction, so a failed request leaves nothing half-written.
  process.on('uncaughtException', (e) => process.stderr.write(t('vi', 'error.internal', { detail: String(e?.message ?? e).slice(0, 300) }) + '\n'));
  process.on('unhandledRejection', (e) => process.stderr.write(t('vi', 'error.internal', { detail: String((e as Error)?.message ?? e).slice(0, 300) }) + '\n'));
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void server
      .close()
      .catch(() => {})
      .then(() => {
        // Releases the lock and checkpoints the WAL.
        workspace.close();
        process.exit(0);
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // The terminal that ran it was closed.
  process.on('SIGHUP', stop);
}

main().catch((e) => {
  if (e instanceof UsageError) {
    process.stderr.write(e.message + '\n');
    process.exit(2);
  }
  const b = toBridgeError(e);
  process.stderr.write(tStored('vi', b.code, b.params) + '\n');
  process.exit(1);
});
