// Minimal XML helpers for scanning spreadsheet parts without a DOM: attribute lookup, the five
// predefined entities and character references (no DTD, no external or custom entities — a part that
// declares a DOCTYPE anywhere is refused outright, which is what stops XML bombs and XXE), and
// OOXML's _xHHHH_.
import { ImportError } from './errors';

/**
 * Whether `text` holds a "<!DOCTYPE" or "<!ENTITY" declaration (any case) anywhere — not only near
 * the top: one may stand after a long comment. indexOf('<!') is native and "<!" is rare in
 * spreadsheet XML (comments, CDATA), so scanning a whole part costs next to nothing.
 */
export function hasDtd(text: string): boolean {
  for (let i = text.indexOf('<!'); i >= 0; i = text.indexOf('<!', i + 2)) {
    const word = text.slice(i + 2, i + 9).toUpperCase();
    if (word === 'DOCTYPE' || word.startsWith('ENTITY')) return true;
  }
  return false;
}

/** Refuse any part that carries a document type declaration (entity expansion lives there). */
export function refuseDtd(text: string): void {
  if (hasDtd(text)) throw new ImportError('excel.error.xml_dtd');
}

/**
 * refuseDtd for a part that arrives in chunks: each chunk is scanned, and so is each seam (the end of
 * one chunk with the start of the next), so a declaration split across two chunks is caught too.
 */
export class DtdGuard {
  private carry = '';
  push(chunk: string): void {
    if (this.carry && hasDtd(this.carry + chunk.slice(0, 8))) throw new ImportError('excel.error.xml_dtd');
    refuseDtd(chunk);
    this.carry = chunk.length >= 8 ? chunk.slice(-8) : (this.carry + chunk).slice(-8);
  }
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decode predefined entities and numeric references; anything else is left as written. */
export function decodeXml(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-z]{2,4});/g, (m, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return NAMED[body] ?? m;
  });
}

/** OOXML escapes control characters in strings as _x000D_ (and a literal "_x" as _x005F_x). */
export function decodeOoxmlEscapes(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** Value of attribute `name` in a start tag (double or single quotes), or null. */
export function attr(tag: string, name: string): string | null {
  let i = tag.indexOf(` ${name}="`);
  let q = '"';
  if (i < 0) {
    i = tag.indexOf(` ${name}='`);
    q = "'";
    if (i < 0) {
      if (tag.indexOf(`${name}=`) < 0 && tag.indexOf(`${name} =`) < 0) return null;
      // Attributes may also follow a newline or tab.
      const m = new RegExp(`[\\s]${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*(["'])(.*?)\\1`).exec(tag);
      return m ? m[2] : null;
    }
  }
  const start = i + name.length + 3;
  const end = tag.indexOf(q, start);
  return end < 0 ? null : tag.slice(start, end);
}

/** The namespace prefix ("x:" or "") a part uses for its root element `local`. */
export function prefixOf(xml: string, local: string): string {
  const m = new RegExp(`<([A-Za-z_][\\w.-]*:)?${local}[\\s>/]`).exec(xml);
  return m?.[1] ?? '';
}

/** Concatenated text of all <t> elements in a fragment, skipping phonetic runs (<rPh>). */
export function textRuns(frag: string, p: string, raw = false): string {
  let s = frag;
  if (s.indexOf('rPh') >= 0) s = s.replace(new RegExp(`<${p}rPh[\\s\\S]*?</${p}rPh>`, 'g'), '');
  const open = `<${p}t`;
  const close = `</${p}t>`;
  let out = '';
  let i = s.indexOf(open);
  while (i >= 0) {
    const c = s.charCodeAt(i + open.length);
    const gt = s.indexOf('>', i);
    if (gt < 0) break;
    if (c === 62 /* > */ || c === 32 || c === 9 || c === 10 || c === 13) {
      if (s.charCodeAt(gt - 1) !== 47 /* self-closing <t/> */) {
        const end = s.indexOf(close, gt);
        if (end < 0) break;
        out += s.slice(gt + 1, end);
        i = s.indexOf(open, end);
        continue;
      }
    }
    i = s.indexOf(open, gt);
  }
  return raw ? out : decodeOoxmlEscapes(decodeXml(out));
}
