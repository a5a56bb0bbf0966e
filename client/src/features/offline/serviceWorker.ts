/**
 * Registers the service worker (client/sw.js, written into the build by vite.config.ts) so the
 * page can be installed and opens offline. Not in development: Vite's dev server has no sw.js.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    // A refusal (a browser without service workers in this context, a private window) leaves the page as it is.
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {});
  });
}
