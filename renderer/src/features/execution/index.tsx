// The execution area in the window (issue 15): the execution view (a tab beside the plan grid, and
// the View menu) — reporting dates, the disbursed figures per line and funding column with their
// report and charts — and the report's print preview (File menu). The engine keeps the dates and
// figures (commands execution/*); its outputs are execrep/*.
import { lazy, Suspense } from 'react';
import { mainView } from '../../app/main-view';
import type { Feature } from '../types';
import type { AppContext } from '../types';
import { execUi, useExecUi } from './ui-state';

// Loaded when first shown: the view and its charts (ECharts) stay out of the window's first bundle.
const ExecutionView = lazy(() => import('./ExecutionView').then((m) => ({ default: m.ExecutionView })));
const ReportPreview = lazy(() => import('./ReportPreview'));

function LazyExecutionView({ ctx }: { ctx: AppContext }) {
  return (
    <Suspense fallback={null}>
      <ExecutionView ctx={ctx} />
    </Suspense>
  );
}

export const executionFeature: Feature = {
  id: 'execution',
  menus: (ctx) => ({
    file: [{ id: 'execution.preview', label: ctx.t('execview.menu.preview'), run: () => ctx.run('execution.preview') }],
    view: [{ id: 'execution.view', label: ctx.t('execview.menu.view'), checked: mainView.get() === 'execution', run: () => ctx.run('execution.view') }],
  }),
  actions: () => ({
    'execution.view': () => mainView.set('execution'),
    'execution.preview': () => {
      mainView.set('execution');
      execUi.set({ preview: true });
    },
  }),
  MainView: { label: (ctx) => ctx.t('execview.tab'), View: LazyExecutionView },
  Overlay: function ExecutionOverlay({ ctx }) {
    const ui = useExecUi();
    if (!ui.preview) return null;
    return (
      <Suspense fallback={null}>
        <ReportPreview ctx={ctx} onClose={() => execUi.set({ preview: false })} />
      </Suspense>
    );
  },
};
