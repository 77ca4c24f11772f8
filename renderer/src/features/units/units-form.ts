// What "Lấy từ cơ quan chủ trì" adds: the offered names ticked (not those already units), and for a
// collective ("UBND các huyện, thành phố") the names the user typed for it — one per line, or
// separated by commas or semicolons — each with the kind its name suggests; a name given twice
// (in any spelling the units' name key folds together) is added once. Pure.
import type { AgencySuggestion } from '../../../../shared/commands/units';
import type { UnitKind } from '../../../../shared/model';
import { guessUnitKind, unitNameKey } from '../../../../shared/units/names';

export interface SuggestionChoice {
  checked: boolean;
  /** A collective's units, as typed. */
  names: string;
}

export function suggestionPicks(list: readonly AgencySuggestion[], choice: readonly SuggestionChoice[]): { name: string; kind: UnitKind }[] {
  const out: { name: string; kind: UnitKind }[] = [];
  const seen = new Set<string>();
  const push = (name: string, kind: UnitKind) => {
    const key = unitNameKey(name);
    if (!key || seen.has(key)) return;
    seen.add(key);
    out.push({ name, kind });
  };
  list.forEach((s, i) => {
    const c = choice[i];
    if (!c?.checked || s.unitId !== null) return;
    if (!s.needsChoice) return push(s.name, s.kind);
    for (const name of c.names.split(/[\n,;]+/).map((n) => n.trim()).filter(Boolean)) push(name, guessUnitKind(name));
  });
  return out;
}
