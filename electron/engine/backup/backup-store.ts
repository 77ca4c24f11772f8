// The backups of one plan file: a folder under the app's data folder
// (<dataDir>/backups/<file name>-<hash of its path>/), holding complete, standalone cycle files named
// "<time>.<reason>.<change marker>.plandesk" — self-describing, so listing needs no index that could
// disagree with the folder. Each backup is written under a temporary name and renamed, so a crash
// never leaves half a backup that looks whole. Old ones are pruned to the configured number.
//
// Three ways to make one: SQLite's online backup API (`db.backup()`, page by page between edits:
// on open and hourly), VACUUM INTO (synchronous: just before an import or a restore, when the copy
// must be exactly the state before), and a plain file copy with its WAL (before a migration, for a
// damaged file).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { BackupInfo } from '../../../shared/commands/history';
import type { DB } from '../store/db';

export type BackupReason = BackupInfo['reason'];

const NAME = /^([0-9TZ-]+)\.([a-z-]+)\.(\d+)\.plandesk$/;
const REASONS: readonly BackupReason[] = ['open', 'hourly', 'manual', 'migration', 'import', 'restore', 'damaged', 'replaced'];

/** "2024-05-01T10:20:30.123Z" ↔ "2024-05-01T10-20-30-123Z" (file-name safe on Windows). */
const stampOf = (d: Date) => d.toISOString().replace(/[:.]/g, '-');
const isoOf = (stamp: string) => stamp.replace(/^(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/, '$1:$2:$3.$4Z');

const statSize = (f: string): number | null => {
  try {
    return fs.statSync(f).size;
  } catch {
    return null;
  }
};

export interface BackupEntry extends BackupInfo {
  marker: number;
  file: string;
}

export class BackupStore {
  readonly dir: string;

  constructor(dataDir: string, readonly source: string) {
    const abs = path.resolve(source);
    const key = process.platform === 'win32' ? abs.toLowerCase() : abs;
    const hash = crypto.createHash('sha256').update(key).digest('hex').slice(0, 10);
    const base = path.basename(abs).replace(/\.plandesk$/i, '').replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 60);
    this.dir = path.join(dataDir, 'backups', `${base}-${hash}`);
  }

  /** Newest first. */
  list(): BackupEntry[] {
    let names: string[];
    try {
      names = fs.readdirSync(this.dir);
    } catch {
      return [];
    }
    const out: BackupEntry[] = [];
    for (const name of names) {
      const m = NAME.exec(name);
      if (!m || !(REASONS as readonly string[]).includes(m[2])) continue;
      let size = 0;
      try {
        size = fs.statSync(path.join(this.dir, name)).size;
      } catch {
        continue;
      }
      out.push({ id: name, at: isoOf(m[1]), reason: m[2] as BackupReason, marker: Number(m[3]), size, file: path.join(this.dir, name) });
    }
    return out.sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  }

  latest(): BackupEntry | null {
    return this.list()[0] ?? null;
  }

  /** The backup named `id` (only names listed in this folder: never a path from outside). */
  find(id: string): BackupEntry | null {
    return this.list().find((b) => b.id === id) ?? null;
  }

  private target(reason: BackupReason, marker: number): { final: string; tmp: string } {
    fs.mkdirSync(this.dir, { recursive: true });
    let at = new Date();
    // Two backups within one millisecond would collide: move the second one on.
    let final = path.join(this.dir, `${stampOf(at)}.${reason}.${marker}.plandesk`);
    while (fs.existsSync(final)) {
      at = new Date(at.getTime() + 1);
      final = path.join(this.dir, `${stampOf(at)}.${reason}.${marker}.plandesk`);
    }
    return { final, tmp: path.join(this.dir, `.${path.basename(final)}.${process.pid}.tmp`) };
  }

  /** A backup must stand alone: rollback-journal mode (no -wal beside it). Flushed once, after. */
  private standalone(tmp: string): void {
    const db = new Database(tmp);
    try {
      db.pragma('synchronous = OFF');
      db.pragma('journal_mode = DELETE');
    } finally {
      db.close();
    }
  }

  private entry(final: string, reason: BackupReason, marker: number): BackupEntry {
    const name = path.basename(final);
    return { id: name, at: isoOf(name.split('.')[0]), reason, marker, size: fs.statSync(final).size, file: final };
  }

  private finish(tmp: string, final: string, reason: BackupReason, marker: number): BackupEntry {
    this.standalone(tmp);
    const fd = fs.openSync(tmp, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, final);
    return this.entry(final, reason, marker);
  }

  /** As finish(), with the flush off the event loop (a 100.000-line plan takes ~0,1 s to flush). */
  private async finishAsync(tmp: string, final: string, reason: BackupReason, marker: number): Promise<BackupEntry> {
    this.standalone(tmp);
    const fh = await fs.promises.open(tmp, 'r+');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
    await fs.promises.rename(tmp, final);
    return this.entry(final, reason, marker);
  }

  private discard(tmp: string): void {
    for (const f of [tmp, `${tmp}-journal`, `${tmp}-wal`, `${tmp}-shm`]) fs.rmSync(f, { force: true });
  }

  /**
   * Online backup: copies `pagesPerStep` pages, then lets the event loop run (edits go on between
   * steps; SQLite carries edits made through this same connection into the copy).
   * `shouldStop` aborts it (the file is being closed).
   */
  async online(db: DB, reason: BackupReason, marker: number, opts: { pagesPerStep?: number; shouldStop?: () => boolean } = {}): Promise<BackupEntry> {
    const { final, tmp } = this.target(reason, marker);
    // 500 pages (2 MB) per step: a step takes a few milliseconds, so an edit never waits longer.
    const step = opts.pagesPerStep ?? 500;
    try {
      await db.backup(tmp, {
        progress: () => {
          if (opts.shouldStop?.()) throw new Error('backup stopped: the file was closed');
          return step;
        },
      });
      return await this.finishAsync(tmp, final, reason, marker);
    } catch (e) {
      this.discard(tmp);
      throw e;
    }
  }

  /** Synchronous snapshot (VACUUM INTO): exactly the state at this moment, compacted. */
  snapshot(db: DB, reason: BackupReason, marker: number): BackupEntry {
    const { final, tmp } = this.target(reason, marker);
    try {
      db.prepare('VACUUM INTO ?').run(tmp);
      return this.finish(tmp, final, reason, marker);
    } catch (e) {
      this.discard(tmp);
      throw e;
    }
  }

  /**
   * A byte copy of a closed (or not yet opened) file, with its WAL: after a disk-full the last
   * acknowledged edits live only there. The WAL is folded into the copy, which then stands alone;
   * when SQLite cannot fold it (a damaged file), it is kept beside the copy as `<copy>-wal`.
   */
  copyFile(file: string, reason: BackupReason, marker = 0): BackupEntry {
    const { final, tmp } = this.target(reason, marker);
    let walKept = false;
    try {
      fs.copyFileSync(file, tmp);
      if ((statSize(`${file}-wal`) ?? 0) > 0) {
        fs.copyFileSync(`${file}-wal`, `${tmp}-wal`);
        try {
          this.standalone(tmp);
        } catch {
          walKept = fs.existsSync(`${tmp}-wal`);
        }
        fs.rmSync(`${tmp}-shm`, { force: true });
      }
      for (const f of walKept ? [tmp, `${tmp}-wal`] : [tmp]) {
        const fd = fs.openSync(f, 'r+');
        try {
          fs.fsyncSync(fd);
        } finally {
          fs.closeSync(fd);
        }
      }
      if (walKept) fs.renameSync(`${tmp}-wal`, `${final}-wal`);
      fs.renameSync(tmp, final);
    } catch (e) {
      this.discard(tmp);
      throw e;
    }
    return this.entry(final, reason, marker);
  }

  /** Keep the newest `keep` backups; also clear temporary files a crash left behind. */
  prune(keep: number): void {
    const all = this.list();
    for (const b of all.slice(Math.max(1, keep))) for (const f of [b.file, `${b.file}-wal`, `${b.file}-shm`]) fs.rmSync(f, { force: true });
    try {
      for (const name of fs.readdirSync(this.dir)) {
        if (!name.startsWith('.') || !name.includes('.tmp')) continue;
        const pid = Number(/\.(\d+)\.tmp/.exec(name)?.[1]);
        if (pid !== process.pid) fs.rmSync(path.join(this.dir, name), { force: true });
      }
    } catch {
      // Nothing to clear.
    }
  }
}
