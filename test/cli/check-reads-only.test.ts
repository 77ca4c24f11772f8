// `plandesk check` reads a plan and must leave its folder exactly as it found it — no `-wal`,
// `-shm`, lock or journal — on a read-only file, a file cut short, a plan whose WAL a crash left,
// and a plan on a read-only mount (a real tmpfs, remounted read-only; skipped loudly where none can
// be mounted, failed in CI). The built command in its own process (needs `npm run build`).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PlanSession } from '../../electron/engine/session';
import { createCycleFile } from '../../electron/engine/store/cycle-file';
import { sampleCycle } from '../../shared/samples/dak-nong-2024';
import { mountTmpfs, TMPFS, type Tmpfs } from '../support/mount';
import { itWithData } from '../support/need-data';
import { tempDir } from '../support/tmp';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin/plandesk.cjs');

function check(file: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, 'check', file, '--json'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const listing = (dir: string) => fs.readdirSync(dir).sort();

let mount: Tmpfs | null = null;
afterAll(() => mount?.unmount());

describe('plandesk check leaves no file behind', () => {
  it('on a read-only file, a file cut short, and a plan with a WAL left by a crash', () => {
    const dir = tempDir();
    const ro = path.join(dir, 'chi-doc.plandesk');
    createCycleFile(ro, sampleCycle());
    fs.chmodSync(ro, 0o444);

    const cut = path.join(dir, 'cut.plandesk');
    createCycleFile(cut, sampleCycle());
    const grow = PlanSession.open(cut);
    for (let i = 0; i < 60; i++) grow.handle('line/insert', { anchor: null, where: 'below', fields: { name: 'x'.repeat(1999), note: 'y'.repeat(1999) } });
    grow.close();
    fs.truncateSync(cut, Math.floor(fs.statSync(cut).size / 2));

    // A crash: the WAL holds an edit, no -shm (copied as a backup tool copies a folder).
    const src = path.join(tempDir(), 'src.plandesk');
    createCycleFile(src, sampleCycle());
    const s = PlanSession.open(src);
    const id = s.snapshot().rows.find((r) => r.code === '2')!.id;
    s.handle('cell/set', { lineId: id, column: 'local_recurrent', value: 7_000_000 });
    const crashed = path.join(dir, 'crashed.plandesk');
    fs.copyFileSync(src, crashed);
    fs.copyFileSync(`${src}-wal`, `${crashed}-wal`);
    s.close();

    const before = listing(dir);
    const bytes = new Map(before.map((f) => [f, fs.readFileSync(path.join(dir, f))]));

    const r1 = check(ro);
    expect(r1.status, r1.stderr).toBe(0);
    expect(listing(dir)).toEqual(before);

    const r2 = check(cut);
    expect(r2.status).toBe(1);
    expect(r2.stderr.trim().length).toBeGreaterThan(0);
    expect(listing(dir)).toEqual(before);

    const r3 = check(crashed);
    expect(r3.status, r3.stderr).toBe(0);
    const line2 = (JSON.parse(r3.stdout) as { lines: { code: string; values: Record<string, number> }[] }).lines.find((l) => l.code === '2')!;
    expect(line2.values.local_recurrent).toBe(7_000_000);
    expect(listing(dir)).toEqual(before);

    for (const [f, b] of bytes) expect(fs.readFileSync(path.join(dir, f)).equals(b), f).toBe(true);
  });

  itWithData(TMPFS, 'on a read-only mount', () => {
    mount = mountTmpfs('4m');
    const file = path.join(mount.dir, 'plan.plandesk');
    createCycleFile(file, sampleCycle());
    mount.remount('ro');
    const r = check(file);
    expect(r.status, r.stderr).toBe(0);
    expect(listing(mount.dir)).toEqual(['plan.plandesk']);
  });
});
