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

export function textWidthEm(text: string, bold = false): number {
  let w = 0;
  for (const ch of text.normalize('NFC')) w += charEm(ch);
  return bold ? w * 1.05 : w;
}
