// Small builders for the rule engine's tests: lines, plans in triệu đồng, a calc with its rule
// input. Kept out of the *.test.ts files so the unit, property and bench tests share them.
import { PlanCalc } from '../../shared/calc';
import { ColumnTree, defaultColumns } from '../../shared/columns';
import type { Amount, CycleMeta, FundingColumn, Line, RuleParams } from '../../shared/model';
import { DEFAULT_RULES } from '../../shared/model';
import type { RuleInput } from '../../shared/rules/context';

export const TRIEU = 1_000_000;

export function line(id: number, parentId: number | null, over: Partial<Line> = {}): Line {
  return {
    id, parentId, position: id, code: String(id), name: `Dòng ${id}`, agency: '', note: '',
    allowedCapital: null, isAdjustment: false, ...over,
  };
}

export const META: CycleMeta = {
  program: 'Thử', year: 2024, issuer: '', place: '', docNumber: '', docDate: '', docKind: 'Kế hoạch',
  unit: 'trieu', numberLocale: 'vi-VN', signature: { authority: '', title: '', signer: '', preparedBy: '' },
};

/** Amounts given as [lineId, column, value in đồng]. */
export function amounts(...xs: [number, string, number][]): Amount[] {
  return xs.map(([lineId, column, value]) => ({ lineId, column, value }));
}

export function ruleInput(
  lines: Line[],
  stored: Amount[],
  opts: { rules?: Partial<RuleParams>; meta?: Partial<CycleMeta>; columns?: FundingColumn[]; lang?: 'vi' | 'en' } = {},
): RuleInput & { calc: PlanCalc } {
  const calc = new PlanCalc(new ColumnTree(opts.columns ?? defaultColumns()), lines, stored);
  return {
    calc,
    meta: { ...META, ...opts.meta },
    rules: { ...DEFAULT_RULES, ...opts.rules },
    ...(opts.lang ? { lang: opts.lang } : {}),
  };
}
