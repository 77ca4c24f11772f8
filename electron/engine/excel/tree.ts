// The line tree from Vietnamese table numbering: "I, II…", "A, B…", "1, 2…", "1.1", "1.1.1", "a, b…",
// "-", "+", "*". Numbering styles have no fixed rank across documents, so ranks are learnt as the
// table is read: a style already open on the current path closes back to its level (a sibling);
// a style not yet on the path opens a level below (a child). Lines without a recognisable code
// fall back on bold and indentation.

export interface TreeInput {
  code: string;
  bold: boolean;
  indent: number;
}

/** The numbering style of a code ("dot2" = two dots, as in 1.1.1). */
export function codeStyle(code: string, prevUpper: string | null): string | null {
  const c = code.trim().replace(/[.)]$/, '').replace(/^\(|\)$/g, '').trim();
  if (c === '') return null;
  if (/^[-–—]$/.test(c)) return 'dash';
  if (c === '+') return 'plus';
  if (/^\*+$/.test(c)) return `star${c.length}`;
  if (/^\d+$/.test(c)) return 'num';
  const dotted = /^\d+(\.\d+)+$/.exec(c);
  if (dotted) return `dot${c.split('.').length - 1}`;
  // A, B, C… versus Roman numerals: "C" after "B" is a letter, "I" after "H" too.
  if (/^[A-Z]$/.test(c) && prevUpper !== null && c.charCodeAt(0) === prevUpper.charCodeAt(0) + 1) return 'upper';
  if (/^[IVXLCDM]+$/.test(c) && /^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/.test(c)) return 'roman';
  if (/^[A-Z]$/.test(c)) return 'upper';
  if (/^[a-zđ]$/.test(c)) return 'lower';
  if (/^[ivx]+$/.test(c)) return 'lroman';
  if (/^[A-Z]\.\d+$/.test(c) || /^[IVX]+\.\d+(\.\d+)*$/.test(c)) return `mixed${c.split('.').length - 1}`;
  if (/^[a-z]\.\d+$/.test(c)) return 'lmixed';
  return null;
}

/**
 * Parent index (or -1) for each line, in order. Lines with an unknown style use bold/indent:
 * such a line is a sibling of the nearest earlier uncoded line at the same bold/indent, else a child.
 */
export function buildTree(lines: readonly TreeInput[]): { parent: number[]; fallback: number[] } {
  const parent: number[] = [];
  const fallback: number[] = [];
  // Uncoded lines rank by indentation when the sheet has any, else bold above plain.
  const useIndent = lines.some((l) => l.indent > 0);
  const rankOf = (l: TreeInput) => (useIndent ? l.indent : l.bold ? 0 : 1);
  // The open path: line index, its style key, and for uncoded lines their rank.
  const stack: { idx: number; key: string; rank: number }[] = [];
  let lastUpper: string | null = null;
  lines.forEach((l, idx) => {
    const style = codeStyle(l.code, lastUpper);
    if (style === 'upper') lastUpper = l.code.trim().replace(/[.)]$/, '');
    const rank = style ? -1 : rankOf(l);
    const key = style ?? 'plain';
    if (!style && l.code.trim() !== '') fallback.push(idx);
    let at = -1;
    if (style) {
      for (let i = stack.length - 1; i >= 0; i--) {
        if (stack[i].key === key) {
          at = i;
          break;
        }
      }
    } else {
      // Close back to the outermost open uncoded line of the same or a deeper rank (after the last
      // coded line on the path: an uncoded line never closes a coded parent).
      for (let i = stack.length - 1; i >= 0 && stack[i].key === 'plain'; i--) if (stack[i].rank >= rank) at = i;
    }
    if (at >= 0) stack.length = at;
    // A dotted code prefers the open line whose code is its prefix ("1.2" under "1").
    const code = l.code.trim().replace(/\.$/, '');
    if (at < 0 && /^\d+(\.\d+)+$/.test(code)) {
      const prefix = code.slice(0, code.lastIndexOf('.'));
      for (let i = stack.length - 1; i >= 0; i--) {
        if (lines[stack[i].idx].code.trim().replace(/\.$/, '') === prefix) {
          stack.length = i + 1;
          break;
        }
      }
    }
    parent.push(stack.length ? stack[stack.length - 1].idx : -1);
    stack.push({ idx, key, rank });
  });
  return { parent, fallback };
}
