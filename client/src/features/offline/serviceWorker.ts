/**
 * Registers the service worker (client/sw.js, written into the build by vite.config.ts) so the
 * page can be installed and opens offline. Not under Vite's dev server, which has no sw.js.
 */
export function registerServiceWorker(): void {
  // The mode, not PROD: a build made under the test runner (NODE_ENV=test) is not PROD, yet is served as built.
  if (import.meta.env.MODE === 'development' || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    // A refusal (a browser without service workers in this context, a private window) leaves the page as it is.
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {});
  });
}
