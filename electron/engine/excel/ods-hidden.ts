// Hidden rows and columns of an .ods, which SheetJS does not report: scanned from content.xml
// (table:visibility="collapse" on rows/columns, with their repeat counts), per sheet name.
import { LIMITS } from './limits';
import { attr, decodeXml } from './xml';

export interface HiddenInfo {
  rows: Set<number>;
  cols: Set<number>;
}

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
    const re = /<table:table-(row|column)(\s[^>]*)?\/?>/g;
    let e: RegExpExecArray | null;
    while ((e = re.exec(body))) {
      const tag = e[0];
      const hidden = /table:visibility="(collapse|filter)"/.test(tag);
      if (e[1] === 'row') {
        const n = Math.min(Number(attr(tag, 'table:number-rows-repeated') ?? 1) || 1, LIMITS.maxRows * 4);
        if (hidden) for (let k = 0; k < n && row + k < LIMITS.maxRows * 4; k++) info.rows.add(row + k);
        row += n;
      } else {
        const n = Math.min(Number(attr(tag, 'table:number-columns-repeated') ?? 1) || 1, 16384);
        if (hidden) for (let k = 0; k < n && col + k < LIMITS.maxCols; k++) info.cols.add(col + k);
        col += n;
      }
    }
    out.set(s.name, info);
  });
  return out;
}
