// Unit names as officers write them: "UBND huyện Đắk Glong", "Ủy ban nhân dân huyện Đăk Glong",
// "UBND  Huyện Đắk  Glong". unitNameKey folds what does not tell two units apart — diacritics (the
// seed spells Đắk and Đăk both ways; Ủy/Uỷ), case, spacing, punctuation, "UBND" written out, and the
// abbreviated levels (TP., TX.) — so the same key means the same unit. The level word itself
// (huyện, xã, thành phố) stays: "huyện Krông Nô" and "xã Krông Nô" are different units.
// Also guesses a unit's kind from its name, and splits a line's "cơ quan chủ trì" into unit names.
import type { UnitKind } from '../model';

/** Lower case, no diacritics (đ → d), punctuation as spaces, single spaces. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Written-out and abbreviated forms folded to one (applied to the folded text, whole words). */
const PREFIXES: [RegExp, string][] = [
  [/^(uy ban nhan dan|ubnd|ub nhan dan)\b ?/, ''],
  [/\btp\b/g, 'thanh pho'],
  [/\btx\b/g, 'thi xa'],
  [/\btt\b/g, 'thi tran'],
];

/** The key under which two spellings of a unit's name are one unit. */
export function unitNameKey(name: string): string {
  let k = fold(name);
  for (const [re, to] of PREFIXES) k = k.replace(re, to);
  return k.replace(/\s+/g, ' ').trim();
}

/** The kind a name suggests (the user can change it). */
export function guessUnitKind(name: string): UnitKind {
  const f = fold(name);
  const rest = f.replace(/^(uy ban nhan dan|ubnd|ub nhan dan)\s+/, '');
  if (/^tinh\b/.test(rest)) return 'province';
  if (/^(huyen|quan|thi xa|tx|thanh pho|tp)\b/.test(rest)) return 'district';
  if (/^(xa|phuong|thi tran|tt|dac khu)\b/.test(rest)) return 'commune';
  if (/^(so|ban|bo|trung tam|chi cuc|cuc|vien|truong|benh vien|hoi|tinh doan|uy ban mat tran|mat tran|ngan hang|cong an|bo chi huy|bo doi)\b/.test(f)) return 'department';
  return 'other';
}

/** Level words a collective's list goes on with ("UBND các huyện, thị xã, thành phố"). */
const LEVEL_WORDS = new Set(['huyen', 'quan', 'thi xa', 'thanh pho', 'xa', 'phuong', 'thi tran', 'so', 'ban', 'nganh', 'so ban nganh', 'dia phuong', 'don vi', 'dac khu']);

/** One name in a "cơ quan chủ trì" text; a collective ("các huyện…") means units the user picks. */
export interface AgencyPart {
  name: string;
  collective: boolean;
}

/**
 * Split a line's "cơ quan chủ trì" on commas, semicolons and new lines. A part naming a plural
 * ("các huyện", "những xã") is a collective and takes the bare level words after it along
 * ("UBND các huyện, thành phố" is one collective, not "UBND các huyện" and "thành phố").
 */
export function splitAgencies(text: string): AgencyPart[] {
  const parts = text.split(/[,;\n]+/).map((p) => p.trim().replace(/[.]+$/, '').trim()).filter(Boolean);
  const out: AgencyPart[] = [];
  for (let i = 0; i < parts.length; i++) {
    const f = fold(parts[i]);
    if (/\b(cac|nhung)\b/.test(f)) {
      let name = parts[i];
      while (i + 1 < parts.length && LEVEL_WORDS.has(fold(parts[i + 1]))) name += `, ${parts[++i]}`;
      out.push({ name, collective: true });
    } else out.push({ name: parts[i], collective: false });
  }
  return out;
}
