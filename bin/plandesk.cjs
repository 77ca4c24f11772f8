#!/usr/bin/env node
// The `plandesk` command. better-sqlite3 13 needs Node >= 22: when started by an older Node,
// re-run the same command with the Node 22 that the project installs (npm package `node`).
const path = require('node:path');
const fs = require('node:fs');
const { spawnSync } = require('node:child_process');

const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  const local = path.join(__dirname, '..', 'node_modules', 'node', 'bin', 'node');
  if (fs.existsSync(local)) {
    const r = spawnSync(local, [__filename, ...process.argv.slice(2)], { stdio: 'inherit' });
    process.exit(r.status ?? 1);
  }
  process.stderr.write('PlanDesk cần Node.js 22 trở lên (PlanDesk needs Node.js 22 or later).\n');
  process.exit(1);
}
const cli = path.join(__dirname, '..', 'dist', 'cli', 'plandesk.cjs');
if (!fs.existsSync(cli)) {
  process.stderr.write('Chưa build PlanDesk: hãy chạy "npm run build" (PlanDesk is not built: run "npm run build").\n');
  process.exit(1);
}
require(cli).runCli(process.argv.slice(2));
