// The open cycle of one window and the file-level actions on it (new, open, save a copy, recent
// files), given paths. Electron's main process adds dialogs in front; browser mode takes paths
// directly. Dispatches engine commands to the current session and maps errors to BridgeErrors.
import fs from 'node:fs';
import path from 'node:path';
import type { BridgeError, CommandName, CommandResults, FileInfo } from '../../shared/ipc';
import { sampleCycle } from '../../shared/samples/dak-nong-2024';
import { builtinTemplate, cycleFromTemplate, programTemplateIdForYear } from '../../shared/templates';
import { toBridgeError } from './errors';
import type { GuardOptions, OpenRequest } from './safety/guarded-file';
import { OpenFiles } from './safety/open-files';
import { reservePlanTarget } from './safety/write-target';
import type { PlanSession } from './session';
import { removeSqliteSideFiles, writeAtomic } from './store/atomic-write';
import { createCycleFile } from './store/cycle-file';

export type Result<T> = { ok: true; value: T } | { ok: false; error: BridgeError };

/** dataDir: the app's data folder (Electron's userData, browser mode ~/.plandesk) for backups; none → no backups. */
export type WorkspaceOptions = GuardOptions;

const MAX_RECENT = 10;

export class Workspace {
  /** The open file with its lock, backups and safety checks (issue 7, electron/engine/safety). */
  private readonly files: OpenFiles;

  /** @param recentFile where the recent-files list is kept (JSON), or null to keep none. */
  constructor(private readonly recentFile: string | null = null, options: WorkspaceOptions = {}) {
    this.files = new OpenFiles(options, (f) => this.remember(f));
  }

  get session(): PlanSession | null {
    return this.files.session;
  }

  /** Open a plan. A file another PlanDesk holds, or that cannot be written, opens read-only (see 'safety/status'). */
  open(file: string, opts: OpenRequest = {}): FileInfo {
    return this.files.open(file, opts);
  }

  /**
   * Create a new cycle file and open it: the sample, or the structure of the program in force this
   * year (templates/builtin.ts: from 2026 the merged 2026–2035 program, never the 2021–2025 one).
   */
  create(file: string, opts: { sample?: boolean; overwrite?: boolean } = {}): FileInfo {
    // Replacing a plan: never one another PlanDesk has open, and the old one goes to the backups first.
    if (opts.overwrite) this.files.beforeReplace(file);
    createCycleFile(file, opts.sample ? sampleCycle() : thisYearsPlan(), { overwrite: opts.overwrite });
    return this.open(file);
  }

  /**
   * Write a consistent copy of the open cycle to `file` (SQLite's backup API), then open the copy.
   * Never onto a plan open here (this one included) or held by another PlanDesk, nor onto a plan's
   * -wal/-shm/lock or a backup (safety/write-target.ts); the target's lock is held while it is written.
   */
  async saveAs(file: string): Promise<FileInfo> {
    const s = this.requireSession();
    const reserved = reservePlanTarget(file);
    const target = reserved.path;
    try {
      // The replaced file's companions (a crashed session's WAL) would be replayed into the copy.
      await writeAtomic(target, async (tmp) => void (await s.file.db.backup(tmp)), { beforeRename: () => removeSqliteSideFiles(target) });
    } finally {
      reserved.release();
    }
    return this.open(target);
  }

  /** Run a command: every handler is awaited; a refusal becomes a BridgeError. */
  async handle<K extends CommandName>(name: K, args: unknown): Promise<Result<CommandResults[K]>> {
    try {
      this.requireSession();
      return { ok: true, value: await this.files.run(name, args) };
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
    const s = this.files.session;
    if (!s) throw new Error('no cycle is open');
    return s;
  }

  close(): void {
    this.files.close();
  }
}

/** A plan of this year under the program in force (no figures). */
function thisYearsPlan() {
  const year = new Date().getFullYear();
  return cycleFromTemplate(builtinTemplate(programTemplateIdForYear(year), year)!, { year });
}
