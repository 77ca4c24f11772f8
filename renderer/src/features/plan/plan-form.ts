// The plan-details form as the person fills it (all text, the date typed dd/mm/yyyy) and its
// conversion to the cycle's metadata, with a message key per field that cannot be taken. Pure: the
// dialog renders it, unit tests check it.
import { formatDocDate, parseDocDate } from '../../../../shared/doc-date';
import type { Message } from '../../../../shared/i18n';
import { META_TEXT_MAX } from '../../../../shared/ipc';
import type { CycleMeta, DisplayUnit } from '../../../../shared/model';

export interface PlanForm {
  program: string;
  year: string;
  docKind: string;
  docNumber: string;
  docDate: string;
  issuer: string;
  place: string;
  unit: DisplayUnit;
  numberLocale: CycleMeta['numberLocale'];
  annexNumber: string;
  onBehalf: string;
  authority: string;
  title: string;
  signer: string;
  preparedBy: string;
  /** One recipient a line, under "Nơi nhận:". */
  recipients: string;
}

export type PlanFormErrors = Partial<Record<keyof PlanForm, Message<'plan.error.tooLong' | 'plan.error.required' | 'plan.error.year' | 'plan.error.date'>>>;

export function toPlanForm(meta: CycleMeta): PlanForm {
  return {
    program: meta.program, year: String(meta.year), docKind: meta.docKind, docNumber: meta.docNumber,
    docDate: formatDocDate(meta.docDate), issuer: meta.issuer, place: meta.place, unit: meta.unit,
    numberLocale: meta.numberLocale, annexNumber: meta.annexNumber ?? 'I',
    ...meta.signature, onBehalf: meta.signature.onBehalf ?? '', recipients: meta.signature.recipients ?? '',
  };
}

type TextField = keyof typeof META_TEXT_MAX;

/** The metadata the form says, or why it cannot be taken (texts are trimmed, NFC as typed). */
export function fromPlanForm(f: PlanForm): { ok: true; meta: CycleMeta } | { ok: false; errors: PlanFormErrors } {
  const errors: PlanFormErrors = {};
  const text = (field: TextField) => {
    const v = f[field].trim().normalize('NFC');
    if (v.length > META_TEXT_MAX[field]) errors[field] = { key: 'plan.error.tooLong', params: { max: META_TEXT_MAX[field] } };
    return v;
  };
  const program = text('program');
  if (!program) errors.program = { key: 'plan.error.required' };
  const year = Number(f.year.trim());
  if (!/^\d{4}$/.test(f.year.trim()) || year < 1900 || year > 2200) errors.year = { key: 'plan.error.year' };
  const docDate = parseDocDate(f.docDate);
  if (docDate === null) errors.docDate = { key: 'plan.error.date' };
  const meta: CycleMeta = {
    program, year, docKind: text('docKind'), docNumber: text('docNumber'), docDate: docDate ?? '',
    issuer: text('issuer'), place: text('place'), unit: f.unit, numberLocale: f.numberLocale,
    signature: {
      onBehalf: text('onBehalf'), authority: text('authority'), title: text('title'), signer: text('signer'), preparedBy: text('preparedBy'),
      // One recipient a line: blank lines and trailing spaces dropped.
      recipients: text('recipients').split(/\r?\n/).map((l) => l.trim()).filter(Boolean).join('\n'),
    },
    annexNumber: text('annexNumber'),
  };
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, meta };
}

/** The fields of `next` that differ from `cur` (what 'meta/set' needs to send: one undo step). */
export function changedMeta(cur: CycleMeta, next: CycleMeta): Partial<CycleMeta> {
  const out: Partial<CycleMeta> = {};
  for (const k of Object.keys(next) as (keyof CycleMeta)[]) {
    if (JSON.stringify(cur[k]) !== JSON.stringify(next[k])) (out as Record<string, unknown>)[k] = next[k];
  }
  return out;
}
