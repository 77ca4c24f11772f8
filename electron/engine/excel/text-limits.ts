// Imported text is held to the same lengths as text typed in the app (FIELD_MAX_LENGTH for line
// fields, META_TEXT_MAX for the plan's details): a 2.000.000-character name in a file is cut to the
// limit with a warning naming its cell, instead of entering the plan (and every export of it) whole.
import { FIELD_MAX_LENGTH } from '../../../shared/commands/editing';
import { META_TEXT_MAX } from '../../../shared/ipc';
import type { CycleMeta, SignatureBlock } from '../../../shared/model';
import type { ReportSink } from './report';
import { t } from '../../../shared/i18n';

export { FIELD_MAX_LENGTH };

/** `text` cut to at most `max` UTF-16 units, never between the two halves of a surrogate pair. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/** `text` within `max`, with a warning at `cell` when it had to be cut. */
export function limitText(text: string, max: number, warn: ReportSink['warn'], cell: string): string {
  if (text.length <= max) return text;
  warn('excel.warn.text_cut', { length: text.length, max }, cell);
  return cutText(text, max);
}

type MetaTextKey = keyof typeof META_TEXT_MAX;
type SignatureTextKey = Extract<MetaTextKey, keyof SignatureBlock>;
type DocumentTextKey = Exclude<MetaTextKey, SignatureTextKey>;
const SIGNATURE_KEYS: readonly SignatureTextKey[] = ['authority', 'title', 'signer', 'preparedBy', 'onBehalf', 'recipients'];
const DOCUMENT_KEYS: readonly DocumentTextKey[] = ['program', 'issuer', 'place', 'docNumber', 'docKind', 'annexNumber'];

/** The plan's details within the app's limits, each cut one reported (they have no single cell). */
export function limitMeta(meta: CycleMeta, warn: ReportSink['warn']): CycleMeta {
  const out: CycleMeta = { ...meta, signature: { ...meta.signature } };
  const limit = (key: MetaTextKey, value: string | undefined): string | undefined => {
    const max = META_TEXT_MAX[key];
    if (typeof value !== 'string' || value.length <= max) return value;
    // The field as Plan details names it, in both languages (the report is shown in the window's).
    const label = `plan.field.${key === 'title' ? 'signTitle' : key}` as const;
    warn('excel.warn.meta_text_cut', { fieldVi: t('vi', label), fieldEn: t('en', label), length: value.length, max });
    return cutText(value, max);
  };
  for (const key of DOCUMENT_KEYS) {
    const value = limit(key, out[key]);
    if (value !== undefined) out[key] = value;
  }
  for (const key of SIGNATURE_KEYS) {
    const value = limit(key, out.signature[key]);
    if (value !== undefined) out.signature[key] = value;
  }
  return out;
}
