// The open cycle of one window and the file-level actions on it (new, open, save a copy, recent
// files), given paths. Electron's main process adds dialogs in front; browser mode takes paths
// directly. Dispatches engine commands to the current session and maps errors to BridgeErrors.
import fs from 'node:fs';
import path from 'node:path';
import type { BridgeError, CommandName, CommandResults, FileInfo } from '../../shared/ipc';
import { blankCycle, sampleCycle } from '../../shared/samples/dak-nong-2024';
import { toBridgeError } from './errors';
import { PlanSession } from './session';
import { createCycleFile } from './store/cycle-file';

export type Result<T> = { ok: true; value: T } | { ok: false; error: BridgeError };

const MAX_RECENT = 10;

export class Workspace {
  private current: PlanSession | null = null;

  /** @param recentFile where the recent-files list is kept (JSON), or null to keep none. */
  constructor(private readonly recentFile: string | null = null) {}

  get session(): PlanSession | null {
    return this.current;
  }

  open(file: string, opts: { readOnly?: boolean } = {}): FileInfo {
    const next = PlanSession.open(file, opts);
    this.current?.close();
    this.current = next;
    this.remember(next.info.path);
    return next.info;
  }

  /** Create a new cycle file (blank 2021-2025 structure, or the sample) and open it. */
  create(file: string, opts: { sample?: boolean; overwrite?: boolean } = {}): FileInfo {
    createCycleFile(file, opts.sample ? sampleCycle() : blankCycle(), { overwrite: opts.overwrite });
    return this.open(file);
  }

  /** Write a consistent copy of the open cycle to `file` (SQLite's backup API), then open the copy. */
  async saveAs(file: string): Promise<FileInfo> {
    const s = this.requireSession();
    const target = path.resolve(file);
    if (target === s.info.path) return s.info;
    const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
    await s.file.db.backup(tmp);
    fs.renameSync(tmp, target);
    return this.open(target);
  }

  handle<K extends CommandName>(name: K, args: unknown): Result<CommandResults[K]> {
    try {
      return { ok: true, value: this.requireSession().handle(name, args) };
    } catch (e) {
      return { ok: false, error: toBridgeError(e) };
    }
  }

  recent(): string[] {
    if (!this.recentFile) return [];
    try {
      const list = JSON.parse(fs.readFileSync(this.recentFile, 'utf8')) as unknown;
      return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string').slice(0, MAX_RECENT) : [];
    } catch {
      return [];
    }
  }

  private remember(file: string): void {
    if (!this.recentFile) return;
    const list = [file, ...this.recent().filter((f) => f !== file)].slice(0, MAX_RECENT);
    try {
      fs.mkdirSync(path.dirname(this.recentFile), { recursive: true });
      fs.writeFileSync(this.recentFile, JSON.stringify(list, null, 2));
    } catch {
      // The recent list is a convenience: failing to write it must not stop the file from opening.
    }
  }

  private requireSession(): PlanSession {
    if (!this.current) throw new Error('no cycle is open');
    return this.current;
  }

  close(): void {
    this.current?.close();
    this.current = null;
  }
}
