import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { cssVariablesBlock } from '../../shared/colours/cssVariables.ts';
import { App } from './app/App.tsx';
import { queryClient } from './app/trpc.ts';
import { seedFirstView } from './app/firstView.ts';
import { registerServiceWorker } from './features/offline/serviceWorker.ts';
import { I18nProvider } from './i18n/index.tsx';
import './app/app.css';
import './app/phone.css';
import './app/print.css';

// The colour language (shared/colours) as CSS custom properties, before the first paint: the
// dark set on screen, the print set on paper. A constructed sheet, which the page's CSP allows
// (it forbids inline <style>).
const colours = new CSSStyleSheet();
colours.replaceSync(`${cssVariablesBlock(':root', 'dark')} @media print { ${cssVariablesBlock(':root', 'print')} }`);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, colours];

registerServiceWorker();

// A signed-in person's page carries its first view's answers: no round trip before the map.
seedFirstView(queryClient);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <App />
      </I18nProvider>
    </QueryClientProvider>
  </StrictMode>,
);
