// The consolidated annex by unit (issue 16, "Tổng hợp theo đơn vị"): the allocation annex's table
// (allocation-annex.ts, printed the same way) with each unit's figures as merged from what it sent
// back — its reported figure per line — and its allocated shares where it has not reported yet, so
// the table adds up to what the province knows today. Pure: the print view and the preview use it.
import type { CycleMeta, Dong } from '../model';
import { t, type Lang } from '../i18n';
import type { AllocationAnnexSource } from './allocation-annex';

/** A merged unit's figures by plan line id, in the annex's column. */
export type MergedFigures = ReadonlyMap<number, ReadonlyMap<number, Dong>>;

/** The allocation annex's source with merged units' figures in place of their shares. */
export function consolidatedAnnexSource(src: AllocationAnnexSource, merged: MergedFigures): AllocationAnnexSource {
  // The annex's lines, listed once for all the units (not once per unit).
  const lineIds = src.groups.flatMap((g) => g.lines.map((l) => l.id));
  return {
    ...src,
    units: src.units.map((u) => {
      const m = merged.get(u.id);
      // A unit that reported: every line as it reported it (a line it left out is 0: its own figure).
      return m ? { ...u, shares: new Map(lineIds.map((id) => [id, m.get(id) ?? 0] as [number, Dong]).filter(([, v]) => v !== 0)) } : u;
    }),
  };
}

/** The answer of consolidation/figures as MergedFigures. */
export function mergedFigures(units: readonly { unitId: number; lines: Record<string, Dong> }[]): MergedFigures {
  return new Map(units.map((u) => [u.unitId, new Map(Object.entries(u.lines).map(([id, v]) => [Number(id), v]))]));
}

/** Its default title: "Tổng hợp <column> thực hiện <program> năm <year> theo đơn vị". */
export function consolidatedTitle(meta: CycleMeta, columnLabel: string, lang: Lang = 'vi'): string {
  const program = meta.program.trim();
  return program
    ? t(lang, 'consolidation.print.title', { column: columnLabel, program, year: meta.year })
    : t(lang, 'consolidation.print.titleNoProgram', { column: columnLabel, year: meta.year });
}
