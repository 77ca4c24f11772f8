// Renderer entry: pick the bridge to the engine and mount the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getBridge } from './bridge';
import { LangProvider } from './i18n';
import './styles.css';

const bridge = getBridge();
const root = createRoot(document.getElementById('root')!);

// `#/print`: the print view of the open cycle (loaded on demand: the window never needs it).
if (/^#\/print(\?|$)/.test(window.location.hash)) void import('./print/PrintRoute').then((m) => m.mountPrintRoute(root, bridge));
// `#/print-report`: the execution report's print view, its data handed over by the engine that prints it.
else if (/^#\/print-report(\?|$)/.test(window.location.hash)) void import('./features/execution/ReportPrintRoute').then((m) => m.mountReportPrintRoute(root));
// The window: its own chunk (the grid, the features), which a print view never loads — a view
// printing the report spent ~3 s of a core compiling it.
else void import('./app/App').then(({ App }) => root.render(
  <StrictMode>
    <LangProvider>
      <App bridge={bridge} />
    </LangProvider>
  </StrictMode>,
));
