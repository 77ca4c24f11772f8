// How history values read in the dialogs: amounts in the plan's unit and number convention, line
// records and settings as short text, times in the officer's local time.
import type { AuditRow } from '../../../../shared/commands/history';
import { shortLabel } from '../../../../shared/columns';
import { tStored, type Lang, type Translate } from '../../../../shared/i18n';
import type { DisplayUnit, FundingColumn } from '../../../../shared/model';
import { formatAmount, formatSignedAmount } from '../../../../shared/number';
import { SETTING_KEYS } from '../../../../shared/settings';

type T = Translate;
type NumberLocale = 'vi-VN' | 'en-US';

export function formatTime(iso: string, lang: Lang): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'short', timeStyle: 'medium' });
}

export function columnLabel(key: string, columns: readonly FundingColumn[], lang: Lang): string {
  const c = columns.find((x) => x.key === key);
  if (!c) return key;
  const parent = c.parent === null ? undefined : columns.find((x) => x.key === c.parent);
  // Below a group other than the root, a column is named with its group ("NSTW ĐTPT"): leaf labels repeat.
  if (parent && parent.parent !== null) return `${shortLabel(parent, lang)} ${shortLabel(c, lang)}`;
  return shortLabel(c, lang);
}

export function auditFieldLabel(r: AuditRow, columns: readonly FundingColumn[], t: T, lang: Lang): string {
  switch (r.action) {
    case 'amount':
      return columnLabel(r.field ?? '', columns, lang);
    case 'fields':
      return tStored(lang, `history.field.${r.field}`); // a field name read from the file's log
    case 'capital':
      return t('history.action.capital');
    case 'insert':
    case 'delete':
    case 'place':
    case 'column':
      return t(`history.action.${r.action}`);
    case 'unit':
      return t('history.action.unit');
    case 'share': {
      // field: unit:ID:column
      const [, id, ...col] = (r.field ?? '').split(':');
      return t('history.field.share', { unit: unitOf(r, id, t), column: columnLabel(col.join(':'), columns, lang) });
    }
    case 'score': {
      // field: scheme:unit:ID (the scheme is the user's text and may hold a colon)
      const f = r.field ?? '';
      const at = f.lastIndexOf(':unit:');
      return t('history.field.score', { unit: unitOf(r, f.slice(at + 6), t), scheme: at < 0 ? f : f.slice(0, at) });
    }
    case 'unit_detail':
      return t('history.field.unitDetail', { unit: unitOf(r, (r.field ?? '').split(':')[1], t) });
    case 'report_date':
      return t('history.action.report_date');
    case 'disbursement': {
      // field: date:D:measure:fund:unit:U:column
      const [, , measure, fund, , unitId, ...col] = (r.field ?? '').split(':');
      const params = { measure: t(`history.measure.${measure as 'disbursed'}`), date: dateText(r.asOf ?? '?'), column: columnLabel(col.join(':'), columns, lang) };
      const label = unitId && unitId !== '0' ? t('history.field.disbursementUnit', { ...params, unit: unitOf(r, unitId, t) }) : t('history.field.disbursement', params);
      return fund && fund !== '0' ? t('history.field.fund', { label, year: fund }) : label;
    }
    case 'carryover_source':
      return t('history.field.carryoverSource', { year: (r.field ?? '').split(':')[1] ?? '' });
    case 'carryover': {
      // field: year:Y:column
      const [, year, ...col] = (r.field ?? '').split(':');
      return t('history.field.carryover', { year: year ?? '', column: columnLabel(col.join(':'), columns, lang) });
    }
    case 'meta':
      if (r.field === 'rules') return t('history.field.rules');
      if ((SETTING_KEYS as readonly string[]).includes(r.field ?? '')) return t('history.field.setting', { key: r.field ?? '' });
      return t('history.field.meta', { key: r.field ?? '' });
    default:
      return '';
  }
}

/** The unit a row names: its name as the engine found it, else its id. */
function unitOf(r: AuditRow, id: string | undefined, t: T): string {
  return r.unit ?? t('history.unit.unknown', { id: id ?? '?' });
}

/** An ISO date as officers write it (30/06/2026). */
const dateText = (iso: string) => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso.split('-').reverse().join('/') : iso);

/** Rows whose old and new are amounts in đồng (shown in the plan's unit, with the difference). */
const AMOUNT_ROWS = new Set(['amount', 'share', 'disbursement', 'carryover']);
export const isAmountRow = (r: AuditRow): boolean => AMOUNT_ROWS.has(r.action ?? '');

function parse(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

const clip = (s: string, n = 80) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function auditValue(r: AuditRow, which: 'old' | 'new', unit: DisplayUnit, locale: NumberLocale): string {
  const v = r[which];
  if (v === null || v === undefined) return '';
  switch (r.action) {
    case 'amount':
    case 'share':
    case 'disbursement':
    case 'carryover':
      return typeof v === 'number' ? formatAmount(v, unit, locale) : String(v);
    case 'score':
      return typeof v === 'number' ? v.toLocaleString(locale) : String(v);
    case 'unit': {
      const u = parse(v) as { name?: string; code?: string };
      return clip(`${u.name ?? ''}${u.code ? ` (${u.code})` : ''}`);
    }
    case 'unit_detail': {
      const d = parse(v) as { file?: string; lines?: number };
      return clip(`${d.file ?? ''}${typeof d.lines === 'number' ? ` (${d.lines.toLocaleString(locale)})` : ''}`);
    }
    case 'report_date': {
      const d = parse(v) as { asOf?: string; due?: string | null };
      return dateText(d.asOf ?? '');
    }
    case 'carryover_source': {
      const d = parse(v) as { deadline?: string | null };
      return d.deadline ? dateText(d.deadline) : '—';
    }
    case 'fields':
      return String(v);
    case 'insert':
    case 'delete': {
      const line = parse(v) as { code?: string; name?: string };
      return clip([line.code, line.name].filter(Boolean).join(' '));
    }
    case 'capital': {
      const c = parse(v) as { allowedCapital?: string[] | null; isAdjustment?: boolean };
      return c.allowedCapital ? c.allowedCapital.join(', ') : '*';
    }
    case 'column': {
      // A funding column as it was or became: its label (and its place among its group's columns).
      const c = parse(v) as { label?: { vi?: string }; position?: number };
      return clip(`${c.label?.vi ?? ''}${typeof c.position === 'number' ? ` (${c.position + 1})` : ''}`);
    }
    case 'place': {
      const p = parse(v) as { position?: number };
      return typeof p.position === 'number' ? String(p.position + 1) : '';
    }
    default:
      return clip(typeof v === 'string' ? v : JSON.stringify(v));
  }
}

/** New − old of an amount change (a blank cell counts as 0); '' for anything else. */
export function auditDelta(r: AuditRow, unit: DisplayUnit, locale: NumberLocale): { text: string; negative: boolean } {
  if (!isAmountRow(r)) return { text: '', negative: false };
  const d = (typeof r.new === 'number' ? r.new : 0) - (typeof r.old === 'number' ? r.old : 0);
  if (d === 0) return { text: '', negative: false };
  return { text: formatSignedAmount(d, unit, locale), negative: d < 0 };
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
