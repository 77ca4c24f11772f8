// Consolidation (issue 16): the files the units sent back, collected against the open plan. Each
// file is read (recognise.ts) and told: which unit (the split file's hidden sheet, the letterhead,
// a "Đơn vị:" line, the file name — matched by unitNameKey; two different units named = unsure),
// that it is this year's and this program's, and whether it is a plan or a disbursement report.
// A plan's lines are matched to the plan's (transfer/match-lines.ts); the rows below a matched line
// that holds figures which are not plan lines are the unit's detail. The unit's figures are
// compared with its shares: equal → ok, else held (merged only when the officer accepts). Bad files
// are each listed with the reason; nothing is merged from them; the others go on. The actions of
// everything merged form ONE undo step (the caller commits them).
import fs from 'node:fs';
import path from 'node:path';
import type { FileOutcome, Reason } from '../../../shared/commands/consolidation';
import type { DetailLine, Difference, UnitDetail } from '../../../shared/consolidation/model';
import type { CycleData, Dong, Line, Unit } from '../../../shared/model';
import { unitNameKey } from '../../../shared/units/names';
import type { DocAction } from '../actions';
import type { SessionContext } from '../context';
import { PlanDeskError } from '../errors';
import { checkAbort } from '../excel/errors';
import { fold } from '../excel/text';
import { planExecutionImport } from '../execution/import';
import { holdsFigures } from '../commands/units';
import { matchLines } from '../transfer/match-lines';
import { compareBasis, unitDifferences } from './compare';
import { recogniseFile, unpackTable, type Recognised } from './recognise';
import { isUnitSheetInFolder, MAX_UNIT_FILES, skippedInFolder } from '../../../shared/consolidation/unit-files';


export interface CollectOptions {
  acceptMismatch: boolean;
  signal?: AbortSignal;
  /** 0..1 as the files are read. */
  onProgress?: (fraction: number) => void;
  /** The time written as "received" (ISO). */
  now: string;
  /** Reads one file; recogniseFile unless given (a worker pool reads them in parallel). */
  read?: (file: string, signal?: AbortSignal) => Promise<Recognised>;
  /** How many files are read at once (the pool's size). */
  parallel?: number;
}

/** One unit's plan file, checked. */
export interface UnitResult {
  unit: Unit;
  file: string;
  detail: UnitDetail;
  differences: Difference[];
}

export interface Collected {
  files: FileOutcome[];
  /** The units whose plan file was read this time, by unit id (ok, mismatch: see differences). */
  units: Map<number, UnitResult>;
  /** Units whose only file this time was refused, with why. */
  refused: Map<number, { file: string; reason: Reason }>;
  /** The actions merging what is merged (one undo step), in order. */
  actions: DocAction[];
  merged: number;
}

const reason = (key: string, params: Record<string, string | number> = {}): Reason => ({ key, params });

/** Files and folders → the spreadsheet files to read (a folder's sub-folders too; lock files "~$…" and hidden files left out). */
export async function expandPaths(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (f: string) => {
    const abs = path.resolve(f);
    if (seen.has(abs)) return;
    seen.add(abs);
    if (out.length >= MAX_UNIT_FILES) throw new PlanDeskError('consolidation.error.too_many', { max: MAX_UNIT_FILES });
    out.push(abs);
  };
  const walk = async (dir: string): Promise<void> => {
    const entries = await fs.promises.readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      if (skippedInFolder(e.name)) continue;
      const p = path.join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile() && isUnitSheetInFolder(e.name)) add(p);
    }
  };
  for (const p of paths) {
    let st: fs.Stats;
    try {
      st = await fs.promises.stat(p);
    } catch {
      add(p); // read and refused as not found, in its place in the list
      continue;
    }
    if (st.isDirectory()) await walk(p);
    else add(p);
  }
  return out;
}

/**
 * The cycle's units by their name key, built once per consolidation: folding 3.300 names again for
 * each of 3.300 files was 10,9 million unitNameKey calls (~17 s of the host's thread).
 */
export class UnitIndex {
  readonly byKey = new Map<string, Unit>();
  constructor(units: Iterable<Unit>) {
    for (const u of units) this.byKey.set(unitNameKey(u.name), u);
  }
}

/** The unit a file names, or why it cannot be told. */
export function identifyUnit(units: Iterable<Unit> | UnitIndex, r: Pick<Recognised, 'names'>): { unit: Unit } | { reason: Reason } {
  const byKey = (units instanceof UnitIndex ? units : new UnitIndex(units)).byKey;
  const find = (name: string) => byKey.get(unitNameKey(name));
  const mark = r.names.find((n) => n.source === 'mark');
  if (mark) {
    const u = find(mark.name);
    return u ? { unit: u } : { reason: reason('consolidation.reason.unknown_unit', { name: mark.name }) };
  }
  const pick = (sources: string[]): { unit: Unit } | { reason: Reason } | null => {
    const found = new Map<number, Unit>();
    for (const n of r.names) {
      if (!sources.includes(n.source)) continue;
      const u = n.source === 'file_name' ? fileNameUnit(byKey, n.name) : find(n.name);
      if (u) found.set(u.id, u);
    }
    if (found.size === 1) return { unit: [...found.values()][0] };
    if (found.size > 1) return { reason: reason('consolidation.reason.unsure', { units: [...found.values()].map((u) => u.name).join('; ') }) };
    return null;
  };
  const said = pick(['letterhead', 'unit_line']) ?? pick(['file_name']);
  if (said) return said;
  const named = r.names.find((n) => n.source !== 'file_name') ?? r.names[0];
  return { reason: reason('consolidation.reason.unknown_unit', { name: named?.name ?? '' }) };
}

/**
 * "UBND-huyen-Krong-No-2" (split's file names, a copy's "(1)"), "UBND-huyen-Krong-No-giai-ngan" (the
 * unit's name and then words of its own) → the unit of that name: the whole name, else the longest
 * unit name the file name starts with, word by word.
 */
function fileNameUnit(byKey: ReadonlyMap<string, Unit>, stem: string): Unit | undefined {
  const plain = stem.replace(/\s*\(\d+\)$/, '').replace(/[-_.]+/g, ' ');
  const exact = byKey.get(unitNameKey(plain)) ?? byKey.get(unitNameKey(plain.replace(/\s\d+$/, '')));
  if (exact) return exact;
  const words = unitNameKey(plain).split(' ');
  for (let n = words.length - 1; n >= 2; n--) {
    const u = byKey.get(words.slice(0, n).join(' '));
    if (u) return u;
  }
  return undefined;
}

/** Another year's or program's file, said with which; null when it is this plan's (or does not say). */
export function wrongCycle(ctx: Pick<SessionContext, 'meta'>, r: Pick<Recognised, 'year' | 'program'>): Reason | null {
  if (r.year !== null && r.year !== ctx.meta.year) return reason('consolidation.reason.another_year', { year: r.year, planYear: ctx.meta.year });
  if (r.program && ctx.meta.program && fold(r.program) !== fold(ctx.meta.program)) return reason('consolidation.reason.another_program', { program: r.program });
  return null;
}

/** The imported lines in the file's order (a parent before its children, siblings by position). */
function fileOrder(lines: readonly Line[]): Line[] {
  const kids = new Map<number | null, Line[]>();
  const ids = new Set(lines.map((l) => l.id));
  for (const l of lines) {
    const p = l.parentId !== null && ids.has(l.parentId) ? l.parentId : null;
    let k = kids.get(p);
    if (!k) kids.set(p, (k = []));
    k.push(l);
  }
  for (const k of kids.values()) k.sort((a, b) => a.position - b.position);
  const out: Line[] = [];
  const stack: Line[] = [...(kids.get(null) ?? [])].reverse();
  while (stack.length) {
    const l = stack.pop()!;
    out.push(l);
    for (const c of [...(kids.get(l.id) ?? [])].reverse()) stack.push(c);
  }
  return out;
}

/**
 * A unit's file read as a plan table → its detail lines and its figures per plan line. Rows below a
 * matched line that holds figures, up to the next matched line, are the unit's detail (their
 * sub-tree kept where the file nests them); rows before any such line are left out (counted).
 */
export function unitDetailOf(ctx: Pick<SessionContext, 'calc' | 'columns'>, unitId: number, data: Pick<CycleData, 'lines' | 'amounts'>, file: string, now: string): { detail: UnitDetail; unplaced: number } {
  const leaves = ctx.columns.leaves.map((c) => c.key);
  const leafSet = new Set(leaves);
  const values = new Map<number, Record<string, Dong>>();
  for (const a of data.amounts) {
    if (!leafSet.has(a.column)) continue;
    let v = values.get(a.lineId);
    if (!v) values.set(a.lineId, (v = {}));
    v[a.column] = a.value;
  }
  const match = matchLines([...ctx.calc.lines.values()], data.lines);
  const lines: DetailLine[] = [];
  const reported: Record<number, Record<string, Dong>> = {};
  const seqOf = new Map<number, number>();
  let anchor: number | null = null;
  let unplaced = 0;
  const detailed = new Set<number>();
  for (const l of fileOrder(data.lines)) {
    const planId = match.get(l.id);
    if (planId !== undefined) {
      anchor = holdsFigures(ctx, planId) ? planId : null;
      if (anchor !== null) reported[anchor] = { ...(reported[anchor] ?? {}), ...(values.get(l.id) ?? {}) };
      continue;
    }
    if (anchor === null) {
      unplaced++;
      continue;
    }
    const seq = lines.length;
    seqOf.set(l.id, seq);
    const parentSeq = l.parentId !== null ? seqOf.get(l.parentId) ?? null : null;
    lines.push({ seq, parentSeq, lineId: anchor, code: l.code, name: l.name, values: { ...(values.get(l.id) ?? {}) } });
    if (parentSeq === null) detailed.add(anchor);
  }
  // Where a line has detail, the detail's sum (per column it gives) is the unit's figure.
  for (const lineId of detailed) {
    const sums: Record<string, Dong> = {};
    for (const d of lines) if (d.lineId === lineId && d.parentSeq === null) for (const [k, v] of Object.entries(d.values)) sums[k] = (sums[k] ?? 0) + v;
    reported[lineId] = { ...(reported[lineId] ?? {}), ...sums };
  }
  for (const [id, v] of Object.entries(reported)) for (const k of Object.keys(v)) if (v[k] === 0) delete v[k];
  return { detail: { unitId, file: path.basename(file), received: now, reported, lines }, unplaced };
}

function errorReason(e: unknown): Reason {
  if (e instanceof PlanDeskError) return reason(e.code, e.params);
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return reason('consolidation.reason.not_found', {});
  return reason('consolidation.reason.unreadable', { detail: String((e as Error)?.message ?? e).slice(0, 200) });
}

/** Read the files a few at a time, in order of the list (results in the same order). */
async function readAll(files: string[], opts: CollectOptions): Promise<({ ok: Recognised } | { error: unknown })[]> {
  const read = opts.read ?? recogniseFile;
  const out = new Array<{ ok: Recognised } | { error: unknown }>(files.length);
  let next = 0;
  let done = 0;
  const lane = async () => {
    while (next < files.length) {
      checkAbort(opts.signal);
      const i = next++;
      try {
        out[i] = { ok: await read(files[i], opts.signal) };
      } catch (e) {
        if ((e as Error)?.name === 'AbortError' || opts.signal?.aborted) throw e;
        out[i] = { error: e };
      }
      opts.onProgress?.(++done / files.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.parallel ?? 1, files.length)) }, lane));
  return out;
}

/** Collect `paths` against the open plan: what merges, what is held, what is refused, and the actions. */
export async function collect(ctx: SessionContext, paths: readonly string[], opts: CollectOptions): Promise<Collected> {
  const files = await expandPaths(paths);
  const read = await readAll(files, opts);
  const outcomes: FileOutcome[] = files.map((file) => ({ file, status: 'refused', unit: null, kind: null, reason: null }));
  const units = ctx.units.units;
  const index = new UnitIndex(units.values());
  // Recognised files by unit and kind: of two from one unit, the newer is taken, the other refused naming it.
  const chosen = new Map<string, { i: number; r: Recognised; unit: Unit }>();
  read.forEach((x, i) => {
    const o = outcomes[i];
    if ('error' in x) {
      o.reason = errorReason(x.error);
      return;
    }
    const r = x.ok;
    o.kind = r.kind;
    const who = identifyUnit(index, r);
    if ('reason' in who) {
      o.reason = who.reason;
      return;
    }
    o.unit = who.unit.name;
    const wrong = wrongCycle(ctx, r);
    if (wrong) {
      o.reason = wrong;
      return;
    }
    const key = `${who.unit.id}:${r.kind}`;
    const before = chosen.get(key);
    if (before) {
      const [newer, older] = r.modified > before.r.modified ? [{ i, r, unit: who.unit }, before] : [before, { i, r, unit: who.unit }];
      outcomes[older.i].reason = reason('consolidation.reason.duplicate', { newer: path.basename(newer.r.file) });
      chosen.set(key, newer);
    } else chosen.set(key, { i, r, unit: who.unit });
  });
  // Files refused after naming their unit: the unit's status says so when nothing else came from it.
  const refused = new Map<number, { file: string; reason: Reason }>();
  const byName = new Map<string, Unit>();
  for (const u of units.values()) if (!byName.has(u.name)) byName.set(u.name, u);
  outcomes.forEach((o) => {
    if (o.status !== 'refused' || !o.unit || !o.reason) return;
    const u = byName.get(o.unit);
    if (u && !refused.has(u.id)) refused.set(u.id, { file: path.basename(o.file), reason: o.reason });
  });
  const results = new Map<number, UnitResult>();
  const actions: DocAction[] = [];
  const basis = compareBasis(ctx);
  let merged = 0;
  // Execution reports: new reporting dates made once per as-of date across the files.
  const dateIds = new Map<string, number>();
  let nextDate = ctx.execution.nextDateId();
  for (const { i, r, unit } of [...chosen.values()].sort((a, b) => a.i - b.i)) {
    const o = outcomes[i];
    refused.delete(unit.id);
    if (r.kind === 'execution') {
      try {
        const exec = executionActions(ctx, r, unit.id, dateIds, () => nextDate++);
        actions.push(...exec);
        o.status = 'merged';
        merged++;
      } catch (e) {
        o.reason = errorReason(e);
        refused.set(unit.id, { file: path.basename(r.file), reason: o.reason });
      }
      continue;
    }
    const { detail } = unitDetailOf(ctx, unit.id, unpackTable(r.table!), r.file, opts.now);
    const diffs = unitDifferences(ctx, unit.id, detail.reported, basis);
    results.set(unit.id, { unit, file: path.basename(r.file), detail, differences: diffs });
    if (diffs.length && !opts.acceptMismatch) {
      o.status = 'held';
      o.reason = reason('consolidation.reason.mismatch', { count: diffs.length });
      continue;
    }
    o.status = 'merged';
    o.reason = null;
    merged++;
    actions.push({ t: 'unit_detail', unitId: unit.id, old: ctx.unitDetails.get(unit.id) ?? null, new: detail });
  }
  return { files: outcomes, units: results, refused, actions, merged };
}

/** A unit's disbursement report → its figures for the file's as-of date (the execution importer's, keyed by the unit). */
function executionActions(ctx: SessionContext, r: Recognised, unitId: number, dateIds: Map<string, number>, newDateId: () => number): DocAction[] {
  const { actions, report } = planExecutionImport(ctx, r.sheet!, {});
  const out: DocAction[] = [];
  let dateId: number | null = null;
  for (const a of actions) {
    if (a.t === 'report_date' && a.old === null && a.new) {
      const known = dateIds.get(report.asOf);
      if (known !== undefined) dateId = known;
      else {
        dateId = newDateId();
        dateIds.set(report.asOf, dateId);
        out.push({ ...a, id: dateId, new: { ...a.new, id: dateId } });
      }
    }
  }
  for (const a of actions) {
    if (a.t !== 'disbursement') continue;
    const key = { ...a.key, dateId: dateId ?? a.key.dateId, unitId };
    const old = dateId !== null ? null : ctx.execution.getFigure(key);
    if (old === a.new) continue;
    out.push({ t: 'disbursement', key, old, new: a.new });
  }
  return out;
}
