// Renderer entry: pick the bridge to the engine and mount the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { getBridge } from './bridge';
import { LangProvider } from './i18n';
import './styles.css';

const bridge = getBridge();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LangProvider>
      <App bridge={bridge} />
    </LangProvider>
  </StrictMode>,
);
