// Text helpers for matching what people typed in headers and cells: NFC for keeping text as written,
// and a folded form (no accents, lower case, single spaces) for accent- and case-insensitive matching.

/** Keep as written, but in one Unicode form and without stray edge spaces. */
export function clean(text: string): string {
  return text.normalize('NFC').replace(/[\u00a0\u202f]/g, ' ').trim();
}

/** "Ngân sách  Trung ương" → "ngan sach trung uong"; "ĐTPT" → "dtpt". */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim();
}

/** 0-based column index → Excel letters (0 → "A", 27 → "AB"). */
export function colLetter(c: number): string {
  let s = '';
  let n = c + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Excel letters → 0-based column index ("A" → 0); -1 when not letters. */
export function colIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) {
    const k = letters.charCodeAt(i) - 64;
    if (k < 1 || k > 26) return -1;
    n = n * 26 + k;
  }
  return n - 1;
}

/** 0-based row/column → "F23". */
export function address(row: number, col: number): string {
  return `${colLetter(col)}${row + 1}`;
}

/** "F23" → {row: 22, col: 5}; null when not an address. */
export function parseAddress(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(ref);
  if (!m) return null;
  return { row: Number(m[2]) - 1, col: colIndex(m[1]) };
}
