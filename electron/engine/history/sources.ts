// The two sides of a comparison as plans with computed totals: the open plan (its live model), a
// revision saved in it, or another cycle file — read through a read-only connection after the same
// recognition checks as opening (not ours, newer version), so the other file is never modified.
// An older file is read as it is (only tables every version has are read), without migrating it.
import Database from 'better-sqlite3';
import path from 'node:path';
import type { CompareResult, CompareSide } from '../../../shared/commands/history';
import { PlanCalc } from '../../../shared/calc';
import { ColumnTree } from '../../../shared/columns';
import type { CycleData } from '../../../shared/model';
import type { SessionContext } from '../context';
import { PlanDeskError } from '../errors';
import { isCorruption } from '../safety/file-checks';
import { readCycle } from '../store/cycle-file';
import { inspectCycleFile } from '../store/db';
import { openReadOnly } from '../store/read-only';
import type { ComparePlan } from './compare';
import { readLineage } from './lineage';
import { Revisions } from './revisions';

export interface LoadedSide extends ComparePlan {
  side: CompareSide;
  info: CompareResult['a'];
  unit: string;
}

export function planOf(data: CycleData, lineage: string | null): ComparePlan {
  const columns = new ColumnTree(data.columns);
  const units = data.units?.length ? { units: { units: data.units, shares: data.shares ?? [] } } : {};
  return { calc: new PlanCalc(columns, data.lines, data.amounts), columns, lineage, ...units };
}

/** Read another cycle file (its current state) without writing to it. */
export function readCycleFile(file: string): { data: CycleData; lineage: string | null } {
  inspectCycleFile(file);
  let db: Database.Database;
  try {
    db = openReadOnly(file).db; // leaves no -wal/-shm beside the other file
  } catch (e) {
    throw new PlanDeskError('error.not_plandesk', { file: path.basename(file) }, { cause: e });
  }
  try {
    return { data: readCycle(db), lineage: tableExists(db, 'meta') ? readLineage(db) : null };
  } catch (e) {
    if (isCorruption(e)) throw new PlanDeskError<'error.damaged' | 'error.damaged_no_backup'>('error.damaged_no_backup', { file: path.basename(file), backups: 0, latest: '' }, { cause: e }); // the params of damagedError
    throw e;
  } finally {
    db.close();
  }
}

function tableExists(db: Database.Database, name: string): boolean {
  return !!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name);
}

/**
 * A side read straight from a file, with no session (the CLI): its current state, or one of its
 * revisions by name (or number).
 */
export function loadFileSide(file: string, revision?: string): LoadedSide {
  const abs = path.resolve(file);
  if (revision === undefined) {
    const { data, lineage } = readCycleFile(abs);
    return {
      side: { kind: 'file', path: abs }, ...planOf(data, lineage), unit: data.meta.unit,
      info: { kind: 'file', name: path.basename(abs), docNumber: data.meta.docNumber, lineCount: data.lines.length },
    };
  }
  inspectCycleFile(abs);
  const db = openReadOnly(abs).db;
  try {
    const revisions = new Revisions(db);
    const list = tableExists(db, 'revisions') ? revisions.list() : [];
    const found = list.find((r) => r.name === revision.normalize('NFC').trim()) ?? list.find((r) => String(r.id) === revision);
    if (!found) throw new PlanDeskError('cli.compare.no_revision', { file: path.basename(abs), name: revision });
    const { info, data } = revisions.read(found.id, { computedOnly: true });
    return {
      side: { kind: 'revision', id: found.id }, ...planOf(data, readLineage(db)), unit: data.meta.unit,
      info: { kind: 'revision', name: info.name, docNumber: data.meta.docNumber, lineCount: data.lines.length },
    };
  } finally {
    db.close();
  }
}

export function loadSide(ctx: SessionContext, side: CompareSide): LoadedSide {
  if (side.kind === 'current' || (side.kind === 'file' && path.resolve(side.path) === ctx.info.path)) {
    return {
      side, calc: ctx.calc, columns: ctx.columns, lineage: ctx.lineage(), unit: ctx.meta.unit,
      ...(ctx.units.units.size ? { units: { units: [...ctx.units.units.values()], shares: ctx.units.allShares() } } : {}),
      info: { kind: 'current', name: ctx.info.name, docNumber: ctx.meta.docNumber, lineCount: ctx.calc.lines.size },
    };
  }
  if (side.kind === 'revision') {
    const { info, data } = ctx.revisions.read(side.id, { computedOnly: true });
    return {
      side, ...planOf(data, ctx.lineage()), unit: data.meta.unit,
      info: { kind: 'revision', name: info.name, docNumber: data.meta.docNumber, lineCount: data.lines.length },
    };
  }
  if (!side.path) throw new PlanDeskError('error.invalid_args', { detail: 'path' });
  const file = path.resolve(side.path);
  const { data, lineage } = readCycleFile(file);
  return {
    side: { kind: 'file', path: file }, ...planOf(data, lineage), unit: data.meta.unit,
    info: { kind: 'file', name: path.basename(file), docNumber: data.meta.docNumber, lineCount: data.lines.length },
  };
}
