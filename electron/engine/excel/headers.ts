// Header text → meaning. Each header cell is folded (no accents, lower case) and matched against the
// department's vocabulary (Tổng cộng / NSTW / NSĐP / ĐTPT / SN / Vốn khác / STT / Nội dung / Cơ quan
// chủ trì / Ghi chú …). A column's meaning combines the texts down its header path, so a sub-header
// ("ĐTPT", "Tổng số") takes its source (NSTW vs NSĐP) from the merged parent above it.
import { fold } from './text';

export type LineFieldKey = 'code' | 'name' | 'agency' | 'note';
export type TargetKey = LineFieldKey | string;

export interface HeaderTerms {
  field?: LineFieldKey;
  total: boolean;
  source?: 'central' | 'local' | 'other';
  capital?: 'investment' | 'recurrent';
}

const FIELD_PATTERNS: [LineFieldKey, RegExp][] = [
  ['code', /^(stt|tt|so tt|so thu tu|ma|ma so|ma du an|so hieu|thu tu)$/],
  ['name', /^(noi dung|ten du an|ten cong trinh|ten|danh muc|hang muc|chi tieu|du an|ten noi dung|ten don vi|ten chuong trinh|chuong trinh, du an|noi dung chi)\b/],
  ['agency', /^(co quan (chu tri|thuc hien)|don vi (thuc hien|chu tri|chu dau tu|su dung|quan ly)|chu dau tu|don vi|co quan)\b/],
  ['note', /^ghi chu\b/],
];

const CENTRAL = /\b(nstw|nstu|ngan sach trung uong|ns trung uong|trung uong|ns tw|von tw)\b/;
const LOCAL = /\b(nsdp|ngan sach dia phuong|ns dia phuong|dia phuong|doi ung|ngan sach (tinh|huyen|xa)|ns (tinh|huyen|xa)|ns dp)\b/;
const OTHER = /\b(von khac|nguon khac|huy dong|long ghep|xa hoi hoa|khac|dong gop)\b/;
const INVEST = /\b(dau tu phat trien|dtpt|dau tu|von dt|xdcb)\b/;
const RECURRENT = /\b(su nghiep|sn|vsn|thuong xuyen|kinh phi thuong xuyen)\b/;
const TOTAL = /^(tong cong|tong so|tong kinh phi|tong von|tong muc|tong nhu cau|tong|cong)\b/;

/** Strip list marks and punctuation that do not change meaning: "(1)", "Trong đó:", trailing ":". */
function prepare(text: string): string {
  return fold(text)
    .replace(/\(\d+\)\s*(=\s*\([\d()+\-= ]*)?/g, ' ')
    .replace(/[:;*]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function classifyHeader(text: string): HeaderTerms {
  const s = prepare(text);
  const out: HeaderTerms = { total: false };
  if (!s) return out;
  for (const [field, re] of FIELD_PATTERNS) {
    if (re.test(s)) {
      // "Dự án" alone is a name column; "Dự án đầu tư" is not a line field.
      if (!(CENTRAL.test(s) || LOCAL.test(s) || INVEST.test(s) || RECURRENT.test(s)) || field === 'agency') {
        out.field = field;
        return out;
      }
    }
  }
  if (CENTRAL.test(s)) out.source = 'central';
  else if (LOCAL.test(s)) out.source = 'local';
  else if (OTHER.test(s)) out.source = 'other';
  if (INVEST.test(s)) out.capital = 'investment';
  else if (RECURRENT.test(s)) out.capital = 'recurrent';
  if (TOTAL.test(s)) out.total = true;
  return out;
}

/** Whether a text says anything the mapper understands (used to find the header rows). */
export function isHeaderWord(text: string): boolean {
  const t = classifyHeader(text);
  return !!(t.field || t.source || t.capital || t.total);
}

/**
 * Meaning of a column from its header path (top to bottom). Returns a key of the default tree, a
 * line field, or null when the path says nothing certain.
 */
export function keyForPath(path: readonly string[]): TargetKey | null {
  let field: LineFieldKey | undefined;
  let source: HeaderTerms['source'];
  let capital: HeaderTerms['capital'];
  let total = false;
  for (const text of path) {
    const t = classifyHeader(text);
    if (t.field && !field) field = t.field;
    // The deepest text that names a source or capital type wins (sub-headers refine parents).
    if (t.source) source = t.source;
    if (t.capital) capital = t.capital;
    if (t.total) total = true;
  }
  if (source === 'other') return 'other';
  if (source) return capital ? `${source}_${capital}` : `${source}`;
  if (capital) return null; // ĐTPT/SN without NSTW/NSĐP above it: which budget is unknown
  if (field) return field;
  if (total) return 'total';
  return null;
}
