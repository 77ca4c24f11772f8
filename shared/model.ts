// The data model of one planning cycle: lines (a tree), funding columns (a tree), amounts, metadata.
// Pure types and tiny helpers; every layer (engine, renderer, CLI, importers, rules) speaks these.

/** Amounts are integers of đồng (VND has no minor unit); never floats of millions. */
export type Dong = number;

/** Largest amount we accept for one cell: keeps every sum far below 2^53 (exact in a JS number). */
export const MAX_CELL_DONG = 1e15; // one million tỷ đồng: far above any national programme

export type CapitalType = 'investment' | 'recurrent';
export type FundSource = 'central' | 'local' | 'other';

/** A funding column. Group columns (with children) are totals; leaf columns hold entered amounts. */
export interface FundingColumn {
  key: string;
  parent: string | null;
  position: number;
  /** Full label (header, exports). */
  label: { vi: string; en: string };
  /** Label of the "own total" sub-header under a group (e.g. "Tổng" under NSTW). */
  totalLabel?: { vi: string; en: string };
  source: FundSource | null;
  capital: CapitalType | null;
}

export interface Line {
  id: number;
  parentId: number | null;
  /** Order among siblings (0, 1, 2…). */
  position: number;
  code: string;
  name: string;
  agency: string;
  note: string;
  /** Capital types the line may take; null = any (rule 3 parameters live on the line). */
  allowedCapital: CapitalType[] | null;
  /** A reduction/adjustment line may hold negative amounts (rule 4). */
  isAdjustment: boolean;
}

/** Editable line text fields. */
export type LineField = 'code' | 'name' | 'agency' | 'note';
export const LINE_FIELDS: readonly LineField[] = ['code', 'name', 'agency', 'note'];

/**
 * One stored amount. Its meaning follows from its position: at a leaf line × leaf column it is
 * an entered amount; anywhere else it is a *stated* total (typed over a total, or read from a
 * document), compared with the computed one. So a line that gains children keeps its figures as
 * stated totals, and loses nothing.
 */
export interface Amount {
  lineId: number;
  column: string;
  value: Dong;
}

export type DisplayUnit = 'dong' | 'nghin' | 'trieu' | 'ty';
export const UNIT_DONG: Record<DisplayUnit, number> = { dong: 1, nghin: 1e3, trieu: 1e6, ty: 1e9 };

export interface CycleMeta {
  program: string;
  year: number;
  /** Issuing body, e.g. "Ủy ban nhân dân tỉnh Đắk Nông". */
  issuer: string;
  /** Short place name for the document header, e.g. "Đắk Nông". */
  place: string;
  docNumber: string;
  /** ISO date yyyy-mm-dd. */
  docDate: string;
  docKind: string;
  unit: DisplayUnit;
  /** Number convention used to read typed and pasted numbers. */
  numberLocale: 'vi-VN' | 'en-US';
  signature: SignatureBlock;
  /**
   * The annex's number, as in "Phụ lục I" (print and export). Optional: files written before it
   * existed have none and print "Phụ lục I" (or the number their print settings kept).
   */
  annexNumber?: string;
}

export interface SignatureBlock {
  /** e.g. "TM. ỦY BAN NHÂN DÂN" (the body signed for; optional: older files have none). */
  onBehalf?: string;
  /** e.g. "KT. CHỦ TỊCH" */
  authority: string;
  /** e.g. "PHÓ CHỦ TỊCH" */
  title: string;
  signer: string;
  preparedBy: string;
  /** The list under "Nơi nhận:", one recipient a line (optional: older files have none). */
  recipients?: string;
}

export interface RuleParams {
  /**
   * Minimum local counterpart, percent of central support: 10 for the 2021–2025 programs (QĐ
   * 02/2022/QĐ-TTg). Null: no level set yet — from 2026 NĐ 358/2025/NĐ-CP leaves it to the competent
   * authority; the rule is then inactive and one info finding asks for it (never a silent default).
   */
  counterpartMinPercent: number | null;
  /**
   * The legal basis of that level, as the officer cites it ("QĐ 02/2022/QĐ-TTg"). Optional: cycles
   * written before it existed read as the default's (their level was the 2021–2025 one).
   */
  counterpartBasis?: string;
  /** Tolerance for sum and ratio checks, in đồng (default: half of the display unit). */
  toleranceDong: number | null;
  /** Also check the counterpart share per project / sub-project line (warnings). */
  counterpartPerLine: boolean;
  /**
   * Slack of the counterpart check in percentage points (default 0.005: a ratio that shows as
   * "10,00%" is not flagged). Plans round each line's counterpart in the display unit, which leaves
   * e.g. the seed's line 1.1 at 9,998% — 1,7 triệu short, more than half a unit. Optional so that
   * cycles written before it existed stay valid; shared/rules applies the default.
   */
  counterpartTolerancePercent?: number;
  /** Deepest line level checked per line for counterpart (0 = projects, default 1 = sub-projects). */
  counterpartLineDepth?: number;
}

/**
 * Who carries a plan out (issue 14): departments, districts, communes… A tree where the user wants
 * one (province → departments, communes), no fixed level. Data of the cycle: renamed, merged.
 */
export type UnitKind = 'province' | 'department' | 'district' | 'commune' | 'other';
export const UNIT_KINDS: readonly UnitKind[] = ['province', 'department', 'district', 'commune', 'other'];

export interface Unit {
  id: number;
  parentId: number | null;
  /** Order among siblings (0, 1, 2…). */
  position: number;
  name: string;
  kind: UnitKind;
  /** Optional code (e.g. the commune's administrative code); '' when none. */
  code: string;
}

/** A unit's share of one line's figure in one funding column (integer đồng). */
export interface Share {
  unitId: number;
  lineId: number;
  column: string;
  value: Dong;
}

/** A unit's score in a criteria scheme (allocation by criteria), kept for next year. */
export interface UnitScore {
  scheme: string;
  unitId: number;
  score: number;
}

export interface CycleData {
  meta: CycleMeta;
  columns: FundingColumn[];
  lines: Line[];
  amounts: Amount[];
  rules: RuleParams;
  /** The cycle's units (issue 14); absent = none (plans built before units, imports of a plan table). */
  units?: Unit[];
  /** Units' shares of the lines; absent = none. */
  shares?: Share[];
  /** Criteria scores per scheme and unit; absent = none. */
  scores?: UnitScore[];
}

/** Key of a cell in maps: `${lineId}:${column}`. */
export const cellKey = (lineId: number, column: string): string => `${lineId}:${column}`;

export const DEFAULT_RULES: RuleParams = {
  counterpartMinPercent: 10,
  counterpartBasis: 'QĐ 02/2022/QĐ-TTg',
  toleranceDong: null,
  counterpartPerLine: true,
};
