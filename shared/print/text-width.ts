// A rough width of text set in Times New Roman (or a metric twin: Tinos, Liberation Serif), in em,
// for choosing column widths before anything is laid out. Good to a few percent on digits, which
// is what amount columns hold; the real layout measures everything else.

const NARROW = new Set([...'.,:;\'!|ijlI()[]/ ']);
const DIGITS = /[0-9]/;

/** Approximate advance of one character, in em (Times' digits are exactly 0,5 em). */
function charEm(ch: string): number {
  if (DIGITS.test(ch)) return 0.5;
  if (NARROW.has(ch)) return 0.28;
  if (ch === '-' || ch === '–') return 0.34;
  if (ch === '=' || ch === '+') return 0.57;
  if (/[MWmwƯ]/.test(ch)) return 0.88;
  if (ch !== ch.toLowerCase()) return 0.7; // capitals, Vietnamese ones included
  return 0.47;
}

/** Widths of the characters met so far: a plan uses a few hundred, an export measures millions. */
const CHAR_EM = new Map<string, number>();

/** Width of NFC text, in em (regular). */
function widthNfc(text: string): number {
  let w = 0;
  for (const ch of text) {
    let e = CHAR_EM.get(ch);
    if (e === undefined) CHAR_EM.set(ch, (e = charEm(ch)));
    w += e;
  }
  return w;
}

export function textWidthEm(text: string, bold = false): number {
  const w = widthNfc(text.normalize('NFC'));
  return bold ? w * 1.05 : w;
}

/** No character is wider than this (in em, bold): text this short fits without measuring. */
const WIDEST_EM = 0.88 * 1.05;

/**
 * Lines a text takes when wrapped at word boundaries in a box `widthEm` wide (same font): how an
 * exported row gets a height that shows all of a long name, where no layout engine measures it.
 * Words longer than a line are broken, as spreadsheets do.
 */
export function wrappedLines(text: string, widthEm: number, bold = false): number {
  if (!text) return 0;
  // Most cells are short: one line, no measuring (an export has a million of them).
  if (text.length * WIDEST_EM <= widthEm && !text.includes('\n')) return 1;
  const k = bold ? 1.05 : 1;
  const space = widthNfc(' ') * k;
  let lines = 0;
  for (const para of text.normalize('NFC').split('\n')) {
    lines++;
    let used = 0;
    for (const word of para.split(/[ \t]+/).filter(Boolean)) {
      let w = widthNfc(word) * k;
      const need = used === 0 ? w : used + space + w;
      if (need <= widthEm) {
        used = need;
        continue;
      }
      if (used > 0) lines++;
      // A word wider than the box runs on over as many lines as it needs.
      while (w > widthEm) {
        lines++;
        w -= widthEm;
      }
      used = w;
    }
  }
  return lines;
}
