// `plandesk check FILE [--json] [--strict]`: totals, lines and findings of a cycle.
// JSON amounts are integer đồng; exit 0 when checked (whatever was found), 3 with --strict when
// errors exist, 1 when the file cannot be read, 2 on bad arguments.
import { ColumnTree } from '../../../shared/columns';
import { t } from '../../../shared/i18n';
import { formatAmount } from '../../../shared/number';
import { PlanSession } from '../../engine/session';
import { readArgs } from '../args';
import { columnLabel } from '../../../shared/column-labels';
import { EXIT, type CliIO, langOf } from '../io';
import { checkPaths } from '../paths';
import { reportError } from './report-error';

/** A unit's merged detail lines (consolidation), on lines the plan still has. */
function detailLines(session: PlanSession, unitId: number): { line: string; name: string; values: Record<string, number> }[] {
  const d = session.unitDetails.get(unitId);
  if (!d) return [];
  return d.lines.filter((l) => session.calc.lines.has(l.lineId)).map((l) => ({ line: session.calc.lines.get(l.lineId)!.code, name: l.name, values: l.values }));
}

export async function run(argv: string[], io: CliIO): Promise<number> {
  let positionals: string[];
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ positionals, values } = readArgs(argv, { json: { type: 'boolean' }, strict: { type: 'boolean' } }, langOf(io)));
  } catch (e) {
    io.stderr((e as Error).message);
    return EXIT.usage;
  }
  if (positionals.length !== 1) {
    io.stderr(t(langOf(io), 'cli.usage.check'));
    return EXIT.usage;
  }
  const bad = checkPaths(io, [positionals[0]]);
  if (bad !== null) return bad;
  let session: PlanSession;
  try {
    session = PlanSession.open(positionals[0], { readOnly: true });
  } catch (e) {
    return reportError(e, io);
  }
  try {
    const snap = session.snapshot();
    const lang = langOf(io);
    // Units (issue 14): each unit's shares summed per column over the lines that hold them.
    const unitTotals = (await session.handle('units/totals', {})).units;
    // The cycle's own column tree is the contract (issue 13): its keys, in display order, key the
    // totals and every line's values; `columns` says what each key is (Vietnamese label, parent).
    const tree = new ColumnTree(snap.columns);
    const keys = tree.ordered.map((c) => c.key);
    const pick = (v: Record<string, number>) => Object.fromEntries(keys.map((k) => [k, v[k] ?? 0]));
    const report = {
      unit: snap.meta.unit,
      columns: tree.ordered.map((c) => ({ key: c.key, label: c.label.vi, parent: c.parent })),
      totals: pick(snap.totals),
      lines: snap.rows.map((r) => ({ code: r.code, name: r.name, values: pick(r.values) })),
      findings: snap.findings.map(({ rule, severity, line, column, expected, actual, message }) => ({
        rule, severity, line, column, expected, actual, message,
      })),
      // Each unit's merged detail (issue 16): `line` is the code of the plan line it refines.
      units: unitTotals.map((u) => ({ name: u.name, totals: pick(u.totals), lines: detailLines(session, u.unitId) })),
    };
    if (values.json) {
      io.stdout(JSON.stringify(report, null, 2));
    } else {
      const unit = snap.meta.unit;
      io.stdout(`${snap.meta.program} — ${snap.meta.year} (${t(langOf(io), 'unit.label', { unit: t(langOf(io), `unit.${unit}`) })})`);
      for (const c of tree.ordered) {
        io.stdout(`${'  '.repeat(tree.depth(c.key) + 1)}${c.label[langOf(io)]}: ${formatAmount(snap.totals[c.key], unit)}`);
      }
      if (unitTotals.length) {
        io.stdout(t(lang, 'units.cli.heading', { count: unitTotals.length }));
        for (const u of unitTotals) {
          const parts = tree.ordered.filter((c) => u.totals[c.key]).map((c) => `${columnLabel(c.key, lang, snap.columns)} ${formatAmount(u.totals[c.key], unit)}`);
          io.stdout(`  ${u.name}: ${parts.join('; ') || formatAmount(0, unit)}`);
        }
      }
      io.stdout(t(langOf(io), 'cli.findings', { count: report.findings.length }));
      for (const f of snap.findings) {
        // People read labels in their language; the JSON above keeps the rule, severity and column keys.
        const where = [f.line || t(lang, 'cli.check.program'), f.column ? columnLabel(f.column, lang, snap.columns) : ''].filter(Boolean).join(' · ');
        io.stdout(`  [${t(lang, `rules.severity.${f.severity}`)}] ${where}: ${f.message}`);
      }
    }
    const hasErrors = snap.findings.some((f) => f.severity === 'error');
    return values.strict && hasErrors ? EXIT.strictErrors : EXIT.ok;
  } finally {
    session.close();
  }
}
