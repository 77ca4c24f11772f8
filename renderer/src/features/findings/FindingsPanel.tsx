// The findings panel beside the grid: counts by severity (also filters), program-level findings at
// the top, then one collapsible group per rule, each finding a button that takes the grid to its
// cell. Reads the store the engine's patches keep current, so it follows every edit as typed.
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import type { Finding, RuleId } from '../../../../shared/findings';
import type { Lang } from '../../../../shared/i18n';
import type { RowView } from '../../../../shared/ipc';
import type { CycleMeta, FundingColumn } from '../../../../shared/model';
import type { PlanStore } from '../../state/plan-store';
import type { AppContext } from '../types';
import { acceptAllComputed, acceptComputed, goToFinding, setKept, viewOf } from './actions';
import { FindingEntry } from './FindingEntry';
import { columnNamer, sameView, SEVERITIES, type FindingsView } from './findings-view';
import { isKept } from './kept';
import { SeverityIcon } from './SeverityIcon';
import { findingsUi, useFindingsUi, type FindingsUi } from './ui-state';

/** Findings rendered per group before "show more": a plan can have thousands. */
const PAGE = 200;

export function FindingsPanel({ ctx }: { ctx: AppContext }) {
  const ui = useFindingsUi();
  const { store } = ctx;
  // Re-derived when the store changes (every patch bumps its version) or the filter does; kept as
  // the same object while the findings and their lines are the same, so typing a figure that
  // changes no finding does not re-render the panel.
  const last = useRef<{ view: FindingsView; rows: (RowView | undefined)[] } | null>(null);
  const view = useMemo(() => {
    const next = viewOf(ctx);
    const rows = next.flat.map((f) => (f.lineId === null ? undefined : store.rows.get(f.lineId)));
    const prev = last.current;
    if (prev && sameView(prev.view, next) && rows.every((r, i) => r === prev.rows[i])) return prev.view;
    last.current = { view: next, rows };
    return next;
  }, [store.version, ui.shown, store]); // eslint-disable-line react-hooks/exhaustive-deps
  // Callbacks read ctx through a ref: the list is memoised and must not re-render on every patch.
  const ctxRef = useRef(ctx);
  ctxRef.current = ctx;
  const actions = useMemo<PanelActions>(
    () => ({
      onGo: (f) => void goToFinding(ctxRef.current, f),
      onAccept: (f) => void acceptComputed(ctxRef.current, f),
      onAcceptAll: (fs) => void acceptAllComputed(ctxRef.current, fs.map((f) => ({ lineId: f.lineId!, column: f.column! }))),
      onKeep: (f, keep) => void setKept(ctxRef.current, f, keep),
      onRules: () => findingsUi.set({ dialog: { kind: 'rules' } }),
      onCapital: (lineId) => findingsUi.set({ dialog: { kind: 'capital', lineId } }),
    }),
    [],
  );
  if (!ui.panelShown || !store.meta) return null;
  // The window re-renders on every store change and more; the panel's content only when its inputs do.
  return (
    <PanelContent
      view={view}
      ui={ui}
      store={store}
      meta={store.meta}
      columns={store.columns}
      readOnly={!!store.file?.readOnly}
      lang={ctx.lang}
      t={ctx.t}
      actions={actions}
    />
  );
}

interface PanelActions {
  onGo: (f: Finding) => void;
  onAccept: (f: Finding) => void;
  /** "Use computed for all" over the mismatching totals of a group. */
  onAcceptAll: (fs: Finding[]) => void;
  onKeep: (f: Finding, keep: boolean) => void;
  onRules: () => void;
  onCapital: (lineId: number) => void;
}

interface ContentProps {
  view: FindingsView;
  ui: FindingsUi;
  /** Read for line codes and names; `view` changes whenever the store does. */
  store: PlanStore;
  meta: CycleMeta;
  columns: FundingColumn[];
  readOnly: boolean;
  lang: Lang;
  t: AppContext['t'];
  actions: PanelActions;
}

const PanelContent = memo(function PanelContent({ view, ui, store, meta, columns, readOnly, lang, t, actions }: ContentProps) {
  const [collapsed, setCollapsed] = useState<ReadonlySet<RuleId>>(new Set());
  const [limits, setLimits] = useState<Partial<Record<RuleId, number>>>({});
  const listRef = useRef<HTMLDivElement>(null);
  const nameColumn = useMemo(() => columnNamer(columns, lang, t), [columns, lang, t]);
  const { onGo, onAccept, onAcceptAll, onKeep, onRules, onCapital } = actions;

  // Keep the selected entry in view when it was chosen from the keyboard (F8) or the grid.
  useEffect(() => {
    if (!ui.selectedId) return;
    const el = listRef.current?.querySelector(`[data-finding-id="${CSS.escape(ui.selectedId)}"]`);
    el?.scrollIntoView({ block: 'nearest' });
  }, [ui.selectedId]);

  const total = view.counts.error + view.counts.warning + view.counts.info;
  const shownCount = view.flat.length;

  const entry = (f: Finding) => {
    const row = f.lineId === null ? undefined : store.rows.get(f.lineId);
    const code = f.lineId === null ? t('findings.where.program') : (row?.code.trim() || f.line || t('findings.where.noCode'));
    const target = f.column ?? (f.rule === 'not_allocated' ? columns.find((c) => c.parent === null)?.key : undefined);
    return (
      <FindingEntry
        key={f.id}
        f={f}
        lang={lang}
        unit={meta.unit}
        locale={meta.numberLocale}
        where={target ? `${code} · ${nameColumn(target)}` : code}
        lineName={f.lineId === null ? t(`rules.name.${f.rule}`) : (row?.name ?? '')}
        selected={ui.selectedId === f.id}
        kept={isKept(f, ui.kept)}
        readOnly={readOnly}
        onGo={onGo}
        onAccept={onAccept}
        onKeep={onKeep}
        onRules={onRules}
        onCapital={onCapital}
      />
    );
  };

  return (
    <aside className="pd-findings" aria-labelledby="pd-findings-title">
      <header className="pd-findings-head">
        <h2 id="pd-findings-title">{t('findings.panel.title')}</h2>
        <span className="pd-findings-total">{total.toLocaleString('vi-VN')}</span>
        <button
          type="button"
          className="pd-icon-btn"
          aria-label={t('findings.panel.hide')}
          title={t('findings.panel.hide')}
          onClick={() => findingsUi.set({ panelShown: false })}
        >
          ×
        </button>
      </header>
      <div className="pd-findings-filters" role="group" aria-label={t('findings.panel.filter')}>
        {SEVERITIES.map((s) => (
          <button
            key={s}
            type="button"
            className={`pd-sev-chip pd-sev-chip-${s}`}
            aria-pressed={ui.shown[s]}
            data-severity={s}
            onClick={() => findingsUi.toggleSeverity(s)}
          >
            <SeverityIcon severity={s} />
            {t(`findings.count.${s}`, { count: view.counts[s].toLocaleString('vi-VN') })}
          </button>
        ))}
      </div>
      <div className="pd-findings-list" ref={listRef} aria-label={t('findings.panel.list')}>
        {shownCount === 0 && (
          <div className="pd-findings-empty">
            {total === 0 ? (
              <>
                <span className="pd-findings-ok" aria-hidden="true">✓</span>
                {t('findings.panel.empty')}
              </>
            ) : (
              t('findings.panel.emptyFiltered')
            )}
          </div>
        )}
        {view.program.length > 0 && (
          <section className="pd-findings-group pd-findings-program" data-group="program">
            <h3 className="pd-findings-group-head">
              <span className="pd-findings-chevron" aria-hidden="true" />
              <SeverityIcon severity={view.program[0].severity} />
              <span className="pd-findings-group-name">{t('findings.panel.program')}</span>
              <span className="pd-findings-group-count">{view.program.length}</span>
            </h3>
            <ul>{view.program.map(entry)}</ul>
          </section>
        )}
        {view.groups.map((g) => {
          const isCollapsed = collapsed.has(g.rule);
          const limit = limits[g.rule] ?? PAGE;
          return (
            <section key={g.rule} className="pd-findings-group" data-group={g.rule}>
              <h3 className="pd-findings-group-head">
                <button
                  type="button"
                  aria-expanded={!isCollapsed}
                  onClick={() => {
                    const next = new Set(collapsed);
                    if (isCollapsed) next.delete(g.rule);
                    else next.add(g.rule);
                    setCollapsed(next);
                  }}
                >
                  <span className="pd-findings-chevron" aria-hidden="true">{isCollapsed ? '▸' : '▾'}</span>
                  <SeverityIcon severity={g.severity} />
                  <span className="pd-findings-group-name">{t(`rules.name.${g.rule}`)}</span>
                  <span className="pd-findings-group-count">{g.items.length.toLocaleString('vi-VN')}</span>
                </button>
              </h3>
              {g.rule === 'sum_mismatch' && !readOnly && (
                <div className="pd-findings-group-actions">
                  <button
                    type="button"
                    className="pd-btn pd-btn-small"
                    data-action="acceptAll"
                    title={t('findings.action.acceptAll.title')}
                    onClick={() => onAcceptAll(g.items.filter((f) => f.lineId !== null && f.column !== null && !isKept(f, ui.kept)))}
                  >
                    {t('findings.action.acceptAll')}
                  </button>
                </div>
              )}
              {!isCollapsed && (
                <ul>
                  {g.items.slice(0, limit).map(entry)}
                  {g.items.length > limit && (
                    <li className="pd-findings-more">
                      <button type="button" className="pd-btn pd-btn-link" onClick={() => setLimits({ ...limits, [g.rule]: limit + PAGE * 5 })}>
                        {t('findings.panel.more', { count: (g.items.length - limit).toLocaleString('vi-VN') })}
                      </button>
                    </li>
                  )}
                </ul>
              )}
            </section>
          );
        })}
      </div>
      <footer className="pd-findings-foot">{t('findings.fig.unit', { unit: t(`unit.${meta.unit}`) })}</footer>
    </aside>
  );
});
