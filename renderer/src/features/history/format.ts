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
    case 'meta':
      if (r.field === 'rules') return t('history.field.rules');
      if ((SETTING_KEYS as readonly string[]).includes(r.field ?? '')) return t('history.field.setting', { key: r.field ?? '' });
      return t('history.field.meta', { key: r.field ?? '' });
    default:
      return '';
  }
}

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
      return typeof v === 'number' ? formatAmount(v, unit, locale) : String(v);
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
  if (r.action !== 'amount') return { text: '', negative: false };
  const d = (typeof r.new === 'number' ? r.new : 0) - (typeof r.old === 'number' ? r.old : 0);
  if (d === 0) return { text: '', negative: false };
  return { text: formatSignedAmount(d, unit, locale), negative: d < 0 };
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
