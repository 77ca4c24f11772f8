// What SheetJS does not tell or guard about an .ods, read from content.xml before it parses:
// hidden rows and columns (table:visibility="collapse"), and the real size of each table once
// repeats are expanded — a tiny file can say "this row, a million times" (table:number-rows-repeated),
// which SheetJS would expand into gigabytes. Empty repeated rows and cells (formatting) do not count.
import { ImportError } from './errors';
import { LIMITS } from './limits';
import { attr, decodeXml } from './xml';

export interface HiddenInfo {
  rows: Set<number>;
  cols: Set<number>;
}

const CONTENT = /office:value-type=|<text:p[\s>][^<]*[^<\s]|<text:p[\s>]\s*<text:/;

/** Hidden rows/columns per table name; refuses tables whose expanded content passes the limits. */
export function odsHidden(content: string): Map<string, HiddenInfo> {
  const out = new Map<string, HiddenInfo>();
  const tableRe = /<table:table\s[^>]*>/g;
  let m: RegExpExecArray | null;
  const starts: { name: string; at: number }[] = [];
  while ((m = tableRe.exec(content))) starts.push({ name: decodeXml(attr(m[0], 'table:name') ?? '').normalize('NFC'), at: m.index + m[0].length });
  starts.forEach((s, i) => {
    const end = i + 1 < starts.length ? starts[i + 1].at : content.length;
    const body = content.slice(s.at, end);
    const info: HiddenInfo = { rows: new Set(), cols: new Set() };
    let row = 0;
    let col = 0;
    let contentRows = 0;
    let contentCells = 0;
    const re = /<table:table-(row|column)(\s[^>]*?)?(\/)?>/g;
    let e: RegExpExecArray | null;
    while ((e = re.exec(body))) {
      const tag = e[0];
      const hidden = /table:visibility="(collapse|filter)"/.test(tag);
      if (e[1] === 'column') {
        const n = Math.min(Number(attr(tag, 'table:number-columns-repeated') ?? 1) || 1, 16384);
        if (hidden) for (let k = 0; k < n && col + k < LIMITS.maxCols; k++) info.cols.add(col + k);
        col += n;
        continue;
      }
      const n = Math.max(1, Math.min(Number(attr(tag, 'table:number-rows-repeated') ?? 1) || 1, 1 << 21));
      if (hidden) for (let k = 0; k < n && row + k < LIMITS.maxRows * 4; k++) info.rows.add(row + k);
      if (!e[3]) {
        const close = body.indexOf('</table:table-row>', re.lastIndex);
        const rowBody = close < 0 ? body.slice(re.lastIndex) : body.slice(re.lastIndex, close);
        let cells = 0;
        for (const c of rowBody.matchAll(/<table:(?:covered-)?table-cell(\s[^>]*?)?(?:\/>|>([\s\S]*?)<\/table:(?:covered-)?table-cell>)/g)) {
          if (CONTENT.test(c[1] ?? '') || CONTENT.test(c[2] ?? '')) cells += Math.min(Number(attr(c[0], 'table:number-columns-repeated') ?? 1) || 1, 16384);
        }
        if (cells > 0) {
          contentRows += n;
          contentCells += n * cells;
          if (contentRows > LIMITS.maxRows) throw new ImportError('excel.error.too_many_rows', { max: LIMITS.maxRows });
          if (contentCells > LIMITS.maxCells) throw new ImportError('excel.error.too_large');
        }
        if (close >= 0) re.lastIndex = close;
      }
      row += n;
    }
    out.set(s.name, info);
  });
  return out;
}
