// A small zip writer for the xlsx packages we generate: parts are deflated as they are produced
// (big sheet XML goes through a zlib stream in pieces, never one giant string) and written with
// sizes and CRCs known in the local headers, so any reader — Excel, LibreOffice, SheetJS, ours —
// opens them. No zip64: our packages stay far below 4 GB.
import fs from 'node:fs';
import zlib from 'node:zlib';

interface Written {
  name: Buffer;
  crc: number;
  csize: number;
  size: number;
  offset: number;
}

export class ZipWriter {
  private readonly entries: Written[] = [];
  private offset = 0;
  private readonly fd: number;

  constructor(readonly file: string) {
    this.fd = fs.openSync(file, 'w');
  }

  private writeRaw(b: Buffer): void {
    let o = 0;
    while (o < b.length) o += fs.writeSync(this.fd, b, o, b.length - o);
    this.offset += b.length;
  }

  private local(name: Buffer, crc: number, csize: number, size: number): Buffer {
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(0x0800, 6); // UTF-8 names
    h.writeUInt16LE(8, 8);
    h.writeUInt32LE(0x00210000, 10); // fixed DOS time/date (1980-01-01): reproducible output
    h.writeUInt32LE(crc >>> 0, 14);
    h.writeUInt32LE(csize, 18);
    h.writeUInt32LE(size, 22);
    h.writeUInt16LE(name.length, 26);
    h.writeUInt16LE(0, 28);
    return h;
  }

  /** Add a small part whole. */
  add(name: string, content: string | Buffer, level = 6): void {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const comp = zlib.deflateRawSync(data, { level });
    const n = Buffer.from(name, 'utf8');
    const crc = zlib.crc32(data);
    this.entries.push({ name: n, crc, csize: comp.length, size: data.length, offset: this.offset });
    this.writeRaw(this.local(n, crc, comp.length, data.length));
    this.writeRaw(n);
    this.writeRaw(comp);
  }

  /**
   * Add a big part produced piece by piece by `produce` (which calls `write` with text pieces).
   * Deflated output is collected (compressed, so small) and the part written once complete.
   */
  async addStream(name: string, produce: (write: (piece: string) => Promise<void> | void) => Promise<void>, level = 3): Promise<void> {
    const deflate = zlib.createDeflateRaw({ level, chunkSize: 1 << 18 });
    const out: Buffer[] = [];
    deflate.on('data', (c: Buffer) => out.push(c));
    const done = new Promise<void>((resolve, reject) => {
      deflate.on('end', resolve);
      deflate.on('error', reject);
    });
    let crc = 0;
    let size = 0;
    let pending: string[] = [];
    let pendingLen = 0;
    const flush = async () => {
      if (!pending.length) return;
      const b = Buffer.from(pending.join(''), 'utf8');
      pending = [];
      pendingLen = 0;
      crc = zlib.crc32(b, crc);
      size += b.length;
      if (!deflate.write(b)) await new Promise<void>((r) => deflate.once('drain', () => r()));
    };
    await produce((piece) => {
      pending.push(piece);
      pendingLen += piece.length;
      if (pendingLen >= 1 << 20) return flush();
    });
    await flush();
    deflate.end();
    await done;
    const comp = Buffer.concat(out);
    const n = Buffer.from(name, 'utf8');
    this.entries.push({ name: n, crc, csize: comp.length, size, offset: this.offset });
    this.writeRaw(this.local(n, crc, comp.length, size));
    this.writeRaw(n);
    this.writeRaw(comp);
  }

  close(): void {
    const start = this.offset;
    for (const e of this.entries) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE(20, 4);
      h.writeUInt16LE(20, 6);
      h.writeUInt16LE(0x0800, 8);
      h.writeUInt16LE(8, 10);
      h.writeUInt32LE(0x00210000, 12);
      h.writeUInt32LE(e.crc >>> 0, 16);
      h.writeUInt32LE(e.csize, 20);
      h.writeUInt32LE(e.size, 24);
      h.writeUInt16LE(e.name.length, 28);
      h.writeUInt32LE(e.offset, 42);
      this.writeRaw(h);
      this.writeRaw(e.name);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    this.writeRaw(end);
    fs.closeSync(this.fd);
  }

  abort(): void {
    try {
      fs.closeSync(this.fd);
    } catch {
      /* already closed */
    }
  }
}
