// The worksheet scanner: streams one sheet part (zip.ts) through a latin1 feed and reads rows and
// cells with indexOf and in-place attribute scanning — no DOM, no regex per cell — into SheetData.
// Limits (rows, cells, columns, text) are checked as it goes; merges and hidden columns are read too.
import { LIMITS } from './limits';
import { ImportError } from './errors';
import { TextFeed, runsText, utf8 } from './latin1-feed';
import type { Cell, CellKind, CellStyle, LoadContext, Range, Row, SheetData } from './sheet';
import { parseAddress } from './text';
import { attr, decodeOoxmlEscapes, decodeXml, prefixOf } from './xml';
import type { ZipArchive, ZipEntry } from './zip';

/**
 * The attributes the sheet scanner needs, read from a start tag in place: no slicing, no regex —
 * a 100.000-line sheet has over a million cells, and per-cell garbage is what makes readers slow.
 */
interface TagAttrs {
  /** Column (0-based) from a cell's r="C10", or the row number (1-based) from a row's r="10"; -1 if absent. */
  col: number;
  row: number;
  style: number;
  /** t="…": 0 none/n, 1 s, 2 str, 3 inlineStr, 4 b, 5 e, 6 d, 7 other. */
  type: number;
  hidden: boolean;
}

function scanAttrs(text: string, from: number, to: number, out: TagAttrs): void {
  out.col = -1;
  out.row = -1;
  out.style = 0;
  out.type = 0;
  out.hidden = false;
  let i = from;
  while (i < to && text.charCodeAt(i) > 32 && text.charCodeAt(i) !== 62 && text.charCodeAt(i) !== 47) i++;
  while (i < to) {
    let c = text.charCodeAt(i);
    if (c <= 32) {
      i++;
      continue;
    }
    if (c === 47 || c === 62) break;
    const nameStart = i;
    while (i < to && (c = text.charCodeAt(i)) !== 61 && c > 32) i++;
    const len = i - nameStart;
    while (i < to && text.charCodeAt(i) !== 34 && text.charCodeAt(i) !== 39) i++;
    const q = text.charCodeAt(i);
    const v = i + 1;
    let e = v;
    while (e < to && text.charCodeAt(e) !== q) e++;
    if (e >= to) break;
    if (len === 1) {
      const n = text.charCodeAt(nameStart);
      if (n === 114 /* r */) {
        let k = v;
        let col = 0;
        for (let ch = text.charCodeAt(k); k < e && ch >= 65 && ch <= 90; ch = text.charCodeAt(++k)) col = col * 26 + ch - 64;
        let row = 0;
        for (let ch = text.charCodeAt(k); k < e && ch >= 48 && ch <= 57; ch = text.charCodeAt(++k)) row = row * 10 + ch - 48;
        out.col = col - 1;
        out.row = k > v ? row : -1;
      } else if (n === 115 /* s */) {
        let st = 0;
        for (let k = v; k < e; k++) st = st * 10 + text.charCodeAt(k) - 48;
        out.style = st >= 0 && st < 1e6 ? st : 0;
      } else if (n === 116 /* t */) {
        const l = e - v;
        const c0 = text.charCodeAt(v);
        out.type =
          l === 1 ? (c0 === 115 ? 1 : c0 === 98 ? 4 : c0 === 101 ? 5 : c0 === 100 ? 6 : c0 === 110 ? 0 : 7)
          : l === 3 && c0 === 115 ? 2
          : l === 9 && c0 === 105 ? 3
          : 7;
      }
    } else if (len === 6 && text.startsWith('hidden', nameStart)) {
      const c0 = text.charCodeAt(v);
      out.hidden = c0 === 49 || c0 === 116; // "1" or "true"
    }
    i = e + 1;
  }
}

function isTagEnd(c: number): boolean {
  return c === 32 || c === 62 || c === 47 || c === 9 || c === 10 || c === 13;
}

export async function readSheet(
  zip: ZipArchive,
  entry: ZipEntry,
  name: string,
  shared: string[],
  styles: CellStyle[],
  ctx: LoadContext,
): Promise<SheetData> {
  const rows: Row[] = [];
  const merges: Range[] = [];
  const hiddenCols = new Set<number>();
  let droppedCols = 0;
  let cellCount = 0;
  let textChars = 0;
  let p: string | null = null;
  let stage: 'head' | 'data' | 'tail' = 'head';
  let tail = '';
  let nextRow = 0;
  let rowOpen = '';
  let rowClose = '';
  let cOpen = '';
  let cClose = '';
  let plen = 0;
  let vOpen = '';
  let vClose = '';
  const a: TagAttrs = { col: -1, row: -1, style: 0, type: 0, hidden: false };

  const parseCols = (head: string) => {
    for (const m of head.matchAll(new RegExp(`<${p}col\\s[^>]*>`, 'g'))) {
      const hidden = attr(m[0], 'hidden');
      if (hidden === '1' || hidden === 'true') {
        const min = Number(attr(m[0], 'min'));
        const max = Math.min(Number(attr(m[0], 'max')), LIMITS.maxCols);
        for (let c = min; c <= max; c++) hiddenCols.add(c - 1);
      }
    }
  };

  const parseRow = (text: string, from: number, to: number, index: number, hidden: boolean) => {
    const cells: Cell[] = [];
    let count = 0;
    let nextCol = 0;
    let i = text.indexOf(cOpen, from);
    while (i >= 0 && i < to) {
      const gt = text.indexOf('>', i);
      if (!isTagEnd(text.charCodeAt(i + cOpen.length))) {
        i = text.indexOf(cOpen, gt);
        continue;
      }
      scanAttrs(text, i + 1, gt, a);
      const col = a.col >= 0 ? a.col : nextCol;
      nextCol = col + 1;
      if (text.charCodeAt(gt - 1) === 47) {
        i = text.indexOf(cOpen, gt);
        continue;
      }
      const end = text.indexOf(cClose, gt);
      if (end < 0) break;
      i = text.indexOf(cOpen, end);
      if (col < 0) continue;
      if (col >= LIMITS.maxCols) {
        droppedCols++;
        continue;
      }
      const t = a.type;
      const style = a.style;
      // Find <f>, <v>, <is> inside this cell only: step through its tags (a cell body is short).
      let formula = false;
      let vAt = -1;
      let isAt = -1;
      for (let k = text.indexOf('<', gt + 1); k >= 0 && k < end; k = text.indexOf('<', k + 1)) {
        if (plen && !text.startsWith(p!, k + 1)) continue;
        const ch = text.charCodeAt(k + 1 + plen);
        const next = text.charCodeAt(k + 2 + plen);
        if (ch === 102 /* f */ && isTagEnd(next)) formula = true;
        else if (ch === 118 /* v */ && next === 62) vAt = k;
        else if (ch === 105 /* i */ && next === 115 /* s */ && isTagEnd(text.charCodeAt(k + 3 + plen))) {
          isAt = k;
          break;
        }
      }
      let kind: CellKind = 'n';
      let value: string | null = null;
      if (t === 3) {
        value = isAt >= 0 ? runsText(text.slice(isAt, end), p!) : null;
        kind = 's';
      } else {
        if (vAt >= 0) {
          const v1 = text.indexOf(vClose, vAt);
          value = text.slice(vAt + vOpen.length, v1);
        }
        if (t === 1) {
          kind = 's';
          value = value === null ? null : (shared[Number(value)] ?? '');
        } else if (t === 2 || t === 6) {
          kind = 's';
          value = value === null ? null : decodeOoxmlEscapes(decodeXml(utf8(value))).normalize('NFC');
        } else if (t === 4) {
          kind = 'b';
          value = value === null ? null : value.trim() === '1' ? 'TRUE' : 'FALSE';
        } else if (t === 5) {
          kind = 'e';
          value = value === null ? null : decodeXml(value);
        } else if (value !== null) {
          value = value.trim();
          if (value.length > 40) value = null; // not a number any reader would write
          else if (value.length >= 13) value = utf8(value); // a copy: a slice would pin the chunk
        }
      }
      if (kind === 's' && t !== 1 && value !== null) {
        textChars += value.length;
        if (textChars > LIMITS.maxTextChars) throw new ImportError('excel.error.too_large');
      }
      if (value === null) {
        if (!formula) continue;
        cells[col] = { kind: 'n', text: '', formula, noValue: true, style };
      } else {
        if (kind === 's' && value === '' && !formula) continue;
        cells[col] = { kind, text: value, formula, noValue: false, style };
      }
      count++;
    }
    if (count > 0) {
      rows.push({ index, hidden, cells });
      cellCount += count;
      if (rows.length > LIMITS.maxRows) throw new ImportError('excel.error.too_many_rows', { max: LIMITS.maxRows });
      if (cellCount > LIMITS.maxCells) throw new ImportError('excel.error.too_large');
    }
  };

  const takeRows = (text: string, from: number, upto: number): number => {
    let i = text.indexOf(rowOpen, from);
    while (i >= 0 && i < upto) {
      const gt = text.indexOf('>', i);
      if (gt < 0 || gt >= upto) break;
      if (!isTagEnd(text.charCodeAt(i + rowOpen.length))) {
        i = text.indexOf(rowOpen, gt);
        continue;
      }
      scanAttrs(text, i + 1, gt, a);
      const index = a.row > 0 ? a.row - 1 : nextRow;
      const hidden = a.hidden;
      nextRow = index + 1;
      if (text.charCodeAt(gt - 1) === 47) {
        i = text.indexOf(rowOpen, gt);
        continue;
      }
      const end = text.indexOf(rowClose, gt);
      if (end < 0 || end >= upto) break;
      if (Number.isFinite(index) && index >= 0) parseRow(text, gt + 1, end, index, hidden);
      i = text.indexOf(rowOpen, end);
    }
    return i < 0 || i >= upto ? upto : i;
  };

  const size = entry.size || entry.compressedSize * 8;
  let seen = 0;
  let lastReport = 0;
  const feed = new TextFeed((text, final) => {
    let used = 0;
    if (stage === 'head') {
      p ??= prefixOf(text, 'worksheet');
      const sd = text.indexOf(`<${p}sheetData`);
      if (sd < 0) {
        if (!final) return 0; // the head (cols, views) is small; TextFeed caps it
        tail = text;
        return text.length;
      }
      const gt = text.indexOf('>', sd);
      if (gt < 0) return 0;
      parseCols(text.slice(0, sd));
      rowOpen = `<${p}row`;
      rowClose = `</${p}row>`;
      cOpen = `<${p}c`;
      cClose = `</${p}c>`;
      plen = p.length;
      vOpen = `<${p}v>`;
      vClose = `</${p}v>`;
      stage = text.charCodeAt(gt - 1) === 47 ? 'tail' : 'data';
      used = gt + 1;
    }
    if (stage === 'data') {
      const endData = text.indexOf(`</${p}sheetData>`, used);
      if (endData >= 0) {
        takeRows(text, used, endData);
        stage = 'tail';
        used = endData;
      } else {
        // Rows before the last row start are complete; keep the rest for the next chunk.
        const last = text.lastIndexOf(rowOpen);
        if (last > used) used = takeRows(text, used, last);
        else if (last < 0) used = Math.max(used, text.length - 32); // no row in sight: drop it
        if (final) used = takeRows(text, used, text.length);
        return used;
      }
    }
    if (stage === 'tail') {
      // Merges come after the data; keep only what matters (bounded: mergeCells are small).
      tail += text.slice(used);
      if (tail.length > 32 * 1024 * 1024) throw new ImportError('excel.error.too_large');
      return text.length;
    }
    return used;
  });
  await zip.stream(
    entry,
    (chunk) => {
      seen += chunk.length;
      feed.push(chunk);
      const f = Math.min(1, seen / size);
      if (ctx.onProgress && f - lastReport >= 0.02) {
        lastReport = f;
        ctx.onProgress(f);
      }
    },
    ctx.signal,
  );
  feed.end();
  if (p !== null) {
    for (const m of tail.matchAll(new RegExp(`<${p}mergeCell\\s[^>]*>`, 'g'))) {
      const ref = attr(m[0], 'ref');
      const [ra, rb] = (ref ?? '').split(':');
      const s0 = parseAddress(ra ?? '');
      const e0 = parseAddress(rb ?? ra ?? '');
      if (s0 && e0) merges.push({ r1: s0.row, c1: s0.col, r2: e0.row, c2: e0.col });
      if (merges.length > LIMITS.maxMerges) break;
    }
  }
  return { name, rows, merges, hiddenCols, styles, droppedCols };
}
