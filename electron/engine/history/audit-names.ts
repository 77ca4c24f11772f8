// Names for the change log's rows of units and execution (issues 14, 15). The log stores ids
// (`unit:12`, `date:3`) — names change, and a rename is itself a logged change — so the history
// panel gets each row's unit name and as-of date here: from the plan as it is now, else from the
// log's own last record of that unit or date (a unit merged or deleted since).
import type { AuditRow } from '../../../shared/commands/history';
import type { SessionContext } from '../context';

const UNIT = /(?:^|:)unit:(\d+)(?::|$)/;
const DATE = /^date:(\d+)(?::|$)/;

function fromRecord(json: string | null, key: 'name' | 'asOf'): string | undefined {
  if (json === null) return undefined;
  try {
    const v = (JSON.parse(json) as Record<string, unknown>)[key];
    return typeof v === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}

/** The rows with `unit` and `asOf` filled where their field names a unit or a reporting date. */
export function nameAuditRows(rows: readonly AuditRow[], ctx: Pick<SessionContext, 'units' | 'execution' | 'audit'>): AuditRow[] {
  const units = new Map<number, string | undefined>();
  const dates = new Map<number, string | undefined>();
  const unitName = (id: number) => {
    if (!units.has(id)) units.set(id, ctx.units.units.get(id)?.name ?? fromRecord(ctx.audit.lastRecord('unit', `unit:${id}`), 'name'));
    return units.get(id);
  };
  const asOf = (id: number) => {
    if (!dates.has(id)) dates.set(id, ctx.execution.dates.get(id)?.asOf ?? fromRecord(ctx.audit.lastRecord('report_date', `date:${id}`), 'asOf'));
    return dates.get(id);
  };
  return rows.map((r) => {
    if (!r.field || !r.action) return r;
    const u = UNIT.exec(r.field);
    const d = DATE.exec(r.field);
    // A unit row's own record names it better than anything (its old or new name is in the row).
    const name = u && Number(u[1]) !== 0 ? unitName(Number(u[1])) : undefined;
    const date = d ? asOf(Number(d[1])) : undefined;
    return name === undefined && date === undefined ? r : { ...r, ...(name !== undefined ? { unit: name } : {}), ...(date !== undefined ? { asOf: date } : {}) };
  });
}
