// The very hidden sheet a unit's file carries (split.ts): which unit of which cycle its figures
// belong to, so the file a unit fills and returns can be told apart from a plan table and its
// figures read back as that unit's shares. Rows: 1 marker | 2 JSON {unit, unitId, program, year, lineage}.
import { z } from 'zod';
import type { SheetData } from '../excel/sheet';
import { cellText } from '../excel/table';

export const UNIT_SHEET = '_PlanDeskUnit';
export const UNIT_MARK = 'plandesk-unit/1';

const Mark = z.object({
  unit: z.string().min(1).max(500),
  unitId: z.number().int(),
  program: z.string().max(2000),
  year: z.number().int(),
  lineage: z.string().max(200).nullable(),
});
export type UnitFileMark = z.infer<typeof Mark>;

export function unitSheetRows(mark: UnitFileMark): string[][] {
  return [[UNIT_MARK], [JSON.stringify(mark)]];
}

/** The mark of a unit's file; null when the sheet is absent or not ours. */
export function parseUnitSheet(sheet: SheetData | null): UnitFileMark | null {
  if (!sheet) return null;
  const row = (i: number) => sheet.rows.find((r) => r.index === i);
  if (cellText(row(0)?.cells[0]) !== UNIT_MARK) return null;
  try {
    const parsed = Mark.safeParse(JSON.parse(cellText(row(1)?.cells[0])));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
