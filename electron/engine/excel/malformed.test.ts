// Hostile and broken inputs end in a clear refusal (ImportError with a dictionary key), fast and
// in bounded memory: not a spreadsheet, truncated, corrupted, zip bombs, XML bombs, encrypted, too
// big, too many rows, empty.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { t } from '../../../shared/i18n';
import { buildDepartmentWorkbook, writeXlsx } from '../../../test/fixtures/excel/make-fixtures';
import { CALAMINE_CORPUS, itWithData } from '../../../test/support/need-data';
import { ImportError, LIMITS, importSpreadsheet } from './index';
import { writeWorkbook, StyleRegistry, type WCell } from './xlsx-writer';
import { ZipWriter } from './zip-writer';
import { DtdGuard } from './xml';

const CORPUS = path.resolve(__dirname, '../../../../shared/corpus/calamine');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'plandesk-bad-'));

async function refusal(input: Parameters<typeof importSpreadsheet>[0]): Promise<string> {
  const e = await importSpreadsheet(input).then(
    () => null,
    (err) => err,
  );
  expect(e).toBeInstanceOf(ImportError);
  // A Vietnamese message exists for it.
  expect(t('vi', e.code, e.params)).not.toBe(e.code);
  return e.code;
}

/** A minimal xlsx package with the given parts (strings). */
function pkg(file: string, parts: Record<string, string | Buffer>): string {
  const z = new ZipWriter(file);
  const base: Record<string, string> = {
    '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    '_rels/.rels': '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    'xl/workbook.xml': '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
    'xl/_rels/workbook.xml.rels': '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
  };
  for (const [k, v] of Object.entries({ ...base, ...parts })) z.add(k, v, 9);
  z.close();
  return file;
}

describe('refusals', () => {
  it('not a spreadsheet: text, an image, random bytes, an empty file', async () => {
    expect(await refusal({ bytes: Buffer.from('STT;Nội dung;Tổng\n1;A;5\n'), name: 'a.csv' })).toBe('excel.error.not_spreadsheet');
    expect(await refusal({ bytes: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), name: 'a.xlsx' })).toBe('excel.error.not_spreadsheet');
    expect(await refusal({ bytes: Uint8Array.from({ length: 5000 }, (_, i) => (i * 7919) % 251), name: 'x.xls' })).toBe('excel.error.not_spreadsheet');
    expect(await refusal({ bytes: new Uint8Array(0), name: 'empty.xlsx' })).toBe('excel.error.empty_file');
    expect(await refusal({ path: path.join(tmp, 'missing.xlsx') })).toBe('excel.error.not_found');
  });

  it('truncated and corrupted packages', async () => {
    const good = fs.readFileSync(await writeXlsx(buildDepartmentWorkbook(), path.join(tmp, 'good.xlsx')));
    for (const cut of [10, 200, Math.floor(good.length / 2), good.length - 30]) {
      expect(await refusal({ bytes: good.subarray(0, cut), name: 'cut.xlsx' })).toBe('excel.error.damaged');
    }
    // Same directory, garbage in the compressed data of every part.
    const bad = Buffer.from(good);
    for (let i = 200; i < bad.length - 2000; i += 97) bad[i] ^= 0x5a;
    expect(['excel.error.damaged', 'excel.error.no_table']).toContain(await refusal({ bytes: bad, name: 'bad.xlsx' }));
  });

  it('a zip bomb is stopped by the ratio check before it inflates', async () => {
    // 64 MB of spaces inside the sheet: compresses ~1000:1.
    const sheet = Buffer.alloc(64 << 20, 0x20);
    Buffer.from('<worksheet><sheetData>').copy(sheet, 0);
    const file = pkg(path.join(tmp, 'bomb.xlsx'), { 'xl/worksheets/sheet1.xml': sheet });
    expect(fs.statSync(file).size).toBeLessThan(1 << 20);
    const before = process.memoryUsage().rss;
    const t0 = performance.now();
    expect(await refusal({ path: file })).toBe('excel.error.zip_bomb');
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(process.memoryUsage().rss - before).toBeLessThan(200 << 20);
  });

  it('a bomb in an .ods is stopped the same way', async () => {
    const z = new ZipWriter(path.join(tmp, 'bomb.ods'));
    z.add('mimetype', 'application/vnd.oasis.opendocument.spreadsheet');
    z.add('content.xml', Buffer.alloc(64 << 20, 0x20), 9);
    z.close();
    expect(await refusal({ path: path.join(tmp, 'bomb.ods') })).toBe('excel.error.zip_bomb');
  });

  it('XML entity expansion (billion laughs) and external entities are refused', async () => {
    const lol = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol3;</t></is></c></row></sheetData></worksheet>';
    expect(await refusal({ path: pkg(path.join(tmp, 'lol.xlsx'), { 'xl/worksheets/sheet1.xml': lol }) })).toBe('excel.error.xml_dtd');
    const xxe = '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY x SYSTEM "file:///etc/passwd">]><sst><si><t>&x;</t></si></sst>';
    expect(await refusal({ path: pkg(path.join(tmp, 'xxe.xlsx'), { 'xl/sharedStrings.xml': xxe, 'xl/worksheets/sheet1.xml': '<worksheet><sheetData/></worksheet>' }) })).toBe('excel.error.xml_dtd');
    const wbDtd = '<?xml version="1.0"?><!DOCTYPE workbook [<!ENTITY a "b">]><workbook/>';
    expect(await refusal({ path: pkg(path.join(tmp, 'wbdtd.xlsx'), { 'xl/workbook.xml': wbDtd }) })).toBe('excel.error.xml_dtd');
    const z = new ZipWriter(path.join(tmp, 'lol.ods'));
    z.add('mimetype', 'application/vnd.oasis.opendocument.spreadsheet');
    z.add('content.xml', lol);
    z.close();
    expect(await refusal({ path: path.join(tmp, 'lol.ods') })).toBe('excel.error.xml_dtd');
  });

  itWithData(CALAMINE_CORPUS, 'password-protected files from the corpus', async () => {
    for (const f of ['pass_protected.xlsx', 'pass_protected.ods', 'pass_protected.xlsb']) {
      expect(await refusal({ path: path.join(CORPUS, f) })).toBe('excel.error.encrypted');
    }
  });

  it('formats SheetJS parses whole are capped lower, with a "save as .xlsx" message', async () => {
    const big = Buffer.alloc(LIMITS.maxSheetJSFileBytes + 1);
    Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(big, 0);
    expect(await refusal({ bytes: big, name: 'big.xls' })).toBe('excel.error.convert_to_xlsx');
  });

  it('a file over the size limit is refused before it is read', async () => {
    const file = path.join(tmp, 'huge.xlsx');
    fs.writeFileSync(file, 'PK\u0003\u0004');
    fs.truncateSync(file, LIMITS.maxFileBytes + 1);
    expect(await refusal({ path: file })).toBe('excel.error.file_too_big');
  });

  it('a sheet of 1.000.000 rows is refused at the row limit, in bounded time', async () => {
    const file = path.join(tmp, 'million.xlsx');
    await writeWorkbook(
      file,
      [{ name: 'S', merges: [], notes: [], rows: async (emit) => {
        await emit([{ t: 's', v: 'STT', s: 0 }, { t: 's', v: 'Nội dung', s: 0 }, { t: 's', v: 'Tổng cộng', s: 0 }]);
        const cell: WCell[] = [{ t: 'n', v: '1', s: 0 }];
        for (let i = 0; i < 1_000_000; i++) await emit(cell);
      } }],
      new StyleRegistry(),
    );
    const t0 = performance.now();
    expect(await refusal({ path: file })).toBe('excel.error.too_many_rows');
    expect(performance.now() - t0).toBeLessThan(15_000);
  }, 60_000);

  it('a table with more funding columns than a plan takes (64) is refused with its count, not made into a plan', async () => {
    const file = path.join(tmp, 'wide.xlsx');
    const head: WCell[] = [{ t: 's', v: 'STT', s: 0 }, { t: 's', v: 'Nội dung', s: 0 }, { t: 's', v: 'Tổng cộng', s: 0 }];
    for (let i = 1; i <= 70; i++) head.push({ t: 's', v: `Vốn huy động nguồn ${i}`, s: 0 });
    const row: WCell[] = [{ t: 's', v: '1', s: 0 }, { t: 's', v: 'Dự án 1', s: 0 }, { t: 'n', v: '70', s: 0 }];
    for (let i = 1; i <= 70; i++) row.push({ t: 'n', v: '1', s: 0 });
    await writeWorkbook(file, [{ name: 'S', merges: [], notes: [], rows: async (emit) => { await emit(head); await emit(row); } }], new StyleRegistry());
    expect(await refusal({ path: file })).toBe('excel.error.too_many_columns');
  });

  it('an .ods that repeats one row a million times is refused before SheetJS expands it', async () => {
    const z = new ZipWriter(path.join(tmp, 'repeat.ods'));
    z.add('mimetype', 'application/vnd.oasis.opendocument.spreadsheet');
    z.add('styles.xml', '<?xml version="1.0"?><office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>');
    z.add(
      'content.xml',
      '<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="S">' +
        '<table:table-row><table:table-cell office:value-type="string"><text:p>STT</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Nội dung</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Tổng cộng</text:p></table:table-cell></table:table-row>' +
        '<table:table-row table:number-rows-repeated="1048575"><table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="12"><text:p>1</text:p></table:table-cell></table:table-row>' +
        // Formatting-only repeats (what LibreOffice writes below a table) do not count.
        '<table:table-row table:number-rows-repeated="1048576"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>' +
        '</table:table></office:spreadsheet></office:body></office:document-content>',
    );
    z.close();
    const before = process.memoryUsage().rss;
    const t0 = performance.now();
    expect(await refusal({ path: path.join(tmp, 'repeat.ods') })).toBe('excel.error.too_many_rows');
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(process.memoryUsage().rss - before).toBeLessThan(200 << 20);
  });

  it('declared sizes cannot hide a bomb: real inflated bytes are counted', async () => {
    const file = pkg(path.join(tmp, 'liar.xlsx'), { 'xl/worksheets/sheet1.xml': Buffer.alloc(48 << 20, 0x20) });
    const b = fs.readFileSync(file);
    // Rewrite every central-directory "uncompressed size" to 100 bytes.
    for (let i = b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), b.length); i >= 0; i = b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), i - 1)) b.writeUInt32LE(100, i + 24);
    // The local headers still say the real size: the part is refused as damaged before it inflates.
    expect(await refusal({ bytes: b, name: 'liar.xlsx' })).toBe('excel.error.damaged_part');
    // Local headers lying too: refused as soon as it inflates past the stated size.
    for (let i = b.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04])); i >= 0; i = b.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04]), i + 1)) b.writeUInt32LE(100, i + 22);
    const before = process.memoryUsage().rss;
    expect(await refusal({ bytes: b, name: 'liar.xlsx' })).toBe('excel.error.damaged_part');
    expect(process.memoryUsage().rss - before).toBeLessThan(100 << 20);
    expect(zlib.crc32).toBeTypeOf('function');
  });
});

describe('a DTD is refused wherever it stands', () => {
  const comment = `<!--${'x'.repeat(10_000)}-->`;
  const dtd = '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>';
  const sheetXml = (before: string) => `<?xml version="1.0"?>${before}${dtd}<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>`;
  /** A comment long enough that the DOCTYPE starts `k` characters before the inflater's 256 KB chunk ends. */
  const straddling = (k: number) => `<!--${'y'.repeat((1 << 18) - '<?xml version="1.0"?>'.length - 7 - k)}-->`;

  it('in any xlsx part, after a 10.000-character comment', async () => {
    expect(await refusal({ path: pkg(path.join(tmp, 'dtd-sheet.xlsx'), { 'xl/worksheets/sheet1.xml': sheetXml(comment) }) })).toBe('excel.error.xml_dtd');
    const sst = `<?xml version="1.0"?>${comment}${dtd}<sst><si><t>a</t></si></sst>`;
    expect(await refusal({ path: pkg(path.join(tmp, 'dtd-sst.xlsx'), { 'xl/sharedStrings.xml': sst, 'xl/worksheets/sheet1.xml': '<worksheet><sheetData/></worksheet>' }) })).toBe('excel.error.xml_dtd');
    const wb = `<?xml version="1.0"?>${comment}${dtd}<workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`;
    expect(await refusal({ path: pkg(path.join(tmp, 'dtd-wb.xlsx'), { 'xl/workbook.xml': wb }) })).toBe('excel.error.xml_dtd');
  });

  it('in an xlsx sheet, split across two inflated chunks', async () => {
    for (const k of [1, 4, 8]) {
      const xml = sheetXml(straddling(k));
      expect(xml.indexOf('<!DOCTYPE')).toBe((1 << 18) - k);
      expect(await refusal({ path: pkg(path.join(tmp, `dtd-split-${k}.xlsx`), { 'xl/worksheets/sheet1.xml': xml }) })).toBe('excel.error.xml_dtd');
    }
  });

  it('in an .ods content.xml, deep inside or split across chunks, before SheetJS sees it', async () => {
    for (const [name, before] of [['deep', comment], ['split', straddling(3)]] as const) {
      const z = new ZipWriter(path.join(tmp, `dtd-${name}.ods`));
      z.add('mimetype', 'application/vnd.oasis.opendocument.spreadsheet');
      z.add('content.xml', `<?xml version="1.0"?>${before}${dtd}<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>`);
      z.close();
      expect(await refusal({ path: path.join(tmp, `dtd-${name}.ods`) })).toBe('excel.error.xml_dtd');
    }
  });

  it('in a SpreadsheetML 2003 ".xls", after a long comment', async () => {
    const xml = `<?xml version="1.0"?>${comment}${dtd}<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="S"><Table><Row><Cell><Data ss:Type="String">&lol2;</Data></Cell></Row></Table></Worksheet></Workbook>`;
    expect(await refusal({ bytes: Buffer.from(xml), name: 'x.xls' })).toBe('excel.error.xml_dtd');
  });

  it('the streaming guard catches a declaration split at any point between two chunks', () => {
    for (const decl of ['<!DOCTYPE x>', '<!ENTITY a "b">', '<!doctype x>']) {
      const text = `${'z'.repeat(20)}${decl}${'z'.repeat(20)}`;
      for (let cut = 1; cut < text.length; cut++) {
        const g = new DtdGuard();
        expect(() => {
          g.push(text.slice(0, cut));
          g.push(text.slice(cut));
        }, `${decl} cut at ${cut}`).toThrow(ImportError);
      }
      // Three pieces, the middle one shorter than the declaration.
      const g = new DtdGuard();
      expect(() => ['zz<!D', 'OC', 'TYPE x>'].forEach((c) => g.push(c))).toThrow(ImportError);
    }
    // Comments and CDATA are not declarations.
    const g = new DtdGuard();
    expect(() => ['<!-- a -->', '<![CDATA[x]]>', '<!', '-- b -->'].forEach((c) => g.push(c))).not.toThrow();
  });
});
