// Open any supported spreadsheet from bytes: sniff the real format (never trust the extension),
// refuse what is not a spreadsheet, encrypted, too big or a bomb, and pick the reader — the streaming
// one for .xlsx/.xlsm, SheetJS for .xls/.ods/.xlsb and XML/HTML "xls".
import { LIMITS } from './limits';
import { ImportError, checkAbort } from './errors';
import type { LoadContext, WorkbookSource } from './sheet';
import { odsHidden } from './ods-hidden';
import { openWithSheetJS } from './sheetjs-reader';
import { openXlsx } from './xlsx-reader';
import { DtdGuard, refuseDtd } from './xml';
import { ZipArchive, isCfb, isZip } from './zip';

export async function openWorkbook(bytes: Uint8Array, ctx: LoadContext): Promise<WorkbookSource> {
  checkAbort(ctx.signal);
  if (bytes.length > LIMITS.maxFileBytes) {
    throw new ImportError('excel.error.file_too_big', { size: Math.round(bytes.length / 1048576), max: LIMITS.maxFileBytes / 1048576 });
  }
  if (bytes.length === 0) throw new ImportError('excel.error.empty_file');
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (isZip(buf)) return openZip(buf, ctx);
  if (isCfb(buf)) {
    // Excel stores password-protected xlsx as a CFB holding "EncryptedPackage" (names are UTF-16LE).
    if (buf.includes(Buffer.from('EncryptedPackage', 'utf16le')) || buf.includes(Buffer.from('EncryptionInfo', 'utf16le'))) {
      throw new ImportError('excel.error.encrypted');
    }
    if (buf.length > LIMITS.maxSheetJSFileBytes) throw new ImportError('excel.error.convert_to_xlsx', { format: 'xls' });
    return openWithSheetJS(buf, 'xls', ctx);
  }
  // BIFF2-5 worksheets written without a compound file start with a BOF record.
  if (buf.length >= 4 && (buf[0] === 0x09 || buf[0] === 0x02) && (buf[1] === 0x00 || buf[1] === 0x02 || buf[1] === 0x04 || buf[1] === 0x08) && buf[2] <= 0x10) {
    if (buf.length > LIMITS.maxSheetJSFileBytes) throw new ImportError('excel.error.convert_to_xlsx', { format: 'xls' });
    return openWithSheetJS(buf, 'xls', ctx);
  }
  const head = buf.subarray(0, 4096).toString('utf8').replace(/^\uFEFF/, '').trimStart();
  if (/^<(\?xml|html|table|!doctype html)/i.test(head) && /urn:schemas-microsoft-com:office:spreadsheet|<table/i.test(buf.subarray(0, 1 << 20).toString('utf8'))) {
    // SpreadsheetML 2003: SheetJS parses it whole, so the whole file is checked for a DTD first.
    if (/^<\?xml/i.test(head)) refuseDtd(buf.toString('latin1'));
    if (buf.length > LIMITS.maxSheetJSFileBytes) throw new ImportError('excel.error.convert_to_xlsx', { format: 'xls' });
    return openWithSheetJS(buf, 'xls', ctx);
  }
  throw new ImportError('excel.error.not_spreadsheet');
}

async function openZip(buf: Buffer, ctx: LoadContext): Promise<WorkbookSource> {
  const zip = new ZipArchive(buf);
  const mimetype = zip.find('mimetype');
  if (mimetype || zip.has('content.xml')) {
    const manifest = await zip.text('META-INF/manifest.xml', 4 << 20, ctx.signal);
    if (manifest && /encryption-data/.test(manifest)) throw new ImportError('excel.error.encrypted');
    await verifyParts(zip, ctx, 'ods');
    const content = await zip.text('content.xml', 256 << 20, ctx.signal);
    return openWithSheetJS(buf, 'ods', ctx, content ? odsHidden(content) : undefined);
  }
  if (zip.has('xl/workbook.bin') || zip.find('xl/workbook.bin')) {
    await verifyParts(zip, ctx, 'xlsb');
    return openWithSheetJS(buf, 'xlsb', ctx);
  }
  if (zip.find('[Content_Types].xml') || zip.find('xl/workbook.xml') || zip.find('_rels/.rels')) return openXlsx(zip, ctx);
  throw new ImportError('excel.error.not_spreadsheet');
}

/**
 * Before SheetJS inflates a package itself, inflate every part once through our bounded reader: the
 * real sizes (not the declared ones) must stay within budget, and XML parts must carry no DTD.
 */
async function verifyParts(zip: ZipArchive, ctx: LoadContext, format: 'ods' | 'xlsb'): Promise<void> {
  // SheetJS holds a whole package in memory, several times over: past this, ask for .xlsx instead
  // (which the streaming reader handles at any size within the limits).
  let total = 0;
  for (const e of zip.entries.values()) {
    if (e.name.endsWith('/')) continue;
    if (e.flags & 1) throw new ImportError('excel.error.encrypted');
    // Every XML part, whole: a DTD after a long comment, or split across two chunks, is refused too.
    const dtd = /\.(xml|rels|rdf|vml)$/i.test(e.name) ? new DtdGuard() : null;
    await zip.stream(
      e,
      (c) => {
        total += c.length;
        if (total > LIMITS.maxSheetJSInflatedBytes) throw new ImportError('excel.error.convert_to_xlsx', { format });
        dtd?.push(c.toString('latin1'));
      },
      ctx.signal,
    );
  }
}
