// How a feature area plugs into the main window without editing App.tsx: menu items, panels,
// dialogs and status-bar parts, all given the same AppContext.
import type { ReactNode, RefObject } from 'react';
import type { Lang, Translate } from '../../../shared/i18n';
import type { PlanDeskBridge } from '../../../shared/ipc';
import type { MenuItem } from '../app/MenuBar';
import type { BudgetGridHandle } from '../grid/BudgetGrid';
import type { PlanStore } from '../state/plan-store';

export interface AppContext {
  bridge: PlanDeskBridge;
  store: PlanStore;
  grid: RefObject<BudgetGridHandle | null>;
  lang: Lang;
  t: Translate;
  /** Show a message in the message bar. */
  show: (text: string, kind?: 'error' | 'info') => void;
  /** Show an engine refusal (BridgeFailure) or any error, in the user's language. */
  showFailure: (err: unknown) => void;
  /** Re-read the whole plan from the engine. */
  reload: () => Promise<void>;
  /** Run any registered action by id (menus, host events, keyboard). */
  run: (actionId: string) => void;
}

export type MenuId = 'file' | 'edit' | 'view' | 'tools' | 'help';

export interface Feature {
  id: string;
  /** Menu items this feature adds, per menu, in order. */
  menus?: (ctx: AppContext) => Partial<Record<MenuId, (MenuItem | 'separator')[]>>;
  /** Actions by id (menus call them; Electron's native menu and shortcuts reach them too). */
  actions?: (ctx: AppContext) => Record<string, () => void>;
  /** A panel beside the grid (e.g. findings). */
  SidePanel?: (props: { ctx: AppContext }) => ReactNode;
  /** Dialogs and overlays (rendered always; show themselves when open). */
  Overlay?: (props: { ctx: AppContext }) => ReactNode;
  /** Parts of the status bar. */
  Status?: (props: { ctx: AppContext }) => ReactNode;
  /** A view that takes the plan grid's place while its tab is chosen (app/main-view.ts; id = the feature's). */
  MainView?: { label: (ctx: AppContext) => string; View: (props: { ctx: AppContext }) => ReactNode };
}
