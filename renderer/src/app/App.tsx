// The main window: menu bar, the budget grid, messages and the status bar. Owns the loading of the
// plan (snapshot) and the application-wide commands (undo/redo, file actions, language).
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { BridgeFailure, type CountingBridge } from '../bridge';
import { labelText } from '../../../shared/step-label';
import { recentLabels, recentMenuLabel } from '../../../shared/recent-files';
import { installCloseGuard } from './close-guard';
import { BudgetGrid, type BudgetGridHandle } from '../grid/BudgetGrid';
import { FEATURES } from '../features';
import type { AppContext, MenuId } from '../features/types';
import { useLang } from '../i18n';
import { PlanStore } from '../state/plan-store';
import { MenuBar, type Menu, type MenuItem } from './MenuBar';
import { MessageBar, type Message } from './MessageBar';
import { StatusBar } from './StatusBar';
import { mainView, useMainView } from './main-view';

/** Rows shown before the rest of a big plan arrives: more than a screen, little enough to be instant. */
const FIRST_ROWS = 300;
const ROW_CHUNK = 20_000;

export function App({ bridge }: { bridge: CountingBridge }) {
  const { t, tStored, lang, setLang } = useLang();
  const store = useMemo(() => new PlanStore(), []);
  useSyncExternalStore(store.subscribe, store.getVersion);
  const grid = useRef<BudgetGridHandle>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  const show = useCallback((text: string, kind: 'error' | 'info' = 'info') => {
    setMessage({ id: Date.now(), text, kind });
  }, []);

  /** A saved edit makes an error about an earlier refused one out of date: it goes. */
  const clearError = useCallback(() => setMessage((m) => (m?.kind === 'error' ? null : m)), []);

  const showFailure = useCallback(
    (err: unknown) => {
      const e = err instanceof BridgeFailure ? err.error : { code: 'error.internal', params: { detail: String(err) } };
      show(tStored(e.code, e.params), 'error');
    },
    [show, tStored],
  );

  /**
   * Read the plan from the engine. Opening a file shows its first rows at once and brings the rest
   * (and the findings) in the background, so a 100.000-line plan paints in well under a second;
   * a reload after a structural edit reads everything, so the grid keeps its place.
   */
  const reload = useCallback(
    async (opts: { partial?: boolean } = {}) => {
      try {
        const snap = await bridge.invoke('cycle/snapshot', opts.partial ? { firstRows: FIRST_ROWS } : {});
        store.load(snap);
        setLoadError(null);
        const id = store.loadId;
        for (let from = snap.rows.length; from < snap.rowCount && store.loadId === id; from += ROW_CHUNK) {
          const { rows } = await bridge.invoke('cycle/rows', { from, count: ROW_CHUNK });
          if (store.loadId === id) store.appendRows(rows);
        }
        if (!snap.findingsIncluded && store.loadId === id) {
          const { findings } = await bridge.invoke('cycle/findings', {});
          if (store.loadId === id) store.setFindings(findings);
        }
      } catch (err) {
        if (!store.meta) setLoadError(err instanceof BridgeFailure ? tStored(err.error.code, err.error.params) : String(err));
        else showFailure(err);
      }
    },
    [bridge, store, t, showFailure],
  );

  useEffect(() => {
    void reload({ partial: true });
    return bridge.on((e) => {
      if (e.type === 'file-changed') void reload({ partial: true });
      if (e.type === 'menu') runAction.current(e.action);
    });
  }, [bridge, reload]);

  // Closing the window commits the cell being edited and waits for the engine (nothing typed is lost).
  useEffect(
    () =>
      installCloseGuard({
        commitEditing: () => grid.current?.commitEditing() ?? false,
        busy: () => bridge.inflight() > 0 || store.pending > 0,
      }),
    [bridge, store],
  );

  useEffect(() => {
    if (store.file) document.title = `${store.file.name} — PlanDesk`;
  }, [store.file]);

  const undoRedo = useCallback(
    async (which: 'undo' | 'redo') => {
      try {
        const patch = await bridge.invoke(which, {});
        await grid.current?.applyPatch(patch);
        if (patch.cursor) grid.current?.focusCell(patch.cursor.lineId, patch.cursor.column);
      } catch (err) {
        showFailure(err);
      }
    },
    [bridge, showFailure],
  );

  // The host's recent-files list, read again whenever another file is opened.
  const [recent, setRecent] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    void bridge.recentFiles().then((list) => live && setRecent(list), () => undefined);
    return () => {
      live = false;
    };
  }, [bridge, store.file?.path]);

  const openRecent = useCallback(
    async (file: string) => {
      const res = await bridge.fileAction('openRecent', file);
      if (!res.ok) showFailure(new BridgeFailure(res.error));
    },
    [bridge, showFailure],
  );

  const fileAction = useCallback(
    async (action: 'new' | 'open' | 'saveAs' | 'openInNewWindow' | 'newInNewWindow') => {
      // Electron shows a file dialog in the main process; browser mode asks for a path.
      let arg: string | undefined;
      if (bridge.mode === 'browser') {
        // The new-window actions are desktop-only (never reach here); they would ask the same question.
        const prompt = ({ new: 'file.prompt.new', open: 'file.prompt.open', saveAs: 'file.prompt.saveAs', openInNewWindow: 'file.prompt.open', newInNewWindow: 'file.prompt.new' } as const)[action];
        arg = window.prompt(t(prompt)) ?? undefined;
        if (!arg) return;
      }
      const res = await bridge.fileAction(action, arg);
      if (!res.ok) showFailure(new BridgeFailure(res.error));
    },
    [bridge, showFailure, t],
  );

  const runAction = useRef<(id: string) => void>(() => {});
  runAction.current = (id: string) => {
    switch (id) {
      case 'undo':
      case 'redo':
        void undoRedo(id);
        break;
      // File → New first asks which program template (features/templates), then where. With no plan
      // shown (the file failed to open: no dialogs are drawn), the host's New makes this year's program.
      case 'new':
        if (store.meta) featureActions.current['templates.new']?.();
        else void fileAction('new');
        break;
      case 'open':
      case 'saveAs':
        void fileAction(id);
        break;
      // A plan in a window of its own (desktop only: a browser tab is one plan).
      case 'openInNewWindow':
      case 'newInNewWindow':
        if (bridge.mode === 'electron') void fileAction(id);
        break;
      case 'expandAll':
        grid.current?.expandAll();
        break;
      case 'collapseAll':
        grid.current?.collapseAll();
        break;
      case 'lang.vi':
        setLang('vi');
        break;
      case 'lang.en':
        setLang('en');
        break;
      default:
        featureActions.current[id]?.();
    }
  };

  // The plan grid, or a feature's view in its place (the allocation view): tabs and View menu.
  const shownView = useMainView();
  // Stable, so the memoised grid is not drawn again for it.
  const runFromGrid = useCallback((id: string) => runAction.current(id), []);
  const ctx: AppContext = {
    bridge, store, grid, lang, t, show, showFailure, reload,
    run: (id: string) => runAction.current(id),
  };
  const featureActions = useRef<Record<string, () => void>>({});
  featureActions.current = Object.assign({}, ...FEATURES.map((f) => f.actions?.(ctx) ?? {}));

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA')) return;
      if (!(e.ctrlKey || e.metaKey)) return;
      const k = e.key.toLowerCase();
      if (k === 'z' && !e.shiftKey) runAction.current('undo');
      else if (k === 'y' || (k === 'z' && e.shiftKey)) runAction.current('redo');
      // The File menu's shortcuts (the in-window menu is the only one: see MenuBar.tsx).
      else if (k === 'n' && !e.shiftKey && !e.altKey) runAction.current('new');
      else if (k === 'n' && e.shiftKey && !e.altKey && bridge.mode === 'electron') runAction.current('newInNewWindow');
      else if (k === 'o' && !e.shiftKey && !e.altKey) runAction.current('open');
      else if (k === 's' && e.shiftKey && !e.altKey) runAction.current('saveAs');
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const run = (id: string) => () => runAction.current(id);
  const extra = (menu: MenuId): (MenuItem | 'separator')[] =>
    FEATURES.flatMap((f) => {
      const items = f.menus?.(ctx)[menu] ?? [];
      return items.length ? (['separator', ...items] as (MenuItem | 'separator')[]) : [];
    });
  const menus: Menu[] = [
    {
      id: 'file',
      label: t('menu.file'),
      items: [
        { id: 'new', label: t('menu.file.new'), shortcut: 'Ctrl+N', run: run('new') },
        { id: 'open', label: t('menu.file.open'), shortcut: 'Ctrl+O', run: run('open') },
        // Several plans side by side, one window each (Electron; a browser tab holds one plan).
        ...(bridge.mode === 'electron'
          ? [
              { id: 'openInNewWindow', label: t('menu.file.openInNewWindow'), run: run('openInNewWindow') },
              { id: 'newInNewWindow', label: t('menu.file.newInNewWindow'), shortcut: 'Ctrl+Shift+N', run: run('newInNewWindow') },
            ]
          : []),
        { id: 'saveAs', label: t('menu.file.saveAs'), shortcut: 'Ctrl+Shift+S', run: run('saveAs') },
        // Recent files, as Office lists them: numbered, the name shown, the full path on hover.
        ...recentItems(recent, store.file?.path, (f) => void openRecent(f)),
        ...extra('file'),
        // The desktop window closes (through the close guard: nothing typed is lost); a browser
        // tab cannot be closed by its page.
        ...(bridge.mode === 'electron'
          ? (['separator', { id: 'quit', label: t('menu.file.quit'), shortcut: 'Alt+F4', run: () => window.close() }] as (MenuItem | 'separator')[])
          : []),
      ],
    },
    {
      id: 'edit',
      label: t('menu.edit'),
      items: [
        // "Hoàn tác: Dán" — which step Ctrl+Z takes back, named in the window's language.
        {
          id: 'undo',
          label: store.undo.undoLabel ? t('menu.edit.undoWhat', { what: labelText(lang, store.undo.undoLabel) }) : t('menu.edit.undo'),
          shortcut: 'Ctrl+Z',
          disabled: !store.undo.canUndo,
          run: run('undo'),
        },
        {
          id: 'redo',
          label: store.undo.redoLabel ? t('menu.edit.redoWhat', { what: labelText(lang, store.undo.redoLabel) }) : t('menu.edit.redo'),
          shortcut: 'Ctrl+Y',
          disabled: !store.undo.canRedo,
          run: run('redo'),
        },
        ...extra('edit'),
      ],
    },
    {
      id: 'view',
      label: t('menu.view'),
      items: [
        { id: 'expandAll', label: t('menu.view.expandAll'), run: run('expandAll') },
        { id: 'collapseAll', label: t('menu.view.collapseAll'), run: run('collapseAll') },
        'separator',
        { id: 'lang.vi', label: t('lang.vi'), checked: lang === 'vi', run: run('lang.vi') },
        { id: 'lang.en', label: t('lang.en'), checked: lang === 'en', run: run('lang.en') },
        ...extra('view'),
      ],
    },
    ...(['tools', 'help'] as const)
      .map((id) => ({ id, label: t(`menu.${id}`), items: extra(id).slice(1) }))
      .filter((m) => m.items.length > 0),
  ];

  if (loadError) {
    return (
      <div className="pd-load-error" role="alert">
        {loadError}
      </div>
    );
  }
  if (!store.meta) return <div className="pd-loading">{t('app.loading')}</div>;

  return (
    <div className="pd-app">
      <MenuBar menus={menus} />
      <header className="pd-titlebar">
        <h1>{store.meta.program}</h1>
        <span className="pd-doc">
          {[store.meta.docKind, store.meta.docNumber].filter(Boolean).join(' ')} · {store.meta.year}
        </span>
      </header>
      <MessageBar message={message} onClose={() => setMessage(null)} />
      <MainTabs ctx={ctx} shown={shownView} />
      <div className={shownView ? 'pd-main pd-main-alt' : 'pd-main'}>
        {FEATURES.map((f) => f.MainView && shownView === f.id && <f.MainView.View key={f.id} ctx={ctx} />)}
        <BudgetGrid
          key={`${store.file?.path}:${lang}`}
          ref={grid}
          store={store}
          bridge={bridge}
          readOnly={!!store.file?.readOnly}
          onMessage={show}
          onSaved={clearError}
          reload={reload}
          unit={store.meta.unit}
          locale={store.meta.numberLocale}
          columnsSig={JSON.stringify(store.columns)}
          onAction={runFromGrid}
        />
        {FEATURES.map((f) => f.SidePanel && <f.SidePanel key={f.id} ctx={ctx} />)}
      </div>
      <StatusBar
        file={store.file}
        lineCount={store.rowCount}
        saving={store.pending > 0}
        unit={store.meta.unit}
        loading={store.complete && store.findingsLoaded ? null : { loaded: store.order.length, total: store.rowCount }}
      >
        {FEATURES.map((f) => f.Status && <f.Status key={f.id} ctx={ctx} />)}
      </StatusBar>
      {FEATURES.map((f) => f.Overlay && <f.Overlay key={f.id} ctx={ctx} />)}
    </div>
  );
}

/** Tabs above the main area: the plan grid and each feature's view (none when no feature has one). */
function MainTabs({ ctx, shown }: { ctx: AppContext; shown: string | null }) {
  const views = FEATURES.filter((f) => f.MainView);
  if (!views.length) return null;
  const tab = (id: string | null, label: string) => (
    <button key={id ?? 'plan'} type="button" role="tab" aria-selected={shown === id} data-main-view={id ?? 'plan'} onClick={() => mainView.set(id)}>
      {label}
    </button>
  );
  return (
    <div className="pd-main-tabs" role="tablist">
      {tab(null, ctx.t('app.view.plan'))}
      {views.map((f) => tab(f.id, f.MainView!.label(ctx)))}
    </div>
  );
}

/** File menu entries for the recent files other than the open one (at most 8). */
function recentItems(recent: string[], current: string | undefined, open: (file: string) => void): (MenuItem | 'separator')[] {
  const others = recent.filter((f) => f !== current).slice(0, 8);
  if (!others.length) return [];
  // Named with their folder: eight "ke-hoach.plandesk" of eight districts must read differently.
  const items: MenuItem[] = recentLabels(others).map((l, i) => ({
    id: `recent.${i + 1}`,
    label: `${i + 1}. ${recentMenuLabel(l)}`,
    title: l.path,
    run: () => open(l.path),
  }));
  return ['separator', ...items];
}
