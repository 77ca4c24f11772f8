// The document around an annex's table, as Vietnamese administrative documents lay it out (NĐ
// 30/2020): above the table the issuing body (top left, "ỦY BAN NHÂN DÂN / TỈNH ĐẮK NÔNG"), the
// annex number ("Phụ lục I") and the title naming the program; below it "Nơi nhận:" with its list on
// the left and, on the right, "TM. …", "KT. CHỦ TỊCH", the title, the signer's name, and where a
// table has one "Người lập biểu" with a name. Read from texts and their columns only; nothing is
// guessed where the file says nothing (the field stays as the caller had it).
import type { SignatureBlock } from '../../../shared/model';
import { fold } from './text';

export interface PlacedText {
  row: number;
  col: number;
  text: string;
}

export interface TitleDetails {
  program?: string;
  issuer?: string;
  annexNumber?: string;
}

export interface FooterDetails {
  signature: Partial<SignatureBlock>;
  place?: string;
}

const NATIONAL = /^(cong hoa xa hoi chu nghia viet nam|doc lap\s*-\s*tu do\s*-\s*hanh phuc)/;
/** Abbreviations the documents always write in capitals. */
const ABBREVIATION = /^(ubnd|hdnd|mtqg|nstw|nsdp|dtpt|ld-tb&xh|ldtbxh|nn&ptnt|kt-xh|tw|dtts&mn|bch)[,.;:]?$/;
const ADMIN_LEVEL = /^(tinh|thanh pho|huyen|quan|thi xa|xa|phuong|thi tran|dac khu)$/;

/** Whether a text is written in capitals (an administrative heading), so its case can be undone. */
const isCapitals = (s: string): boolean => /\p{Lu}/u.test(s) && !/\p{Ll}/u.test(s);

/**
 * "ỦY BAN NHÂN DÂN TỈNH ĐẮK NÔNG" → "Ủy ban nhân dân tỉnh Đắk Nông"; "SỞ TÀI CHÍNH" → "Sở Tài chính".
 * Place names after an administrative level keep their capitals; so does the word after "Sở", "Bộ".
 */
export function headingCase(text: string): string {
  if (!isCapitals(text)) return text.replace(/\s+/g, ' ').trim();
  const words = text.toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim().split(' ');
  const cap = (w: string) => w.charAt(0).toLocaleUpperCase('vi') + w.slice(1);
  // "Sở Lao động - Thương binh và Xã hội": an agency's name capitalises each field it joins.
  const agency = /^(so|bo|cuc|phong|ban|vien|truong)$/.test(fold(words[0]));
  let proper = false;
  return words
    .map((w, i) => {
      if (ABBREVIATION.test(fold(w))) return w.toLocaleUpperCase('vi');
      if (i === 0) return cap(w);
      const prev = fold(words[i - 1]);
      const prev2 = i >= 2 ? fold(`${words[i - 2]} ${words[i - 1]}`) : '';
      // "xã hội" (society) is no commune.
      const level = (ADMIN_LEVEL.test(prev) || ADMIN_LEVEL.test(prev2)) && !(prev === 'xa' && fold(w) === 'hoi');
      if (level && !agency) proper = true;
      if (agency && (i === 1 || prev === 'va' || prev === '-')) return cap(w);
      return proper ? cap(w) : w;
    })
    .join(' ');
}

/** The issuing body, the annex number and the program from the texts above the table's header. */
export function readTitleDetails(texts: readonly PlacedText[]): TitleDetails {
  const out: TitleDetails = {};
  const national = texts.find((t) => NATIONAL.test(fold(t.text)));
  // The issuing body: capitals at the top left, beside (left of) the national motto when there is one.
  const issuerLines = texts
    .filter((t) => t.row <= (national?.row ?? 0) + 2 && (!national || t.col < national.col) && isCapitals(t.text))
    .filter((t) => !/^(so|s[oố])\s*:/i.test(fold(t.text)) && !/^phu luc\b/.test(fold(t.text)) && !/^-+$/.test(t.text.trim()))
    .sort((a, b) => a.row - b.row || a.col - b.col);
  if (national && issuerLines.length) out.issuer = headingCase(issuerLines.map((t) => t.text).join(' '));
  for (const t of texts) {
    const f = fold(t.text);
    const annex = /^phu luc\s*(?:so\s*)?([ivxlcdm]+|\d+[a-z]?)\b/.exec(f);
    if (annex && out.annexNumber === undefined) out.annexNumber = annex[1].toUpperCase();
    const at = f.indexOf('chuong trinh');
    if (out.program === undefined && at >= 0 && !f.startsWith('(') && !/^kem theo\b/.test(f)) {
      // The same cut in the original text: fold() keeps length for Vietnamese letters once NFC.
      const original = t.text.replace(/\s+/g, ' ').trim();
      let name = original.slice(fold(original).indexOf('chuong trinh'));
      // "… năm 2024", "… giai đoạn 2026-2030", in any case: cut where the folded text says so.
      const year = /\s(?:nam|giai doan)\s+\d{4}/.exec(fold(name));
      if (year) name = name.slice(0, year.index).trim();
      if (name.length >= 12) {
        // Capitals undone, abbreviations (MTQG) kept.
        const cased = isCapitals(name) ? name.split(' ').map((w) => (ABBREVIATION.test(fold(w)) ? w : w.toLocaleLowerCase('vi'))).join(' ') : name;
        out.program = cased.charAt(0).toLocaleUpperCase('vi') + cased.slice(1);
      }
    }
  }
  return out;
}

/** The signature block, "Nơi nhận" and the place from the texts below the table. */
export function readFooterDetails(texts: readonly PlacedText[]): FooterDetails {
  const sorted = [...texts].sort((a, b) => a.row - b.row || a.col - b.col);
  const signature: Partial<SignatureBlock> = {};
  const out: FooterDetails = { signature };
  const near = (a: PlacedText, col: number) => Math.abs(a.col - col) <= 1;
  // "Nơi nhận:" and the lines under it in its column.
  const recipientsHead = sorted.find((t) => /^noi nhan\s*:?$/.test(fold(t.text)));
  if (recipientsHead) {
    const list = sorted.filter((t) => t.row > recipientsHead.row && t.row <= recipientsHead.row + 15 && near(t, recipientsHead.col) && /^[-+•]/.test(t.text.trim()));
    if (list.length) signature.recipients = list.map((t) => t.text.trim()).join('\n');
  }
  const right = sorted.filter((t) => t !== recipientsHead && !(recipientsHead && near(t, recipientsHead.col) && t.row > recipientsHead.row));
  const onBehalf = right.find((t) => /^(tm|t\/m)[.\s]/.test(fold(t.text)));
  const authority = right.find((t) => /^(kt|k\/t|q|tl|tuq|tl\.|ktl)[.\s]/.test(fold(t.text)) && t !== onBehalf);
  if (onBehalf) signature.onBehalf = onBehalf.text.trim();
  if (authority) signature.authority = authority.text.trim();
  const anchor = authority ?? onBehalf;
  if (anchor) {
    const below = right.filter((t) => t.row > anchor.row && near(t, anchor.col));
    const title = below.find((t) => isCapitals(t.text) && !/^\(/.test(t.text.trim()));
    if (title) signature.title = title.text.trim();
    // The signer: the last name in the column (after the space left for the signature and seal).
    const names = below.filter((t) => t !== title && !isCapitals(t.text) && !/^\(/.test(t.text.trim()) && /\p{L}/u.test(t.text) && t.text.trim().split(/\s+/).length <= 6);
    if (names.length) signature.signer = names[names.length - 1].text.trim();
  } else {
    // No "KT." or "TM.": a plain title in capitals on the right (GIÁM ĐỐC, CHỦ TỊCH) heads the block.
    const title = right.find((t) => /^(chu tich|pho chu tich|giam doc|pho giam doc|thu truong|truong phong|ke toan truong)$/.test(fold(t.text)));
    if (title) {
      signature.title = title.text.trim();
      const names = right.filter((t) => t.row > title.row && near(t, title.col) && !isCapitals(t.text) && !/^\(/.test(t.text.trim()) && /\p{L}/u.test(t.text));
      if (names.length) signature.signer = names[names.length - 1].text.trim();
    }
  }
  const preparer = sorted.find((t) => /^nguoi lap( bieu)?\s*:?$/.test(fold(t.text)));
  if (preparer) {
    const name = sorted.find((t) => t.row > preparer.row && near(t, preparer.col) && !/^\(/.test(t.text.trim()) && !isCapitals(t.text) && /\p{L}/u.test(t.text));
    if (name) signature.preparedBy = name.text.trim();
  }
  for (const t of sorted) {
    const m = /^([^,]{2,40}),\s*ngày\b/iu.exec(t.text.trim());
    if (m) {
      out.place = m[1].trim();
      break;
    }
  }
  return out;
}
