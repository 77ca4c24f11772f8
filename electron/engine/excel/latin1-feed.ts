// Scanning inflated XML as latin1 text: one char per byte, so ASCII markup can be found with indexOf
// without decoding the whole part as UTF-8; text content becomes real (UTF-8, NFC) strings on the
// way out. Shared by the xlsx sheet and shared-strings readers.
import { ImportError } from './errors';
import { DtdGuard, decodeOoxmlEscapes, decodeXml, textRuns } from './xml';

/**
 * Feed inflated bytes as latin1 text (one char per byte: markup is ASCII, so indexOf works, and no
 * UTF-8 decoding of the whole part); `take` consumes complete records and returns how much it used.
 * Text content is turned into real strings with `utf8()` — fresh copies, so the big chunk strings
 * are never kept alive by small slices of them.
 */
export class TextFeed {
  private pending = '';
  private readonly dtd = new DtdGuard();
  constructor(private readonly take: (text: string, final: boolean) => number) {}
  push(chunk: Buffer): void {
    const s = chunk.toString('latin1');
    this.dtd.push(s);
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
export function utf8(latin: string): string {
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(latin)) return Buffer.from(latin, 'latin1').toString('utf8');
  // ASCII: V8 copies short slices anyway; copy longer ones so they do not pin the chunk.
  return latin.length < 13 ? latin : Buffer.from(latin, 'latin1').toString('latin1');
}

/** Text of <t> runs of a latin1 fragment, decoded (entities, _xHHHH_) and NFC-normalised. */
export function runsText(frag: string, p: string): string {
  const raw = textRuns(frag, p, true);
  if (raw === '') return raw;
  const s = decodeOoxmlEscapes(decodeXml(utf8(raw)));
  // eslint-disable-next-line no-control-regex
  return /[^\x00-\x7f]/.test(s) ? s.normalize('NFC') : s;
}

