// Reading and writing a whole cycle (CycleData) to/from a cycle file. New files are written under a
// temporary name and renamed into place, so a crash never leaves a half-written plan behind.
import fs from 'node:fs';
import path from 'node:path';
import type { Amount, CapitalType, CycleData, CycleMeta, FundingColumn, Line, RuleParams, Share, Unit, UnitScore } from '../../../shared/model';
import { DEFAULT_RULES } from '../../../shared/model';
import { blankCycle } from '../../../shared/samples/dak-nong-2024';
import { PlanDeskError } from '../errors';
import { reservePlanTarget } from '../safety/write-target';
import { removeSqliteSideFiles, writeAtomicSync } from './atomic-write';
import { createDatabase, openDatabase, type DB, type OpenOptions } from './db';

const META_DEFAULTS: CycleMeta = blankCycle(2024).meta;

/**
 * Create a new cycle file holding `data`. Refuses to overwrite unless asked, and even then never a
 * plan open or held elsewhere, nor a plan's -wal/-shm/lock (safety/write-target.ts).
 */
export function createCycleFile(file: string, data: CycleData, opts: { overwrite?: boolean } = {}): void {
  writePlanFile(file, (db) => writeCycle(db, data), opts);
}

/**
 * Write a new plan file at `target`, filled by `fill` in one transaction: the one write check first
 * (its lock held while writing), then atomic-write.ts (a temporary, the target's old side files
 * removed, renamed into place). An existing file is replaced only with `overwrite`.
 */
export function writePlanFile(target: string, fill: (db: DB) => void, opts: { overwrite?: boolean } = {}): void {
  const reserved = reservePlanTarget(target);
  try {
    if (!opts.overwrite && fs.existsSync(target)) throw new PlanDeskError('error.exists', { file: path.basename(target) });
    writeAtomicSync(target, (tmp) => writeDatabase(tmp, fill), { beforeRename: () => removeSqliteSideFiles(target) });
  } finally {
    reserved.release();
  }
}

/**
 * Create a database at `tmp` (a temporary name: atomic-write.ts), fill it in one transaction and
 * fold its journal in, so the one file holds everything before it is renamed into place.
 */
function writeDatabase(tmp: string, fill: (db: DB) => void): void {
  const db = createDatabase(tmp);
  try {
    db.transaction(() => fill(db))();
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}

/** Write a whole cycle into an empty, migrated database (the caller owns the transaction). */
export function writeCycle(db: DB, data: CycleData): void {
  const setMeta = db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
  for (const [k, v] of Object.entries(data.meta)) setMeta.run(k, JSON.stringify(v));
  setMeta.run('rules', JSON.stringify(data.rules));
  const insCol = db.prepare(
    `INSERT INTO columns (key, parent_key, position, label_vi, label_en, total_label_vi, total_label_en, source, capital)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // Parents before children (foreign keys).
  const colDepth = (c: FundingColumn): number => {
    let d = 0;
    let p = c.parent;
    while (p) {
      d++;
      p = data.columns.find((x) => x.key === p)?.parent ?? null;
    }
    return d;
  };
  for (const c of [...data.columns].sort((a, b) => colDepth(a) - colDepth(b))) {
    insCol.run(c.key, c.parent, c.position, c.label.vi, c.label.en, c.totalLabel?.vi ?? null, c.totalLabel?.en ?? null, c.source, c.capital);
  }
  insertLines(db, data.lines);
  insertAmounts(db, data.amounts);
  // Only when there are units: tests write older schemas through here too.
  if (data.units?.length) insertUnits(db, data.units, data.shares ?? [], data.scores ?? []);
}

/** Write units (parents first), their shares and scores into a migrated database (issue 14). */
export function insertUnits(db: DB, units: readonly Unit[], shares: readonly Share[], scores: readonly UnitScore[]): void {
  const ins = db.prepare('INSERT INTO units (id, parent_id, position, name, kind, code) VALUES (?, ?, ?, ?, ?, ?)');
  const byId = new Map(units.map((u) => [u.id, u]));
  const done = new Set<number>();
  const put = (u: Unit) => {
    if (done.has(u.id)) return;
    done.add(u.id);
    if (u.parentId !== null && byId.has(u.parentId)) put(byId.get(u.parentId)!);
    ins.run(u.id, u.parentId, u.position, u.name, u.kind, u.code);
  };
  for (const u of units) put(u);
  const share = db.prepare('INSERT INTO unit_shares (unit_id, line_id, column_key, value) VALUES (?, ?, ?, ?)');
  for (const s of shares) share.run(s.unitId, s.lineId, s.column, s.value);
  const score = db.prepare('INSERT OR REPLACE INTO unit_scores (scheme, unit_id, score) VALUES (?, ?, ?)');
  for (const s of scores) score.run(s.scheme, s.unitId, s.score);
}

/** The units, shares and scores of a file (none in a file from before migration 3, read without migrating). */
export function readUnits(db: DB): Pick<Required<CycleData>, 'units' | 'shares' | 'scores'> {
  if (!db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'units'").get()) return { units: [], shares: [], scores: [] };
  const units = (db.prepare('SELECT id, parent_id, position, name, kind, code FROM units ORDER BY id').raw().all() as [number, number | null, number, string, Unit['kind'], string][]).map(
    ([id, parentId, position, name, kind, code]): Unit => ({ id, parentId, position, name, kind, code }),
  );
  const shares = (db.prepare('SELECT unit_id, line_id, column_key, value FROM unit_shares').raw().all() as [number, number, string, number][]).map(
    ([unitId, lineId, column, value]): Share => ({ unitId, lineId, column, value }),
  );
  const scores = (db.prepare('SELECT scheme, unit_id, score FROM unit_scores').raw().all() as [string, number, number][]).map(
    ([scheme, unitId, score]): UnitScore => ({ scheme, unitId, score }),
  );
  return { units, shares, scores };
}

const INSERT_LINE = `INSERT INTO lines (id, parent_id, position, code, name, agency, note, allowed_capital, is_adjustment)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`;

export function insertLines(db: DB, lines: readonly Line[]): void {
  const ins = db.prepare(INSERT_LINE);
  // Parents before children, whatever order the caller gave.
  const byId = new Map(lines.map((l) => [l.id, l]));
  const done = new Set<number>();
  const put = (l: Line) => {
    if (done.has(l.id)) return;
    if (l.parentId !== null && byId.has(l.parentId)) put(byId.get(l.parentId)!);
    done.add(l.id);
    ins.run(lineParams(l));
  };
  for (const l of lines) put(l);
}

export function lineParams(l: Line): unknown[] {
  return [
    l.id, l.parentId, l.position, l.code, l.name, l.agency, l.note,
    l.allowedCapital ? l.allowedCapital.join(',') : null, l.isAdjustment ? 1 : 0,
  ];
}

export function insertAmounts(db: DB, amounts: readonly Amount[]): void {
  const ins = db.prepare('INSERT OR REPLACE INTO amounts (line_id, column_key, value) VALUES (?, ?, ?)');
  for (const a of amounts) ins.run(a.lineId, a.column, a.value);
}

interface LineRow {
  id: number;
  parent_id: number | null;
  position: number;
  code: string;
  name: string;
  agency: string;
  note: string;
  allowed_capital: string | null;
  is_adjustment: number;
}

export function rowToLine(r: LineRow): Line {
  return {
    id: r.id, parentId: r.parent_id, position: r.position, code: r.code, name: r.name, agency: r.agency, note: r.note,
    allowedCapital: r.allowed_capital === null ? null : (r.allowed_capital.split(',').filter(Boolean) as CapitalType[]),
    isAdjustment: r.is_adjustment === 1,
  };
}

/** Read a whole cycle. */
export function readCycle(db: DB): CycleData {
  const metaRows = db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[];
  const metaMap = new Map(metaRows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
  // The stored values are this app's own JSON, written through the meta schema.
  const stored: Record<string, unknown> = {};
  for (const k of Object.keys(META_DEFAULTS)) if (metaMap.has(k)) stored[k] = metaMap.get(k);
  const meta: CycleMeta = Object.assign({ ...META_DEFAULTS }, stored);
  // Files from before the annex number was a plan detail kept it in their print settings.
  const legacyPrint = metaMap.get('print') as { annexNumber?: unknown } | null | undefined;
  if (!metaMap.has('annexNumber') && typeof legacyPrint?.annexNumber === 'string') meta.annexNumber = legacyPrint.annexNumber;
  const rules: RuleParams = { ...DEFAULT_RULES, ...((metaMap.get('rules') as Partial<RuleParams>) ?? {}) };
  const columns = (db.prepare('SELECT * FROM columns').all() as Record<string, string | number | null>[]).map(
    (r): FundingColumn => ({
      key: r.key as string,
      parent: r.parent_key as string | null,
      position: r.position as number,
      label: { vi: r.label_vi as string, en: r.label_en as string },
      ...(r.total_label_vi ? { totalLabel: { vi: r.total_label_vi as string, en: (r.total_label_en as string) ?? '' } } : {}),
      source: r.source as FundingColumn['source'],
      capital: r.capital as FundingColumn['capital'],
    }),
  );
  const lines = (db.prepare('SELECT * FROM lines ORDER BY id').all() as LineRow[]).map(rowToLine);
  const amounts = (db.prepare('SELECT line_id, column_key, value FROM amounts').raw().all() as [number, string, number][]).map(
    ([lineId, column, value]): Amount => ({ lineId, column, value }),
  );
  // Units appear only when the file has some: a plan without units reads as it always did.
  const { units, shares, scores } = readUnits(db);
  return { meta, columns, lines, amounts, rules, ...(units.length ? { units, shares, scores } : {}) };
}

/** An open cycle file. */
export interface CycleFile {
  readonly db: DB;
  readonly path: string;
  readonly readOnly: boolean;
  data(): CycleData;
  close(): void;
}

export function openCycleFile(file: string, opts: OpenOptions = {}): CycleFile {
  const db = openDatabase(file, opts);
  return {
    db,
    path: path.resolve(file),
    readOnly: !!opts.readOnly,
    data: () => readCycle(db),
    close: () => db.close(),
  };
}
