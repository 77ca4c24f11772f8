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
import { t, tStored } from '../../../shared/i18n';
import zlib from 'node:zlib';
import { ImportError, importSpreadsheet } from './index';
import { ZipArchive } from './zip';
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
    expect(tStored('vi', e.code, e.params)).not.toBe(e.code);
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
  it('an .xlsx written by LibreOffice (data descriptors, shared strings)', () => corruptions('sample-annex.libreoffice.xlsx', 300), 60_000);
  it('an .ods written by LibreOffice (read by SheetJS after our checks)', () => corruptions('sample-annex.libreoffice.ods', 120), 60_000);
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
    expect(tStored('vi', e.code, e.params)).toContain('Tệp bị hỏng: phần xl/worksheets/sheet1.xml không khớp mã kiểm tra (CRC-32)');
    expect(tStored('en', e.code, e.params)).toContain('xl/worksheets/sheet1.xml');
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

describe('data descriptors (sizes and CRC after the data, as streaming writers put them)', () => {
  /** A one-entry zip whose local header defers CRC and sizes to a descriptor laid out as asked. */
  function streamed(text: string, layout: { signed: boolean; width: 4 | 8 }, damage?: number): Buffer {
    const data = Buffer.from(text);
    const comp = zlib.deflateRawSync(data);
    const name = Buffer.from('a.xml');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 6); // sizes follow the data
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(name.length, 26);
    const w = layout.width;
    const desc = Buffer.alloc((layout.signed ? 4 : 0) + 4 + 2 * w);
    let o = 0;
    if (layout.signed) o = desc.writeUInt32LE(0x08074b50, 0);
    o = desc.writeUInt32LE(zlib.crc32(data), o);
    if (w === 8) desc.writeBigUInt64LE(BigInt(data.length), desc.writeBigUInt64LE(BigInt(comp.length), o));
    else desc.writeUInt32LE(data.length, desc.writeUInt32LE(comp.length, o));
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(zlib.crc32(data), 16);
    central.writeUInt32LE(comp.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    const body = Buffer.concat([local, name, comp, desc]);
    if (damage !== undefined) body[local.length + name.length + comp.length + damage] ^= 1;
    const cd = Buffer.concat([central, name]);
    const eocd = Buffer.alloc(22);
    eocd.writeUInt32LE(0x06054b50, 0);
    eocd.writeUInt16LE(1, 8);
    eocd.writeUInt16LE(1, 10);
    eocd.writeUInt32LE(cd.length, 12);
    eocd.writeUInt32LE(body.length, 16);
    return Buffer.concat([body, cd, eocd]);
  }

  it('reads every usual layout: signed or not, 4- or 8-byte sizes', async () => {
    for (const signed of [true, false]) {
      for (const width of [4, 8] as const) {
        expect(await new ZipArchive(streamed('<x>1</x>', { signed, width })).text('a.xml', 1 << 20)).toBe('<x>1</x>');
      }
    }
  });

  it('refuses a descriptor that disagrees with the central directory', async () => {
    for (const at of [4, 8, 12]) {
      const e = await new ZipArchive(streamed('<x>1</x>', { signed: true, width: 4 }, at)).text('a.xml', 1 << 20).then(() => null, (err: unknown) => err);
      expect((e as ImportError).code).toBe('excel.error.damaged_part');
    }
  });
});
