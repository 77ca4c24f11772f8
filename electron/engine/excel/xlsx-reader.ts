// Streaming reader for .xlsx/.xlsm packages: inflates the sheet XML chunk by chunk (zip.ts) and scans
// it with indexOf, never building a DOM, so a 100.000-line annex reads in about a second and in
// bounded memory. Reads workbook (sheet names, states), relationships, shared strings and the few
// style facts the importer needs (bold, italic, indent, font name). Formulas are never evaluated:
// a formula cell carries its cached value.
import { LIMITS } from './limits';
import { ImportError } from './errors';
import type { Cell, CellKind, CellStyle, LoadContext, Range, Row, SheetData, SheetInfo, WorkbookSource } from './sheet';
import { DEFAULT_STYLE } from './sheet';
import { parseAddress } from './text';
import { attr, decodeOoxmlEscapes, decodeXml, prefixOf, refuseDtd, textRuns } from './xml';
import type { ZipArchive, ZipEntry } from './zip';

const SMALL_PART = 64 * 1024 * 1024;

interface SheetRef extends SheetInfo {
  path: string | null;
}

export async function openXlsx(zip: ZipArchive, ctx: LoadContext): Promise<WorkbookSource> {
  const wbPath = workbookPath(await partText(zip, '_rels/.rels', ctx));
  const wbXml = await partText(zip, wbPath, ctx);
  if (wbXml === null) throw new ImportError('excel.error.damaged');
  const relsPath = wbPath.replace(/[^/]*$/, (f) => `_rels/${f}.rels`);
  const rels = parseRels(await partText(zip, relsPath, ctx), wbPath);
  const p = prefixOf(wbXml, 'workbook');
  const sheets: SheetRef[] = [];
  const re = new RegExp(`<${p}sheet\\s[^>]*>`, 'g');
  for (const m of wbXml.matchAll(re)) {
    const tag = m[0];
    const name = decodeXml(attr(tag, 'name') ?? `Sheet${sheets.length + 1}`).normalize('NFC');
    const state = attr(tag, 'state');
    const rid = attr(tag, 'r:id') ?? relIdAnyPrefix(tag);
    const rel = rid ? rels.get(rid) : undefined;
    sheets.push({ name, hidden: state === 'hidden' || state === 'veryHidden', path: rel && /worksheet/i.test(rel.type) ? rel.target : null });
  }
  if (sheets.length === 0) throw new ImportError('excel.error.no_sheets');

  let shared: string[] | null = null;
  let styles: CellStyle[] | null = null;
  const sharedPath = [...rels.values()].find((r) => /sharedStrings/i.test(r.type))?.target ?? 'xl/sharedStrings.xml';
  const stylesPath = [...rels.values()].find((r) => /\/styles$/i.test(r.type))?.target ?? 'xl/styles.xml';
  const prepare = async (c: LoadContext) => {
    shared ??= await readSharedStrings(zip, sharedPath, c);
    styles ??= parseStyles(await partText(zip, stylesPath, c));
  };

  const load = async (index: number, c: LoadContext): Promise<SheetData> => {
    const ref = sheets[index];
    await prepare(c);
    const entry = ref.path ? zip.find(ref.path) : undefined;
    if (!entry) return { name: ref.name, rows: [], merges: [], hiddenCols: new Set(), styles: styles!, droppedCols: 0 };
    return readSheet(zip, entry, ref.name, shared!, styles!, c);
  };

  return {
    format: 'xlsx',
    sheets: sheets.map(({ name, hidden }) => ({ name, hidden })),
    load,
    loadHidden: async (name, c) => {
      const i = sheets.findIndex((s) => s.name === name);
      return i < 0 ? null : load(i, c);
    },
  };
}

async function partText(zip: ZipArchive, path: string, ctx: LoadContext): Promise<string | null> {
  const text = await zip.text(path, SMALL_PART, ctx.signal);
  if (text !== null) refuseDtd(text.slice(0, 4096));
  return text;
}

function relIdAnyPrefix(tag: string): string | null {
  const m = /\s[\w.-]+:id\s*=\s*["']([^"']+)["']/.exec(tag);
  return m ? m[1] : null;
}

function workbookPath(rootRels: string | null): string {
  if (rootRels) {
    for (const m of rootRels.matchAll(/<(?:\w+:)?Relationship\s[^>]*>/g)) {
      const type = attr(m[0], 'Type') ?? '';
      if (/officeDocument$/.test(type)) return resolvePath('', attr(m[0], 'Target') ?? '');
    }
  }
  return 'xl/workbook.xml';
}

function parseRels(xml: string | null, basePart: string): Map<string, { type: string; target: string }> {
  const out = new Map<string, { type: string; target: string }>();
  if (!xml) return out;
  const base = basePart.replace(/[^/]*$/, '');
  for (const m of xml.matchAll(/<(?:\w+:)?Relationship\s[^>]*>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id && target && attr(m[0], 'TargetMode') !== 'External') {
      out.set(id, { type: attr(m[0], 'Type') ?? '', target: resolvePath(base, decodeXml(target)) });
    }
  }
  return out;
}

/** Resolve a relationship target against its base folder ("/xl/x.xml" is absolute). */
function resolvePath(base: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : base + target).split('/');
  const out: string[] = [];
  for (const s of parts) {
    if (s === '..') out.pop();
    else if (s !== '.' && s !== '') out.push(s);
  }
  return out.join('/');
}

function parseStyles(xml: string | null): CellStyle[] {
  if (!xml) return [DEFAULT_STYLE];
  const p = prefixOf(xml, 'styleSheet');
  const fonts: { bold: boolean; italic: boolean; font: string }[] = [];
  const fontsBlock = new RegExp(`<${p}fonts[\\s>][\\s\\S]*?</${p}fonts>`).exec(xml)?.[0] ?? '';
  for (const m of fontsBlock.matchAll(new RegExp(`<${p}font(?:\\s[^>]*)?(?:/>|>([\\s\\S]*?)</${p}font>)`, 'g'))) {
    const body = m[1] ?? '';
    const bTag = new RegExp(`<${p}b(?:\\s[^>]*)?/?>`).exec(body)?.[0];
    const iTag = new RegExp(`<${p}i(?:\\s[^>]*)?/?>`).exec(body)?.[0];
    const nameTag = new RegExp(`<${p}name\\s[^>]*>`).exec(body)?.[0];
    fonts.push({
      bold: !!bTag && !/val\s*=\s*["'](0|false)["']/.test(bTag),
      italic: !!iTag && !/val\s*=\s*["'](0|false)["']/.test(iTag),
      font: nameTag ? decodeXml(attr(nameTag, 'val') ?? '') : '',
    });
  }
  const xfsBlock = new RegExp(`<${p}cellXfs[\\s>][\\s\\S]*?</${p}cellXfs>`).exec(xml)?.[0] ?? '';
  const out: CellStyle[] = [];
  for (const m of xfsBlock.matchAll(new RegExp(`<${p}xf(\\s[^>]*?)(?:/>|>([\\s\\S]*?)</${p}xf>)`, 'g'))) {
    const f = fonts[Number(attr(m[1], 'fontId') ?? 0)] ?? { bold: false, italic: false, font: '' };
    const align = m[2] ? new RegExp(`<${p}alignment\\s[^>]*>`).exec(m[2])?.[0] : undefined;
    out.push({ ...f, indent: align ? Number(attr(align, 'indent') ?? 0) || 0 : 0 });
    if (out.length > 65_536) break;
  }
  return out.length ? out : [DEFAULT_STYLE];
}

/**
 * Feed inflated bytes as latin1 text (one char per byte: markup is ASCII, so indexOf works, and no
 * UTF-8 decoding of the whole part); `take` consumes complete records and returns how much it used.
 * Text content is turned into real strings with `utf8()` — fresh copies, so the big chunk strings
 * are never kept alive by small slices of them.
 */
class TextFeed {
  private pending = '';
  private first = true;
  constructor(private readonly take: (text: string, final: boolean) => number) {}
  push(chunk: Buffer): void {
    const s = chunk.toString('latin1');
    if (this.first) {
      refuseDtd(s.slice(0, 4096));
      this.first = false;
    }
    this.pending = this.pending.length ? this.pending + s : s;
    const used = this.take(this.pending, false);
    if (used > 0) this.pending = this.pending.slice(used);
    // A single record never grows past this: a part that does is not a spreadsheet we can read.
    if (this.pending.length > 16 * 1024 * 1024) throw new ImportError('excel.error.damaged');
  }
  end(): void {
    this.take(this.pending, true);
    this.pending = '';
  }
}

/** latin1-scanned text → the real UTF-8 string (always a fresh, flat copy). */
function utf8(latin: string): string {
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(latin)) return Buffer.from(latin, 'latin1').toString('utf8');
  // ASCII: V8 copies short slices anyway; copy longer ones so they do not pin the chunk.
  return latin.length < 13 ? latin : Buffer.from(latin, 'latin1').toString('latin1');
}

/** Text of <t> runs of a latin1 fragment, decoded (entities, _xHHHH_) and NFC-normalised. */
function runsText(frag: string, p: string): string {
  const raw = textRuns(frag, p, true);
  if (raw === '') return raw;
  const s = decodeOoxmlEscapes(decodeXml(utf8(raw)));
  // eslint-disable-next-line no-control-regex
  return /[^\x00-\x7f]/.test(s) ? s.normalize('NFC') : s;
}

async function readSharedStrings(zip: ZipArchive, path: string, ctx: LoadContext): Promise<string[]> {
  const entry = zip.find(path);
  const out: string[] = [];
  if (!entry) return out;
  let p: string | null = null;
  let chars = 0;
  const feed = new TextFeed((text, final) => {
    p ??= prefixOf(text, 'sst');
    const open = `<${p}si`;
    const close = `</${p}si>`;
    let i = text.indexOf(open);
    let used = 0;
    while (i >= 0) {
      const gt = text.indexOf('>', i);
      if (gt < 0) break;
      if (text.charCodeAt(gt - 1) === 47) {
        out.push('');
        used = gt + 1;
      } else {
        const end = text.indexOf(close, gt);
        if (end < 0) break;
        const str = runsText(text.slice(gt + 1, end), p);
        chars += str.length;
        if (chars > LIMITS.maxTextChars) throw new ImportError('excel.error.too_large');
        out.push(str);
        used = end + close.length;
      }
      if (out.length > LIMITS.maxSharedStrings) throw new ImportError('excel.error.too_large');
      i = text.indexOf(open, used);
    }
    // Nothing more to find in what was scanned: keep only a tail that could hold a split tag.
    if (i < 0) used = Math.max(used, text.length - 16);
    return final ? text.length : used;
  });
  await zip.stream(entry, (c) => feed.push(c), ctx.signal);
  feed.end();
  return out;
}

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

async function readSheet(
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
