// The allocation annex's content from what the window holds: the plan's lines that take shares in
// one funding column (a project over its sub-projects, as the allocation view shows them), the
// units in tree order and each unit's shares there. Used by the preview in the window and by the
// print view (`#/print?annex=allocation&column=…`), so both print the same annex.
import type { RowView } from '../../../../shared/ipc';
import type { CycleMeta, FundingColumn } from '../../../../shared/model';
import type { AllocationAnnexSource } from '../../../../shared/print/allocation-annex';
import type { AllocationData } from './alloc-data';
import { allocationBands, fundingColumnName } from './alloc-model';

export function allocationAnnexSource(
  meta: CycleMeta,
  columns: readonly FundingColumn[],
  rows: readonly RowView[],
  data: AllocationData,
  column: string,
): AllocationAnnexSource {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const bands = allocationBands({ kind: 'column', column }, rows, (id) => byId.get(id), columns, 'vi');
  const groups = bands
    .map((b) => ({
      head: b.head ? headOf(b.head, byId) : null,
      lines: b.cols
        .filter((c) => data.editable(c.lineId, c.column))
        .map((c) => {
          const r = byId.get(c.lineId)!;
          return { id: r.id, code: r.code, name: r.name };
        }),
    }))
    .filter((g) => g.lines.length > 0);
  const lineIds = groups.flatMap((g) => g.lines.map((l) => l.id));
  const units = data.rows.map((u) => {
    const shares = new Map<number, number>();
    for (const id of lineIds) {
      const v = data.shares.share(u.id, id, column);
      if (v !== null) shares.set(id, v);
    }
    return { id: u.id, parentId: u.parentId, name: u.name, shares };
  });
  return { meta, columnLabel: columnPhrase(columns, column), groups, units };
}

function headOf(head: { label: string; lineId?: number }, byId: Map<number, RowView>): { code: string; name: string } {
  const r = head.lineId === undefined ? undefined : byId.get(head.lineId);
  return r ? { code: r.code, name: r.name } : { code: '', name: head.label };
}

/**
 * The funding column as a title names it: "vốn sự nghiệp (SN) ngân sách Trung ương (NSTW)" — its
 * label and its source's, in lower case (the root "Tổng cộng" is not named).
 */
export function columnPhrase(columns: readonly FundingColumn[], key: string): string {
  const byKey = new Map(columns.map((c) => [c.key, c]));
  const parts: string[] = [];
  for (let c = byKey.get(key); c && (c.parent !== null || parts.length === 0); c = c.parent === null ? undefined : byKey.get(c.parent)) {
    parts.push(c.label.vi.charAt(0).toLocaleLowerCase('vi') + c.label.vi.slice(1));
  }
  return parts.join(' ') || fundingColumnName(columns, key, 'vi');
}
