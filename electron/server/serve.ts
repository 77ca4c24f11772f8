// `npm run serve -- --file F [--port N]`: browser mode. Opens the cycle (or, without --file, a copy
// of the built-in sample kept in the data folder), serves the real UI on 127.0.0.1, prints its URL.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { t } from '../../shared/i18n';
import { toBridgeError } from '../engine/errors';
import { configureTransfer } from '../engine/transfer/jobs';
import { Workspace } from '../engine/workspace';
import { startBridgeServer } from './http-bridge';

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { file: { type: 'string' }, port: { type: 'string' }, 'read-only': { type: 'boolean' } },
    strict: true,
  });
  const port = values.port ? Number(values.port) : 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port ${values.port}`);
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
  const rendererDir = path.join(__dirname, '..', 'renderer');
  const server = await startBridgeServer(workspace, { rendererDir, port });
  process.stdout.write(`PlanDesk (browser mode): ${workspace.session!.info.path}\n${server.url}\n`);
  const stop = () => {
    void server.close().then(() => {
      workspace.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  const b = toBridgeError(e);
  process.stderr.write(t('vi', b.code, b.params) + '\n');
  process.exit(1);
});
