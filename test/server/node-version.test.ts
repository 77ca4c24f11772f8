// Under a Node.js older than 22 (the system Node 20 of Debian/Ubuntu), better-sqlite3 loads and then
// segfaults on the first database: the built server must refuse in one line naming the version it
// needs, before it opens or locks anything; `plandesk` re-runs itself with the project's Node 22.
// Needs `npm run build` and a system Node older than 22 at /usr/bin/node (need-data.ts: skipped
// loudly otherwise; electron/server/require-node.test.ts tests the check itself everywhere).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describeWithData, type Need } from '../support/need-data';
import { tempDir } from '../support/tmp';

const ROOT = path.resolve(__dirname, '../..');
const SYSTEM_NODE = '/usr/bin/node';
const systemMajor = (() => {
  if (!fs.existsSync(SYSTEM_NODE)) return null;
  const r = spawnSync(SYSTEM_NODE, ['-p', 'process.versions.node'], { encoding: 'utf8' });
  return r.status === 0 ? Number(r.stdout.split('.')[0]) : null;
})();
const OLD_SYSTEM_NODE: Need = {
  what: `a Node.js older than 22 at ${SYSTEM_NODE} (found ${systemMajor ?? 'none'})`,
  howToGet: 'apt-get install nodejs (Debian 13 / Ubuntu 24.04 ship Node 20)',
  check: () => systemMajor !== null && systemMajor < 22,
  neverInCi: 'a machine whose system Node is 22 or later cannot run the old one, and has nothing to refuse',
};

describeWithData(OLD_SYSTEM_NODE, 'under the system Node 20', () => {
  it('the browser-mode server refuses in one line, before opening or locking anything', () => {
    const dir = tempDir();
    const r = spawnSync(SYSTEM_NODE, [path.join(ROOT, 'dist/server/serve.cjs')], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 30_000,
      env: { ...process.env, PLANDESK_DATA_DIR: dir },
    });
    expect(r.signal).toBeNull(); // not a segfault
    expect(r.status).toBe(1);
    const lines = r.stderr.split('\n').filter((l) => l.trim());
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('Node.js 22');
    expect(lines[0]).toContain(`Node.js ${systemMajor}.`);
    expect(r.stdout).toBe('');
    // Nothing was created: no sample plan, no lock.
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('plandesk runs under it (it re-runs itself with the project\'s Node 22)', () => {
    const file = path.join(tempDir(), 'a.plandesk');
    const r = spawnSync(SYSTEM_NODE, [path.join(ROOT, 'bin/plandesk.cjs'), 'new', file, '--sample'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(r.signal).toBeNull();
    expect(r.status, r.stderr).toBe(0);
    expect(fs.existsSync(file)).toBe(true);
  });
});
