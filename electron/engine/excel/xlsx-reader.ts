// Streaming reader for .xlsx/.xlsm packages: the workbook (sheet names, states), relationships,
// shared strings and the few style facts the importer needs (bold, italic, indent, font name); each
// sheet is read on demand by the streaming scanner (xlsx-sheet.ts), so a 100.000-line annex reads in
// about a second and in bounded memory. Formulas are never evaluated: a formula cell carries its
// cached value.
import { LIMITS } from './limits';
import { ImportError } from './errors';
import { TextFeed, runsText } from './latin1-feed';
import type { CellStyle, LoadContext, SheetData, SheetInfo, WorkbookSource } from './sheet';
import { DEFAULT_STYLE } from './sheet';
import { attr, decodeXml, prefixOf, refuseDtd } from './xml';
import { readSheet } from './xlsx-sheet';
import type { ZipArchive } from './zip';

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
  const sharedRel = [...rels.values()].find((r) => /sharedStrings/i.test(r.type));
  const stylesRel = [...rels.values()].find((r) => /\/styles$/i.test(r.type));
  // A part the workbook declares but the package lacks (a name damaged on the way) would silently
  // blank every name or bold: refuse instead. Undeclared parts keep their usual default paths.
  for (const r of [sharedRel, stylesRel, ...sheets.map((s) => (s.path ? { target: s.path } : undefined))]) {
    if (r && !zip.find(r.target)) throw new ImportError('excel.error.missing_part', { part: r.target.slice(0, 200) });
  }
  const sharedPath = sharedRel?.target ?? 'xl/sharedStrings.xml';
  const stylesPath = stylesRel?.target ?? 'xl/styles.xml';
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
  if (text !== null) refuseDtd(text);
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

