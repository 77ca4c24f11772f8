// Next year's plan starts from this year's: the same lines (same ids, so the two files compare line
// by line), funding columns, rule parameters and area settings (print layout, templates…), with or
// without the amounts. The new file shares this one's lineage, starts with an empty undo log and an
// audit log that says where it came from. Written under a temporary name and renamed into place.
import fs from 'node:fs';
import path from 'node:path';
import type { CycleData, RuleParams } from '../../../shared/model';
import { DEFAULT_RULES } from '../../../shared/model';
import { SETTING_KEYS } from '../../../shared/settings';
import type { SessionContext } from '../context';
import { PlanDeskError } from '../errors';
import { writeCycle, writePlanFile } from '../store/cycle-file';
import type { DB } from '../store/db';
import { AuditLog } from './audit-log';
import { stepLabel } from '../../../shared/step-label';

export interface NewCycleOptions {
  year: number;
  keepAmounts: boolean;
  docNumber?: string;
}

/** The next cycle's data, from the current one. */
export function nextCycleData(ctx: SessionContext, opts: NewCycleOptions): CycleData {
  const cur = ctx.cycle();
  return {
    meta: { ...cur.meta, year: opts.year, docNumber: opts.docNumber ?? '', docDate: '' },
    columns: cur.columns,
    lines: cur.lines,
    amounts: opts.keepAmounts ? cur.amounts : [],
    rules: nextRules(cur.rules, opts.year),
    // The units and their criteria scores go on to next year (issue 14); their shares are this
    // year's figures, kept only with the amounts.
    ...(cur.units ? { units: cur.units, scores: cur.scores, shares: opts.keepAmounts ? cur.shares : [] } : {}),
  };
}

/** From 2026 the counterpart level is set by the competent authority (NĐ 358/2025/NĐ-CP). */
const BASIS_2026 = 'NĐ 358/2025/NĐ-CP';

/**
 * The next cycle's rule parameters. The 2021–2025 default level (10%, QĐ 02/2022/QĐ-TTg; a cycle
 * written before the basis existed had that level) does not hold from 2026: carried over, it would
 * check the new plan against a repealed level without anyone choosing it. So it becomes "no level
 * yet" and the rule asks for one. A level the officer set themselves (another percentage, or 10% on
 * another basis) is theirs and goes on.
 */
export function nextRules(rules: RuleParams, year: number): RuleParams {
  const oldDefault = rules.counterpartMinPercent === DEFAULT_RULES.counterpartMinPercent
    && (rules.counterpartBasis === undefined || rules.counterpartBasis === '' || rules.counterpartBasis === DEFAULT_RULES.counterpartBasis);
  if (year < 2026 || !oldDefault) return rules;
  return { ...rules, counterpartMinPercent: null, counterpartBasis: BASIS_2026 };
}

/** Write the next cycle to `file` (which must not be the open file). */
export function createNextCycle(ctx: SessionContext, file: string, opts: NewCycleOptions): void {
  const target = path.resolve(file);
  if (target === ctx.info.path) throw new PlanDeskError('error.same_file');
  // Never replace a plan: a new cycle goes to a new file.
  if (fs.existsSync(target)) throw new PlanDeskError('error.exists', { file: path.basename(target) });
  // writePlanFile makes the one check before a write (not a plan's -wal/-shm/lock, a backup, a plan held elsewhere).
  writeNextCycle(ctx, target, opts);
}

function writeNextCycle(ctx: SessionContext, target: string, opts: NewCycleOptions): void {
  const data = nextCycleData(ctx, opts);
  const lineage = ctx.lineage();
  const source = `${ctx.info.name}${ctx.meta.docNumber ? ` (${ctx.meta.docNumber})` : ''}`;
  const fill = (db: DB) => {
    writeCycle(db, data);
    const setMeta = db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
    for (const key of SETTING_KEYS) {
      const v = ctx.setting(key);
      if (v !== undefined && v !== null) setMeta.run(key, JSON.stringify(v));
    }
    if (lineage) setMeta.run('lineage', JSON.stringify(lineage));
    new AuditLog(db).note('created', stepLabel(opts.keepAmounts ? 'history.note.created' : 'history.note.createdNoAmounts', { source, from: ctx.meta.year, to: opts.year }));
  };
  writePlanFile(target, fill);
}
