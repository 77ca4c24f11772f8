// What the consolidation board shows, from the engine's Board: one row per unit with its status
// text, totals beside the allocation and the differences said in words. Pure, so it is tested
// without a window; 3.300 units are one pass over the list.
import type { Board, BoardUnit, FileOutcome } from '../../../../shared/commands/consolidation';
import type { DisplayUnit } from '../../../../shared/model';
import { tStored, type Lang, type Translate } from '../../../../shared/i18n';
import { formatAmount } from '../../../../shared/number';

export interface BoardRow {
  unitId: number;
  name: string;
  status: BoardUnit['status'];
  statusText: string;
  file: string;
  received: string;
  allocated: string;
  reported: string;
  differences: string[];
}

const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);

/** "2024-03-01T07:45:52Z" → "01/03/2024". */
export function dayOf(iso: string | null): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

export function boardRows(board: Board, t: Translate, lang: Lang, unit: DisplayUnit, columnName: (key: string) => string): BoardRow[] {
  const money = (d: number) => formatAmount(d, unit, lang === 'vi' ? 'vi-VN' : 'en-US');
  return board.units.map((u) => ({
    unitId: u.unitId,
    name: u.name,
    status: u.status,
    statusText: t(`consolidation.status.${u.status}`) + (u.reason ? ` — ${tStored(lang, u.reason.key, u.reason.params)}` : ''),
    file: u.file ?? '',
    received: dayOf(u.received),
    allocated: money(sum(u.allocated)),
    reported: u.status === 'missing' || u.status === 'refused' ? '' : money(sum(u.reported)),
    differences: u.differences.map((d) => t('consolidation.cli.difference', { line: d.line, column: columnName(d.column), expected: money(d.expected), actual: money(d.actual) })),
  }));
}

export function fileLines(files: FileOutcome[], t: Translate, lang: Lang): string[] {
  return files.map((f) => {
    const name = f.file.split(/[\\/]/).pop() ?? f.file;
    return `${name}: ${t(`consolidation.file.${f.status}`)}${f.unit ? ` — ${f.unit}` : ''}${f.reason ? ` — ${tStored(lang, f.reason.key, f.reason.params)}` : ''}`;
  });
}
