// Print settings of a cycle's annex (stored under the per-cycle setting key 'print'): paper,
// orientation, margins, which columns and lines, font size, fit to width, the annex's own texts.
// Pure: the schema, the defaults (Nghị định 30/2020/NĐ-CP margins), and a forgiving reader that
// keeps every valid field of a stored value and falls back to the default for the rest, so a file
// written by another version (or by hand) still prints.
import { z } from 'zod';

export const PAPERS = ['A4', 'A3'] as const;
export type Paper = (typeof PAPERS)[number];
export type Orientation = 'portrait' | 'landscape';

/** Text columns an annex may show besides the funding columns. */
export const TEXT_COLUMNS = ['code', 'name', 'agency', 'note'] as const;
export type TextColumn = (typeof TEXT_COLUMNS)[number];

export const FONT_SIZES = { min: 7, max: 16 } as const;
export const MARGIN_MM = { min: 0, max: 60 } as const;

const mm = z.number().min(MARGIN_MM.min).max(MARGIN_MM.max);

export const printSettingsSchema = z
  .object({
    paper: z.enum(PAPERS),
    orientation: z.enum(['portrait', 'landscape']),
    /** Page margins in millimetres. */
    margins: z.object({ top: mm, bottom: mm, left: mm, right: mm }).strict(),
    /**
     * Columns left out: funding column keys (a group takes its sub-columns with it) and text
     * columns ('agency', 'note'). Kept as what is hidden, so a column added to the cycle later
     * prints by default. 'code' and 'name' are always printed.
     */
    hiddenColumns: z.array(z.string().min(1).max(64)).max(200),
    /** Deepest line level printed: null = all lines, 0 = projects only, 1 = projects + sub-projects. */
    maxDepth: z.number().int().min(0).max(20).nullable(),
    /** Body font size in points (headers and titles scale with it). */
    fontSize: z.number().min(FONT_SIZES.min).max(FONT_SIZES.max),
    /** Shrink the font so that every column fits the page width. */
    fitWidth: z.boolean(),
    /** The annex's number, as in "Phụ lục I". */
    annexNumber: z.string().max(20),
    /** The annex's title; blank = built from the cycle (program and year). Printed in capitals. */
    title: z.string().max(500),
    /** Print the signature block (and "Người lập biểu") after the table. */
    signature: z.boolean(),
  })
  .strict();

export type PrintSettings = z.infer<typeof printSettingsSchema>;

/** Defaults: A4 landscape (budget tables are wide); margins per Nghị định 30/2020/NĐ-CP. */
export const DEFAULT_PRINT_SETTINGS: PrintSettings = {
  paper: 'A4',
  orientation: 'landscape',
  margins: { top: 20, bottom: 20, left: 30, right: 15 },
  hiddenColumns: ['note'],
  maxDepth: null,
  fontSize: 11,
  fitWidth: true,
  annexNumber: 'I',
  title: '',
  signature: true,
};

/** Read a stored value: valid fields are kept, anything missing or malformed takes its default. */
export function readPrintSettings(stored: unknown): PrintSettings {
  const out: PrintSettings = structuredClone(DEFAULT_PRINT_SETTINGS);
  if (!stored || typeof stored !== 'object') return out;
  const src = stored as Record<string, unknown>;
  const shape = printSettingsSchema.shape;
  for (const key of Object.keys(shape) as (keyof PrintSettings)[]) {
    if (!(key in src)) continue;
    if (key === 'margins' && src.margins && typeof src.margins === 'object') {
      const m = src.margins as Record<string, unknown>;
      for (const side of ['top', 'bottom', 'left', 'right'] as const) {
        const r = mm.safeParse(m[side]);
        if (r.success) out.margins[side] = r.data;
      }
      continue;
    }
    const r = shape[key].safeParse(src[key]);
    if (r.success) (out as Record<string, unknown>)[key] = r.data;
  }
  return out;
}

/** Paper sizes in millimetres, portrait (width × height). */
export const PAPER_MM: Record<Paper, { width: number; height: number }> = {
  A4: { width: 210, height: 297 },
  A3: { width: 297, height: 420 },
};

/** The sheet as printed (orientation applied), in millimetres. */
export function sheetSize(s: Pick<PrintSettings, 'paper' | 'orientation'>): { width: number; height: number } {
  const p = PAPER_MM[s.paper];
  return s.orientation === 'landscape' ? { width: p.height, height: p.width } : { ...p };
}

/** The printable box inside the margins, in millimetres (never negative). */
export function contentBox(s: Pick<PrintSettings, 'paper' | 'orientation' | 'margins'>): { width: number; height: number } {
  const sheet = sheetSize(s);
  return {
    width: Math.max(20, sheet.width - s.margins.left - s.margins.right),
    height: Math.max(20, sheet.height - s.margins.top - s.margins.bottom),
  };
}
