// `plandesk split`: one file per unit holding a share, ready to send — the file a unit fills and
// returns for consolidation. Each is named after the unit in ASCII (diacritics removed, đ → d,
// spaces as "-": "UBND-huyen-Krong-No.xlsx"). As .xlsx it is a plan annex (lines as rows: the lines
// holding the unit's shares and their parents) whose figures are that unit's shares, so `plandesk
// import` reads it back exactly; a very hidden sheet names the unit and the cycle. As .plandesk it is
// a cycle file holding the same lines, the unit and its shares. Every file goes through the one write
// check and is written atomically (exportAnnex's path; createCycleFile for plans).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ColumnTree } from '../../../shared/columns';
import { PlanCalc } from '../../../shared/calc';
import { t } from '../../../shared/i18n';
import type { Amount, CycleData, Line, Share, Unit } from '../../../shared/model';
import { UnitBook } from '../../../shared/units/book';
import { buildAnnex } from '../excel/annex';
import { ImportError } from '../excel/errors';
import { writeWorkbook } from '../excel/xlsx-writer';
import { PlanDeskError } from '../errors';
import { checkWriteTarget, reservePlanTarget } from '../safety/write-target';
import { removeSqliteSideFiles, tempNameFor, writeAtomic, writeAtomicSync } from '../store/atomic-write';
import { writeCycle } from '../store/cycle-file';
import { createDatabase } from '../store/db';
import { UNIT_SHEET, unitSheetRows, type UnitFileMark } from './unit-sheet';

export type SplitFormat = 'xlsx' | 'plandesk';

/** Longest file name stem (Windows paths stay short enough in any folder a person picks). */
const STEM_MAX = 80;
/** Names Windows keeps for devices, whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/** "UBND huyện Krông Nô" → "UBND-huyen-Krong-No": ASCII letters and digits, "-" between words. */
export function unitFileStem(name: string): string {
  const stem = name
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, STEM_MAX)
    .replace(/-+$/, '');
  return !stem || RESERVED.test(stem) ? `don-vi${stem ? '-' + stem : ''}` : stem;
}

/** File names for the units, unique even where two names fold alike (case-insensitive file systems): "-2", "-3"… */
export function unitFileNames(units: readonly Unit[], ext: string): Map<number, string> {
  const taken = new Set<string>();
  const out = new Map<number, string>();
  for (const u of units) {
    const stem = unitFileStem(u.name);
    let name = `${stem}.${ext}`;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${stem}-${n}.${ext}`;
    taken.add(name.toLowerCase());
    out.set(u.id, name);
  }
  return out;
}

/** The plan as one unit sees it: the lines holding its shares and their parents, its shares as the figures. */
export function unitCycle(data: CycleData, calc: PlanCalc, unit: Unit, shares: readonly Share[]): CycleData {
  const keep = new Set<number>();
  for (const s of shares) {
    keep.add(s.lineId);
    for (const a of calc.ancestors(s.lineId)) keep.add(a);
  }
  // Positions renumbered among the kept siblings, in the plan's order.
  const lines: Line[] = [];
  const nextPos = new Map<number | null, number>();
  for (const { id } of calc.walk()) {
    if (!keep.has(id)) continue;
    const l = calc.lines.get(id)!;
    const parentId = calc.parentOf(id);
    const position = nextPos.get(parentId) ?? 0;
    nextPos.set(parentId, position + 1);
    lines.push({ ...l, parentId, position });
  }
  const amounts: Amount[] = shares.map((s) => ({ lineId: s.lineId, column: s.column, value: s.value }));
  const own: Unit = { ...unit, parentId: null, position: 0 };
  return { meta: data.meta, columns: data.columns, rules: data.rules, lines, amounts, units: [own], shares: [...shares], scores: [] };
}

export interface SplitResult {
  files: { unit: string; file: string; shares: number }[];
}

/**
 * Write one file per unit holding a share into `dir` (an existing folder). Refuses a plan without
 * shares (allocio.error.no_shares), and — before writing anything — a folder already holding a file
 * of one of the names (error.exists: it may be the file a unit filled and sent back) unless
 * `overwrite`; even then never a plan open or held elsewhere, nor a document over a plan (the check).
 */
export async function splitByUnit(data: CycleData, dir: string, format: SplitFormat, lineage: string | null = null, opts: { overwrite?: boolean } = {}): Promise<SplitResult> {
  const columns = new ColumnTree(data.columns);
  const calc = new PlanCalc(columns, data.lines, data.amounts);
  const book = new UnitBook(data.units ?? [], data.shares ?? []);
  const units = book.ordered().map((o) => o.unit).filter((u) => book.sharesOfUnit(u.id).length > 0);
  if (units.length === 0) throw new PlanDeskError('allocio.error.no_shares');
  const names = unitFileNames(units, format);
  if (!opts.overwrite) {
    for (const name of names.values()) if (fs.existsSync(path.join(dir, name))) throw new PlanDeskError('error.exists', { file: name });
  }
  const files: SplitResult['files'] = [];
  const plans = format === 'plandesk' ? new PlanFiles(dir) : null;
  try {
    for (const u of units) {
      const shares = book.sharesOfUnit(u.id);
      const cycle = unitCycle(data, calc, u, shares);
      const target = path.join(dir, names.get(u.id)!);
      if (plans) plans.write(target, cycle);
      else await writeUnitAnnex(cycle, u, target, { unit: u.name, unitId: u.id, program: data.meta.program, year: data.meta.year, lineage });
      files.push({ unit: u.name, file: target, shares: shares.length });
    }
  } finally {
    plans?.close();
  }
  fsyncFolder(dir);
  return { files };
}

/**
 * Many small plan files, fast: one empty migrated plan is made once, and each file starts as a copy
 * of it, is filled in one transaction, flushed to disk once and renamed into place (the one write
 * check and its lock first, as for any new plan: safety/write-target.ts). Creating each from scratch
 * (migrations, a WAL with its checkpoint, an fsync per transaction) took ~30 ms a file: 3.300 units
 * were well over the minute the issue allows.
 */
class PlanFiles {
  private readonly base: string;

  constructor(dir: string) {
    this.base = tempNameFor(path.join(dir, 'split-base.plandesk'), 'base');
    removeSqliteSideFiles(this.base);
    const db = createDatabase(this.base);
    try {
      db.pragma('journal_mode = DELETE');
    } finally {
      db.close();
    }
  }

  write(target: string, cycle: CycleData): void {
    const reserved = reservePlanTarget(target);
    try {
      writeAtomicSync(
        target,
        (tmp) => {
          fs.copyFileSync(this.base, tmp);
          const db = new Database(tmp);
          try {
            // A temporary no one else opens: flushed once below, before the rename makes it the file.
            // It keeps the rollback journal: PlanDesk sets the journal mode on every open.
            db.pragma('synchronous = OFF');
            db.transaction(() => writeCycle(db, cycle))();
          } finally {
            db.close();
          }
          fsyncFile(tmp);
        },
        { beforeRename: () => removeSqliteSideFiles(target) },
      );
    } finally {
      reserved.release();
    }
  }

  close(): void {
    fs.rmSync(this.base, { force: true });
    removeSqliteSideFiles(this.base);
  }
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** The renames made durable at once (a folder cannot be opened for fsync on Windows: there it is already). */
function fsyncFolder(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    /* the files themselves are flushed and in place */
  }
}

/** The unit's plan annex (annex.ts's layout, its title naming the unit) plus the hidden sheet naming the unit. */
async function writeUnitAnnex(cycle: CycleData, unit: Unit, out: string, mark: UnitFileMark): Promise<void> {
  checkWriteTarget(out, 'document');
  const calc = new PlanCalc(new ColumnTree(cycle.columns), cycle.lines, cycle.amounts);
  const title = t('vi', 'allocio.doc.unitTitle', { unit: unit.name.toLocaleUpperCase('vi') });
  const { sheets, styles } = buildAnnex({ meta: cycle.meta, columns: cycle.columns, calc, rules: cycle.rules, title });
  const rows = unitSheetRows(mark);
  sheets.push({
    name: UNIT_SHEET,
    state: 'veryHidden',
    merges: [],
    notes: [],
    rows: async (emit) => {
      for (const r of rows) await emit(r.map((v) => ({ t: 's' as const, v, s: 0 })));
    },
  });
  try {
    await writeAtomic(out, (tmp) => writeWorkbook(tmp, sheets, styles));
  } catch (e) {
    if (e instanceof ImportError || e instanceof PlanDeskError) throw e;
    throw new ImportError('excel.error.write_failed', { file: path.basename(out) }, { cause: e });
  }
}
