// Column widths the person set by dragging a header's edge, remembered on this PC for every plan
// (an officer who widens "Nội dung" once wants it wide in next year's plan too). A preference of
// the window, not data of the plan: kept in the window's storage, never in the cycle file.
const KEY = 'plandesk.columnWidths.v1';
const MIN = 30;
const MAX = 2000;

export type ColumnWidths = Record<string, number>;

/** The widths remembered (unreadable or odd entries are dropped). */
export function loadColumnWidths(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): ColumnWidths {
  try {
    const raw = JSON.parse(storage?.getItem(KEY) ?? '{}') as unknown;
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return {};
    const out: ColumnWidths = {};
    for (const [col, w] of Object.entries(raw)) if (typeof w === 'number' && Number.isFinite(w)) out[col] = Math.min(MAX, Math.max(MIN, Math.round(w)));
    return out;
  } catch {
    return {};
  }
}

/** Remember `widths` over what was remembered before (other columns keep theirs). */
export function saveColumnWidths(widths: ColumnWidths, storage: Pick<Storage, 'getItem' | 'setItem'> | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(KEY, JSON.stringify({ ...loadColumnWidths(storage), ...widths }));
  } catch {
    // Remembering widths is a convenience: a full or blocked storage changes nothing else.
  }
}
