// A file whose bytes changed on the way (a USB stick, a mail gateway) either imports with exactly the
// figures and names it was written with, or is refused with a clear ImportError — never a third
// outcome. Random single-byte corruptions of real annexes written by LibreOffice (not only by our own
// writer), plus the hand-made cases the zip checks (zip.ts) name: CRC-32, sizes, names, data descriptor.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { t } from '../../../shared/i18n';
import zlib from 'node:zlib';
import { ImportError, importSpreadsheet } from './index';
import { ZipWriter } from './zip-writer';

const FIX = path.resolve(__dirname, '../../../test/fixtures/excel');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'plandesk-integrity-'));

type Outcome = { ok: true; data: unknown } | { ok: false; code: string };

async function outcome(bytes: Uint8Array, name: string): Promise<Outcome> {
  try {
    const r = await importSpreadsheet({ bytes, name }, { signal: AbortSignal.timeout(10_000) });
    return { ok: true, data: r.data };
  } catch (e) {
    if (!(e instanceof ImportError)) throw e; // a crash, not a refusal
    expect(t('vi', e.code, e.params)).not.toBe(e.code);
    return { ok: false, code: e.code };
  }
}

/** Flip one byte of `file` at many random places: same plan or a refusal, every time. */
async function corruptions(file: string, numRuns: number): Promise<void> {
  const good = fs.readFileSync(path.join(FIX, file));
  const original = await outcome(good, file);
  expect(original.ok).toBe(true);
  let refused = 0;
  await fc.assert(
    fc.asyncProperty(fc.nat(good.length - 1), fc.integer({ min: 1, max: 255 }), async (at, xor) => {
      const bad = Buffer.from(good);
      bad[at] ^= xor;
      const o = await outcome(bad, file);
      if (!o.ok) refused++;
      // Imported: exactly the original plan (figures, names, codes, tree, metadata).
      if (o.ok && !isDeepStrictEqual(o.data, (original as { data: unknown }).data)) throw new Error(`byte ${at} ^ ${xor}: imported a different plan`);
    }),
    { numRuns },
  );
  // The corruptions that land in what is read are many: most runs must be refusals, not luck.
  expect(refused).toBeGreaterThan(numRuns / 4);
}

describe('a corrupted annex is refused or imports unchanged', () => {
  it('an .xlsx written by LibreOffice (data descriptors, shared strings)', () => corruptions('sample-annex.libreoffice.xlsx', 400), 60_000);
  it('an .ods written by LibreOffice (read by SheetJS after our checks)', () => corruptions('sample-annex.libreoffice.ods', 150), 60_000);
});

describe('each part read is checked against what the package states', () => {
  const sheet = (v: string) => `<worksheet><sheetData><row r="1"><c r="A1"><v>${v}</v></c></row></sheetData></worksheet>`;
  const parts: Record<string, string> = {
    '[Content_Types].xml': '<Types/>',
    '_rels/.rels': '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    'xl/workbook.xml': '<workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
    'xl/_rels/workbook.xml.rels': '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
  };
  function write(name: string, sheetXml: string): Buffer {
    const z = new ZipWriter(path.join(tmp, name));
    for (const [k, v] of Object.entries({ ...parts, 'xl/worksheets/sheet1.xml': sheetXml })) z.add(k, v, 6);
    z.close();
    return fs.readFileSync(path.join(tmp, name));
  }
  async function refusedAs(bytes: Buffer): Promise<ImportError> {
    const e = await importSpreadsheet({ bytes, name: 'x.xlsx' }).then(() => null, (err: unknown) => err);
    expect(e).toBeInstanceOf(ImportError);
    return e as ImportError;
  }

  it('a figure changed in a part that still inflates cleanly is refused by its CRC-32, the part named', async () => {
    // 99654 became 99655 (valid deflate data, valid XML): only the checksum tells.
    const b = write('crc.xlsx', sheet('99655'));
    const want = zlib.crc32(Buffer.from(sheet('99654')));
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    for (const sig of [0x04034b50, 0x02014b50]) {
      const sigBytes = Buffer.alloc(4);
      sigBytes.writeUInt32LE(sig);
      for (let i = b.indexOf(sigBytes); i >= 0; i = b.indexOf(sigBytes, i + 1)) {
        const at = sig === 0x04034b50 ? { crc: 14, name: 30 } : { crc: 16, name: 46 };
        if (b.subarray(i + at.name, i + at.name + name.length).equals(name)) b.writeUInt32LE(want, i + at.crc);
      }
    }
    const e = await refusedAs(b);
    expect(e.code).toBe('excel.error.damaged_part');
    expect(e.params.part).toBe('xl/worksheets/sheet1.xml');
    expect(t('vi', e.code, e.params)).toContain('Tệp bị hỏng: phần xl/worksheets/sheet1.xml không khớp mã kiểm tra (CRC-32)');
    expect(t('en', e.code, e.params)).toContain('xl/worksheets/sheet1.xml');
  });

  it('a local header that disagrees with the central directory is refused (name, CRC, sizes)', async () => {
    const good = write('local.xlsx', sheet('1'));
    const local = good.indexOf(Buffer.from('xl/worksheets/sheet1.xml')) - 30;
    expect(good.readUInt32LE(local)).toBe(0x04034b50);
    for (const [off, xor] of [[30 + 3, 0x20], [14, 1], [18, 1], [22, 1], [8, 8]] as const) {
      const b = Buffer.from(good);
      b[local + off] ^= xor;
      expect((await refusedAs(b)).code).toBe('excel.error.damaged_part');
    }
  });

  it('a part the workbook declares but the package lacks is refused, not read as blank', async () => {
    const b = write('missing.xlsx', sheet('1'));
    // Rename the sheet in both headers: the relationship now points at nothing.
    for (let i = b.indexOf('xl/worksheets/sheet1.xml'); i >= 0; i = b.indexOf('xl/worksheets/sheet1.xml', i + 1)) b[i + 19] = 0x37; // sheet1 → sheet7
    const e = await refusedAs(b);
    expect(e.code).toBe('excel.error.missing_part');
    expect(e.params.part).toBe('xl/worksheets/sheet1.xml');
  });
});
