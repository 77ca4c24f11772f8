// The disbursement report import as the window's dialog shows it (pure, so it is tested without a
// window): where the as-of date comes from and the choices of date (the heading's, an existing
// reporting date, another), the summary and notes, the report's columns and how each is read, what
// would be written per fund (the year's own and each carried-over year) and measure, and the lists
// by cell address — the report's plan figures that differ from the plan (never written), cells not
// placed and why, lines the plan lacks, numbers read from text. Texts through the dictionary.
import type { ExecutionImportReport, ExecutionToWrite } from '../../../../shared/commands/execution';
import type { ReportDate } from '../../../../shared/execution/model';
import type { Translate } from '../../../../shared/i18n';
import { formatAmount, type NumberLocale } from '../../../../shared/number';
import { viDate } from '../../../../shared/print/execution-report';

/** The date the import writes to: the heading's (no asOf sent) or a date chosen. */
export type AsOfChoice = { kind: 'file' } | { kind: 'date'; asOf: string };

export interface DateOption {
  value: string;
  label: string;
}

/** The dialog's date choices: the heading's date (when the file states one), each existing reporting date, another date. */
export function dateOptions(fileAsOf: string | null, dates: readonly ReportDate[], t: Translate): DateOption[] {
  const out: DateOption[] = [];
  if (fileAsOf) out.push({ value: 'file', label: t('execimport.asOf.file', { date: viDate(fileAsOf) }) });
  for (const d of dates) out.push({ value: d.asOf, label: t('execimport.asOf.existing', { date: viDate(d.asOf), kind: t(`execution.kind.${d.kind}`) }) });
  out.push({ value: 'new', label: t('execimport.asOf.new') });
  return out;
}

/** The `asOf` argument of execution/read and execution/import for a choice (undefined: the heading's). */
export const asOfArg = (c: AsOfChoice): string | undefined => (c.kind === 'date' ? c.asOf : undefined);

export interface FundRow {
  fund: string;
  measure: string;
  count: number;
  sum: string;
}

export interface ImportSection {
  id: 'planDifferences' | 'notPlaced' | 'unmatched' | 'textNumbers' | 'sections';
  title: string;
  items: string[];
}

export interface ImportView {
  summary: string;
  notes: string[];
  columns: { letter: string; header: string; role: string; plan: string }[];
  funds: FundRow[];
  /** Shown in place of the funds' table when nothing would change. */
  nothing: string | null;
  sections: ImportSection[];
  /** Figures the import writes (the button's count). */
  written: number;
}

export interface ViewEnv {
  t: Translate;
  /** A funding column's name in the plan ('NSTW / ĐTPT'). */
  columnName: (key: string) => string;
  planYear: number;
  locale: NumberLocale;
}

export function importView(r: ExecutionImportReport, toWrite: readonly ExecutionToWrite[], env: ViewEnv): ImportView {
  const { t, columnName } = env;
  const unit = t(`unit.${r.unit}`);
  const money = (v: number) => formatAmount(v, r.unit, env.locale);
  const notes: string[] = [];
  notes.push(t(r.asOfFrom === 'given' ? 'execimport.date.chosen' : 'execimport.date.file', { date: viDate(r.asOf) }));
  if (r.fileAsOf && r.fileAsOf !== r.asOf) notes.push(t('execimport.date.differs', { file: viDate(r.fileAsOf) }));
  notes.push(t(r.dateCreated ? 'execimport.date.new' : 'execimport.date.existing', { date: viDate(r.asOf) }));
  if (r.unitFrom === 'plan_figures') notes.push(t('execution.import.unitFromPlan', { unit }));
  else if (r.unitFrom === 'plan') notes.push(t('execution.import.unitAssumed', { unit }));
  for (const c of r.carryover) {
    notes.push(t('execimport.carryoverYear', { year: c.year, from: t(`execution.import.yearFrom.${c.yearFrom}`) }));
    if (c.created) notes.push(t('execimport.carryoverNew', { year: c.year }));
  }
  if (r.totalRows.length) notes.push(t('execimport.totalRows', { rows: r.totalRows.join(', ') }));

  const fundName = (fund: number | null, carried: boolean) =>
    carried ? (fund === null ? t('execution.import.fundUnknown') : t('execution.import.fund', { year: fund })) : '';
  const columns = r.columns.map((c) => {
    const role = c.carried && c.role === 'plan' ? t('execution.import.role.carryoverPlan') : t(`execution.import.role.${c.role}`);
    return {
      letter: c.letter,
      header: c.header,
      role: [role, c.derived && c.role !== 'derived' ? t('execution.import.derived') : '', fundName(c.fund, c.carried)].filter(Boolean).join(' '),
      plan: c.plan ? columnName(c.plan) : '',
    };
  });

  const funds: FundRow[] = toWrite.map((w) => ({
    fund: w.fund === 0 ? t('execimport.fund.own', { year: env.planYear }) : t('execimport.fund.carried', { year: w.fund }),
    measure: t(`execimport.measure.${w.measure}`),
    count: w.count,
    sum: money(w.sum),
  }));

  const col = (key: string | null) => (key ? columnName(key) : '—');
  const sections: ImportSection[] = [
    {
      id: 'planDifferences',
      title: t('execution.import.planDifferences'),
      items: r.planDifferences.map((d) => `${d.address}: ${d.line} ${d.name} — ${col(d.column)}: ${money(d.file)} ≠ ${money(d.plan)}`),
    },
    {
      id: 'notPlaced',
      title: t('execution.import.notPlaced'),
      items: r.notPlaced.map((n) => `${n.address}: ${n.line} — ${col(n.column)}: ${money(n.value)} — ${t(`execution.import.reason.${n.reason}`)}`),
    },
    { id: 'unmatched', title: t('execution.import.unmatched'), items: r.unmatched.map((u) => `${u.address}: ${[u.code, u.name].filter(Boolean).join(' ')}`) },
    { id: 'textNumbers', title: t('execution.import.textNumbers'), items: r.textNumbers.map((x) => `${x.address}: "${x.text}" = ${money(x.value)}`) },
    {
      id: 'sections',
      title: t('execimport.sections'),
      items: r.sections.map((s) =>
        t('execution.import.section', { row: s.row, title: s.title, what: s.carried ? fundName(s.fund, true).replace(/^— /, '') : t('execution.import.sectionYear') }),
      ),
    },
  ];
  return {
    summary: t('execution.import.read', { sheet: r.sheet, date: viDate(r.asOf), lines: r.lines, matched: r.matched, unit }),
    notes,
    columns,
    funds,
    nothing: r.written === 0 ? t('execimport.funds.none', { unchanged: r.unchanged }) : null,
    sections: sections.filter((s) => s.items.length > 0),
    written: r.written,
  };
}
