import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { cssVariables } from '../../shared/colours/cssVariables.ts';
import { App } from './app/App.tsx';
import { queryClient } from './app/trpc.ts';
import { I18nProvider } from './i18n/index.tsx';
import './app/app.css';
import './app/phone.css';
import './app/print.css';

// The colour language (shared/colours) as CSS custom properties, before the first paint.
for (const [name, value] of Object.entries(cssVariables('dark')))
  document.documentElement.style.setProperty(name, value);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <App />
      </I18nProvider>
    </QueryClientProvider>
  </StrictMode>,
);
