import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const client = (path: string) => fileURLToPath(new URL(`./client/${path}`, import.meta.url));

/**
 * The service worker (client/sw.js) with this build's id and files written in: a new build is a
 * new script, which the browser installs in place of the old one (and it drops the old cache).
 */
function serviceWorker(): Plugin {
  return {
    name: 'onemap-service-worker',
    apply: 'build',
    // After the files are written, from what is on disk: the bundle as generateBundle sees it can
    // still hold a chunk the bundler drops afterwards (an empty one), and one missing file in the
    // list fails the whole install — the page would then not open offline at all.
    writeBundle(options) {
      const outDir = options.dir!;
      const files = readdirSync(outDir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => relative(outDir, join(entry.parentPath, entry.name)).split(sep).join('/'))
        // bench.html and its scripts measure frame times: not part of the app; sw.js is this file.
        .filter((f) => !/(^|\/)bench[-.]/.test(f) && !f.endsWith('.map') && f !== 'sw.js')
        .map((f) => `/${f}`)
        .sort();
      const precache = ['/index.html', '/manifest.webmanifest', '/icons/icon-192.png', '/icons/icon-512.png', ...files];
      const template = readFileSync(client('sw.js'), 'utf8');
      const build = createHash('sha256').update(files.join('\n')).update(template).digest('hex').slice(0, 16);
      const source = template
        .replace("'__ONEMAP_BUILD__'", JSON.stringify(build))
        .replace('__ONEMAP_PRECACHE__', JSON.stringify([...new Set(precache)]));
      writeFileSync(join(outDir, 'sw.js'), source);
    },
  };
}

export default defineConfig({
  root: client(''),
  plugins: [react(), serviceWorker()],
  build: {
    outDir: fileURLToPath(new URL('./dist/client', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 3000,
    rollupOptions: {
      // bench.html measures frame times (npm run bench); the product's first view is index.html.
      input: { index: client('index.html'), bench: client('bench.html') },
    },
  },
});
