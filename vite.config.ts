import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const client = (path: string) => fileURLToPath(new URL(`./client/${path}`, import.meta.url));

export default defineConfig({
  root: client(''),
  plugins: [react()],
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
