// How the keyboard moves through the menu bar, as in a Windows program: F10 or Alt (pressed and
// released alone) opens the first menu, Alt + a menu's first letter opens that menu; in an open
// menu ↑/↓/Home/End move among the items that can run, ←/→ go to the next menu, Enter runs,
// Escape closes and gives the keyboard back. Pure: the menu bar calls it, unit tests check it.

/** A menu's mnemonic: the first letter of its label, without diacritics ("Tệp" → "t"). */
export function mnemonic(label: string): string {
  return label.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').trim().charAt(0).toLowerCase();
}

/** The index of the menu Alt+`key` opens, or -1. */
export function menuForKey(labels: string[], key: string): number {
  const k = key.toLowerCase();
  return k.length === 1 ? labels.findIndex((l) => mnemonic(l) === k) : -1;
}

/** The next item to focus from `current` (-1: none yet) among `enabled`, moving by `key`; null: not a move. */
export function nextItem(enabled: boolean[], current: number, key: string): number | null {
  const n = enabled.length;
  const find = (from: number, step: number) => {
    for (let i = 0, j = from; i < n; i++, j = (j + step + n) % n) if (enabled[j]) return j;
    return null;
  };
  switch (key) {
    case 'ArrowDown':
      return find(current < 0 ? 0 : (current + 1) % n, 1);
    case 'ArrowUp':
      return find(current < 0 ? n - 1 : (current - 1 + n) % n, -1);
    case 'Home':
      return find(0, 1);
    case 'End':
      return find(n - 1, -1);
    default:
      return null;
  }
}
