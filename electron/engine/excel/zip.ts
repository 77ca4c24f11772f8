// A small, defensive zip reader for xlsx/ods packages held in memory (files are ≤ 100 MB): reads the
// central directory, refuses encrypted entries, and inflates one part at a time through node:zlib,
// streaming, with a byte budget and a compression-ratio check so a zip bomb is stopped early.
// Every part read is verified as it streams — its CRC-32, its inflated and compressed sizes, and its
// local header (name, method, CRC and sizes, or its data descriptor) against the central directory —
// so bytes changed on the way (a USB stick, a mail gateway) are refused, naming the part, instead of
// being imported as different figures.
import zlib from 'node:zlib';
import { LIMITS } from './limits';
import { ImportError, checkAbort } from './errors';

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  /** CRC-32 of the inflated bytes, as the central directory states it. */
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  /** Where the name's raw bytes sit in the central directory (the local header must repeat them). */
  nameAt: number;
  nameLen: number;
  /** Sizes came from a Zip64 extra field (a data descriptor then holds 8-byte sizes). */
  zip64: boolean;
}

export class ZipArchive {
  readonly entries = new Map<string, ZipEntry>();
  /** Inflated bytes so far, over all parts (the package-wide budget). */
  private inflated = 0;

  constructor(readonly buf: Buffer) {
    const eocd = findEocd(buf);
    if (eocd < 0) throw new ImportError('excel.error.damaged');
    let count = buf.readUInt16LE(eocd + 10);
    let cdSize = buf.readUInt32LE(eocd + 12);
    let cdOffset = buf.readUInt32LE(eocd + 16);
    if (cdOffset === 0xffffffff || count === 0xffff) {
      // Zip64: the locator sits just before the classic end record.
      const loc = eocd - 20;
      if (loc < 0 || buf.readUInt32LE(loc) !== 0x07064b50) throw new ImportError('excel.error.damaged');
      const z64 = Number(buf.readBigUInt64LE(loc + 8));
      if (z64 + 56 > buf.length || buf.readUInt32LE(z64) !== 0x06064b50) throw new ImportError('excel.error.damaged');
      count = Number(buf.readBigUInt64LE(z64 + 32));
      cdSize = Number(buf.readBigUInt64LE(z64 + 40));
      cdOffset = Number(buf.readBigUInt64LE(z64 + 48));
    }
    if (cdOffset + cdSize > buf.length || count > 100_000) throw new ImportError('excel.error.damaged');
    let p = cdOffset;
    for (let i = 0; i < count; i++) {
      if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw new ImportError('excel.error.damaged');
      const flags = buf.readUInt16LE(p + 8);
      const method = buf.readUInt16LE(p + 10);
      const crc = buf.readUInt32LE(p + 16);
      let compressedSize = buf.readUInt32LE(p + 20);
      let size = buf.readUInt32LE(p + 24);
      const nameLen = buf.readUInt16LE(p + 28);
      const extraLen = buf.readUInt16LE(p + 30);
      const commentLen = buf.readUInt16LE(p + 32);
      let localOffset = buf.readUInt32LE(p + 42);
      const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
      // Zip64 extra field (0x0001) carries the real sizes/offset when the classic ones are 0xffffffff.
      let e = p + 46 + nameLen;
      const eEnd = e + extraLen;
      let zip64 = false;
      while (e + 4 <= eEnd && eEnd <= buf.length) {
        const id = buf.readUInt16LE(e);
        const len = buf.readUInt16LE(e + 2);
        if (id === 0x0001) {
          zip64 = true;
          let q = e + 4;
          if (size === 0xffffffff && q + 8 <= e + 4 + len) { size = Number(buf.readBigUInt64LE(q)); q += 8; }
          if (compressedSize === 0xffffffff && q + 8 <= e + 4 + len) { compressedSize = Number(buf.readBigUInt64LE(q)); q += 8; }
          if (localOffset === 0xffffffff && q + 8 <= e + 4 + len) localOffset = Number(buf.readBigUInt64LE(q));
        }
        e += 4 + len;
      }
      const key = name.replace(/\\/g, '/');
      // Two entries of one name: readers disagree on which one counts (SheetJS reads .ods itself).
      if (this.entries.has(key)) throw new ImportError('excel.error.damaged');
      this.entries.set(key, { name, method, flags, crc, compressedSize, size, localOffset, nameAt: p + 46, nameLen, zip64 });
      p = eEnd + commentLen;
    }
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** Find an entry by name, ignoring case (some writers vary the case of part names). */
  find(name: string): ZipEntry | undefined {
    const direct = this.entries.get(name);
    if (direct) return direct;
    const lower = name.toLowerCase();
    for (const [k, v] of this.entries) if (k.toLowerCase() === lower) return v;
    return undefined;
  }

  /**
   * The compressed bytes of `entry`, once its local header (and data descriptor, if any) agrees with
   * the central directory: same name, method, CRC-32 and sizes.
   */
  private dataOf(entry: ZipEntry): Buffer {
    const b = this.buf;
    const p = entry.localOffset;
    if (p + 30 > b.length || b.readUInt32LE(p) !== 0x04034b50) throw damagedPart(entry);
    const nameLen = b.readUInt16LE(p + 26);
    const start = p + 30 + nameLen + b.readUInt16LE(p + 28);
    const end = start + entry.compressedSize;
    if (end > b.length) throw damagedPart(entry);
    if (b.readUInt16LE(p + 8) !== entry.method || nameLen !== entry.nameLen || b.compare(b, entry.nameAt, entry.nameAt + nameLen, p + 30, p + 30 + nameLen) !== 0) {
      throw damagedPart(entry);
    }
    const crc = b.readUInt32LE(p + 14);
    const csize = b.readUInt32LE(p + 18);
    const size = b.readUInt32LE(p + 22);
    // 0xffffffff: the real size is in the local Zip64 extra field; the central one is checked instead.
    const same = (local: number, central: number) => local === 0xffffffff || local === central;
    if (b.readUInt16LE(p + 6) & 8) {
      // Sizes and CRC follow the data (streamed writers, LibreOffice): zeros here, or the real values.
      if ((crc !== 0 && crc !== entry.crc) || (csize !== 0 && !same(csize, entry.compressedSize)) || (size !== 0 && !same(size, entry.size))) throw damagedPart(entry);
      // The descriptor's signature is optional, and some streaming writers (.NET's packaging) use
      // 8-byte sizes without a Zip64 central record: any of these layouts may match.
      const matches = (d: number, w: 4 | 8) => {
        if (d + 4 + 2 * w > b.length) return false;
        const read = (at: number) => (w === 8 ? Number(b.readBigUInt64LE(at)) : b.readUInt32LE(at));
        return b.readUInt32LE(d) === entry.crc && read(d + 4) === entry.compressedSize && read(d + 4 + w) === entry.size;
      };
      const signed = end + 4 <= b.length && b.readUInt32LE(end) === 0x08074b50;
      if (!(signed && (matches(end + 4, 4) || matches(end + 4, 8))) && !matches(end, 4) && !matches(end, 8)) throw damagedPart(entry);
    } else if (crc !== entry.crc || !same(csize, entry.compressedSize) || !same(size, entry.size)) {
      throw damagedPart(entry);
    }
    return b.subarray(start, end);
  }

  /** Count `chunk` more bytes of `entry`, `produced` so far in all. */
  private account(entry: ZipEntry, chunk: number, produced: number): void {
    this.inflated += chunk;
    if (this.inflated > LIMITS.maxInflatedBytes) throw new ImportError('excel.error.zip_bomb');
    if (produced > LIMITS.ratioCheckFromBytes && produced / Math.max(1, entry.compressedSize) > LIMITS.maxCompressionRatio) {
      throw new ImportError('excel.error.zip_bomb');
    }
  }

  /**
   * Inflate one part, handing each chunk to `onChunk` as it comes (so a 100 MB sheet XML never sits
   * in memory whole). Checks the budget and the abort signal on every chunk.
   */
  async stream(entry: ZipEntry, onChunk: (chunk: Buffer) => void, signal?: AbortSignal): Promise<void> {
    if (entry.flags & 1) throw new ImportError('excel.error.encrypted');
    const data = this.dataOf(entry);
    let produced = 0;
    let crc = 0;
    const take = (chunk: Buffer) => {
      produced += chunk.length;
      // More than the stated size: damaged (or a bomb lying about its size) — stop now.
      if (produced > entry.size) throw damagedPart(entry);
      this.account(entry, chunk.length, produced);
      crc = zlib.crc32(chunk, crc);
      onChunk(chunk);
    };
    const verify = () => {
      if (produced !== entry.size || crc >>> 0 !== entry.crc) throw damagedPart(entry);
    };
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.size) throw damagedPart(entry);
      for (let o = 0; o < data.length; o += 1 << 20) {
        checkAbort(signal);
        take(data.subarray(o, Math.min(data.length, o + (1 << 20))));
      }
      verify();
      return;
    }
    if (entry.method !== 8) throw new ImportError('excel.error.damaged');
    const inf = zlib.createInflateRaw({ chunkSize: 1 << 18 });
    let feedError: unknown = null;
    const feed = (async () => {
      try {
        for (let o = 0; o < data.length; o += 1 << 20) {
          if (inf.destroyed) return;
          // Wait for room — or for the end: a reader that stops early destroys the stream, and a
          // plain once('drain') would then wait forever.
          if (!inf.write(data.subarray(o, Math.min(data.length, o + (1 << 20))))) {
            await new Promise<void>((resolve) => {
              const done = () => {
                inf.off('drain', done);
                inf.off('close', done);
                resolve();
              };
              inf.on('drain', done);
              inf.on('close', done);
            });
          }
        }
        inf.end();
      } catch (e) {
        feedError = e;
      }
    })();
    try {
      for await (const chunk of inf as AsyncIterable<Buffer>) {
        checkAbort(signal);
        take(chunk);
      }
    } catch (e) {
      inf.destroy();
      if (e instanceof ImportError) throw e;
      throw new ImportError('excel.error.damaged', {}, { cause: e });
    } finally {
      await feed.catch(() => undefined);
    }
    if (feedError && !(feedError as { code?: string }).code?.startsWith('ERR_STREAM')) {
      throw new ImportError('excel.error.damaged', {}, { cause: feedError });
    }
    // The deflate stream must end exactly where the stated compressed size does (bytesWritten counts
    // the input zlib consumed, not what it was handed).
    if (inf.bytesWritten !== data.length) throw damagedPart(entry);
    verify();
  }

  /** Inflate a (small) part whole, refusing past `maxBytes`. */
  async read(entry: ZipEntry, maxBytes: number, signal?: AbortSignal): Promise<Buffer> {
    const parts: Buffer[] = [];
    let n = 0;
    await this.stream(
      entry,
      (c) => {
        n += c.length;
        if (n > maxBytes) throw new ImportError('excel.error.zip_bomb');
        parts.push(c);
      },
      signal,
    );
    return Buffer.concat(parts);
  }

  /** Inflate a part as UTF-8 text (refusing DTDs, see xml.ts). */
  async text(name: string, maxBytes: number, signal?: AbortSignal): Promise<string | null> {
    const e = this.find(name);
    if (!e) return null;
    return (await this.read(e, maxBytes, signal)).toString('utf8');
  }
}

/** A part whose bytes do not match what the package states about it (CRC-32, sizes, header). */
function damagedPart(entry: ZipEntry): ImportError {
  // eslint-disable-next-line no-control-regex
  return new ImportError('excel.error.damaged_part', { part: entry.name.slice(0, 200).replace(/[\u0000-\u001f\u007f]/g, '?') });
}

function findEocd(buf: Buffer): number {
  const min = Math.max(0, buf.length - 65557);
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf[i] === 0x50 && buf[i + 1] === 0x4b && buf[i + 2] === 0x05 && buf[i + 3] === 0x06) return i;
  }
  return -1;
}

export const isZip = (b: Uint8Array): boolean => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 0x03 || b[2] === 0x05);
/** OLE2 compound file: .xls, or an encrypted OOXML package (Excel wraps those in CFB). */
export const isCfb = (b: Uint8Array): boolean =>
  b.length >= 8 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0 && b[4] === 0xa1 && b[5] === 0xb1 && b[6] === 0x1a && b[7] === 0xe1;
