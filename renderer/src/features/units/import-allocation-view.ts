// The import-allocation report as the dialog shows it (pure, so it is tested without a window):
// the summary line, the columns with how each was matched or why it is skipped, and the lists of
// cells by address — units spelled otherwise than in the plan, new units, group and total rows,
// numbers read from text, problems. Texts in the window's language through the dictionary.
import type { AllocationReport } from '../../../../shared/commands/alloc-io';
import type { Translate } from '../../../../shared/i18n';
import { formatAmount } from '../../../../shared/number';

export interface ReportColumnRow {
  letter: string;
  header: string;
  line: string;
  funding: string;
  how: string;
  /** The reason the column is skipped, when it is. */
  problem: string | null;
}

export interface ReportSection {
  id: 'spelling' | 'newUnits' | 'rows' | 'textNumbers' | 'problems';
  title: string;
  items: string[];
}

export interface ReportView {
  summary: string;
  unitNote: string | null;
  columns: ReportColumnRow[];
  sections: ReportSection[];
  /** Something to write (the import button's count). */
  changes: number;
  /** No column can be read: nothing to import. */
  nothingUsable: boolean;
}

export function reportView(r: AllocationReport, t: Translate, columnName: (key: string) => string): ReportView {
  const unit = t(`unit.${r.unit}`);
  const columns: ReportColumnRow[] = r.columns.map((c) => ({
    letter: c.letter,
    header: c.header,
    line: c.line ?? '',
    funding: c.column ? columnName(c.column) : '',
    how: [c.lineHow, c.columnHow].filter((h): h is NonNullable<typeof h> => h !== null).map((h) => t(`allocio.how.${h}`)).join(', '),
    problem: c.problem ? t(`allocio.problem.${c.problem}`) : null,
  }));
  const sections: ReportSection[] = [
    { id: 'spelling', title: t('allocio.cli.spelling'), items: r.units.filter((u) => u.spelledAs).map((u) => `${u.address}: "${u.name}" = "${u.spelledAs}"`) },
    { id: 'newUnits', title: t('allocio.cli.newUnits'), items: r.units.filter((u) => u.unitId === null).map((u) => (u.address ? `${u.address}: ${u.name}` : u.name)) },
    { id: 'rows', title: t('allocio.cli.groupRows'), items: [...r.groupRows, ...r.totalRows].map((g) => `${g.address}: ${g.text}`) },
    { id: 'textNumbers', title: t('allocio.cli.textNumbers'), items: r.textNumbers.map((x) => `${x.address}: "${x.text}" = ${formatAmount(x.value, r.unit)}`) },
    { id: 'problems', title: t('allocio.cli.problems'), items: r.problems.map((p) => `${p.address}: ${t(`allocio.problem.${p.kind}`)} ("${p.text}")`) },
  ];
  return {
    summary: t('allocio.cli.summary', { units: r.units.length, newUnits: r.newUnits, figures: r.figures, changes: r.changes, cleared: r.cleared, unit }),
    unitNote: r.unitAssumed ? t('allocio.cli.unitAssumed', { unit }) : null,
    columns,
    sections: sections.filter((s) => s.items.length > 0),
    changes: r.changes,
    nothingUsable: r.unitFile === null && r.columns.every((c) => c.problem !== null),
  };
}
