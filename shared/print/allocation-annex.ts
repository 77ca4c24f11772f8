// The allocation annex (issue 14) as a printable table, in the same shape as the plan annex
// (annex.ts), so the same print view lays it out, paginates and prints it: "Phụ lục …", the title
// in capitals, "(Kèm theo …)", the unit; units as rows (TỔNG CỘNG first, a unit with sub-units in
// bold with its subtree's sum); the plan's lines as a two-level header — a project over its
// sub-projects, a line without sub-projects one column over both header rows — after the units'
// "Tổng số"; the column-number row ("(3)=(4)+(5)+…"); the plan's signature block.
// Pure: the renderer lays it out (PrintDocument), tests read it directly.
import type { CycleMeta, Dong } from '../model';
import { formatAmount } from '../number';
import { t, type Lang } from '../i18n';
import { annexNumberOf, attachedLine, signatureOf, type Annex, type AnnexColumn, type AnnexColumnKind, type AnnexRow, type HeaderCell } from './annex';
import type { PrintSettings } from './settings';
import { textWidthEm } from './text-width';

export interface AllocationAnnexLine {
  id: number;
  code: string;
  name: string;
}

/** Lines printed under one header band: a project over its sub-projects, or (head null) one line alone. */
export interface AllocationAnnexGroup {
  head: { code: string; name: string } | null;
  lines: AllocationAnnexLine[];
}

export interface AllocationAnnexUnit {
  id: number;
  parentId: number | null;
  name: string;
  /** The unit's own shares by line id (integer đồng). */
  shares: ReadonlyMap<number, Dong>;
}

export interface AllocationAnnexSource {
  meta: CycleMeta;
  /** The funding column allocated, as named in the title ("kinh phí sự nghiệp NSTW"). */
  columnLabel: string;
  groups: readonly AllocationAnnexGroup[];
  /** Units in display order (a parent before its sub-units). */
  units: readonly AllocationAnnexUnit[];
}

/**
 * A line's header text as allocation annexes write it: "Dự án 3" over "Tiểu dự án 1" — the name's
 * short form before its colon ("Tiểu dự án 1: Hỗ trợ phát triển sản xuất…"); a name without one
 * whole, its code first when the name lacks it.
 */
export function lineLabel(l: { code: string; name: string }): string {
  const code = l.code.trim();
  const name = l.name.trim();
  const short = /^([^:]{1,40}):/.exec(name);
  if (short) return short[1].trim();
  return code && !name.startsWith(code) ? `${code}. ${name}` : name || code;
}

export interface AllocationAnnexOptions {
  /** "Phụ lục …" of the allocation decision; blank: the plan's annex number. */
  annexNumber?: string;
  /** Its own title; blank: "Phân bổ <column> thực hiện <program> năm <year>". Printed in capitals. */
  title?: string;
  lang?: Lang;
}

/**
 * The allocation annex for the print view. Paper, margins, font and the signature block follow the
 * plan's print settings; its number and title are its own (a decision's annex, not the plan's).
 */
export function buildAllocationAnnex(src: AllocationAnnexSource, settings: PrintSettings, opts: AllocationAnnexOptions = {}): Annex {
  const lang = opts.lang ?? 'vi';
  const { meta } = src;
  const lines = src.groups.flatMap((g) => g.lines);
  const fmt = (v: number) => (v ? formatAmount(v, meta.unit, 'vi-VN') : '');

  // ---- header: STT | Đơn vị | Tổng số | bands of lines ------------------------------------------
  const header: HeaderCell[][] = [[], []];
  header[0].push({ label: t(lang, 'print.col.code'), colSpan: 1, rowSpan: 2 });
  header[0].push({ label: t(lang, 'alloc.print.unitCol'), colSpan: 1, rowSpan: 2 });
  header[0].push({ label: t(lang, 'print.col.ownTotal'), colSpan: 1, rowSpan: 2 });
  for (const g of src.groups) {
    if (g.head) {
      header[0].push({ label: lineLabel(g.head), colSpan: g.lines.length, rowSpan: 1 });
      for (const l of g.lines) header[1].push({ label: lineLabel(l), colSpan: 1, rowSpan: 1 });
    } else {
      for (const l of g.lines) header[0].push({ label: lineLabel(l), colSpan: 1, rowSpan: 2 });
    }
  }
  const firstLine = 4;
  const numbers = ['(1)', '(2)', lines.length ? `(3)=${lines.length > 1 ? `(${firstLine})+…+(${firstLine + lines.length - 1})` : `(${firstLine})`}` : '(3)'];
  lines.forEach((_, i) => numbers.push(`(${firstLine + i})`));

  // ---- rows: TỔNG CỘNG, then every unit (a parent with its subtree's sum) -------------------------
  const kids = new Map<number | null, AllocationAnnexUnit[]>();
  for (const u of src.units) {
    const list = kids.get(u.parentId);
    if (list) list.push(u);
    else kids.set(u.parentId, [u]);
  }
  const known = new Set(src.units.map((u) => u.id));
  const sums = new Map<number, Map<number, number>>();
  const sumOf = (u: AllocationAnnexUnit): Map<number, number> => {
    const m = new Map<number, number>();
    for (const [line, v] of u.shares) m.set(line, v);
    for (const k of kids.get(u.id) ?? []) for (const [line, v] of sumOf(k)) m.set(line, (m.get(line) ?? 0) + v);
    sums.set(u.id, m);
    return m;
  };
  const roots = src.units.filter((u) => u.parentId === null || !known.has(u.parentId));
  const grand = new Map<number, number>();
  for (const r of roots) for (const [line, v] of sumOf(r)) grand.set(line, (grand.get(line) ?? 0) + v);

  const cellsOf = (m: ReadonlyMap<number, number>) => {
    let total = 0;
    const cells = lines.map((l) => {
      const v = m.get(l.id) ?? 0;
      total += v;
      return fmt(v);
    });
    return [fmt(total), ...cells];
  };
  const rows: AnnexRow[] = [{ lineId: null, depth: -1, cells: ['', t(lang, 'print.grandTotal'), ...cellsOf(grand)], bold: true }];
  const walk = (list: AllocationAnnexUnit[], prefix: string, depth: number) => {
    list.forEach((u, i) => {
      const no = prefix ? `${prefix}.${i + 1}` : String(i + 1);
      const children = kids.get(u.id) ?? [];
      rows.push({ lineId: u.id, depth, cells: [no, u.name, ...cellsOf(sums.get(u.id)!)], bold: children.length > 0 });
      walk(children, no, depth + 1);
    });
  };
  walk(roots, '', 0);

  // ---- column widths (em of the body font), as the plan annex measures them --------------------
  const pad = 0.7;
  const widest = (i: number) => Math.max(0, ...rows.map((r) => textWidthEm(r.cells[i], true)));
  const longestWord = (s: string) => Math.max(0, ...s.split(/\s+/).map((w) => textWidthEm(w, true)));
  const kinds: AnnexColumnKind[] = ['code', 'name', 'amount', ...lines.map(() => 'amount' as const)];
  const columns: AnnexColumn[] = [
    { key: 'code', kind: 'code', minEm: Math.min(6, Math.max(longestWord(t(lang, 'print.col.code')), widest(0)) + pad), flex: false },
    { key: 'name', kind: 'name', minEm: 12, flex: true },
    { key: 'total', kind: 'amount', minEm: Math.max(widest(2), longestWord(t(lang, 'print.col.ownTotal')), 3) + pad, flex: false },
    ...lines.map((l, j) => ({
      key: `line:${l.id}`,
      kind: 'amount' as const,
      // A header wraps on words; the figures never wrap.
      minEm: Math.max(widest(3 + j), Math.min(8, longestWord(lineLabel(l))), 3) + pad,
      flex: false,
    })),
  ];

  const number = (opts.annexNumber ?? '').trim() || annexNumberOf(meta);
  const program = meta.program.trim();
  const title = opts.title?.trim()
    ? opts.title
    : program
      ? t(lang, 'alloc.print.title', { column: src.columnLabel, program, year: meta.year })
      : t(lang, 'alloc.print.titleNoProgram', { column: src.columnLabel, year: meta.year });
  return {
    annexLabel: t(lang, 'print.annex', { number }).trim(),
    title: title.toLocaleUpperCase('vi'),
    attached: attachedLine(meta, lang),
    unitLabel: t(lang, 'unit.label', { unit: t(lang, `unit.${meta.unit}`) }),
    keys: columns.map((c) => c.key),
    kinds,
    valueCols: [],
    header,
    numbers,
    signature: settings.signature ? signatureOf(meta, lang) : null,
    columns,
    rows,
  };
}
