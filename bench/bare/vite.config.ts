import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The benchmark's reference pages, built by the same Vite as the app into dist/__bench/ so
// the app's preview server serves them from the app's origin: they read the app's own
// IndexedDB database. Nothing of the app is in them but its database.
const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: './',
  plugins: [react()],
  logLevel: 'warn',
  build: {
    target: 'es2022',
    outDir: resolve(here, '../../dist/__bench'),
    emptyOutDir: true,
    rolldownOptions: {
      input: {
        list: resolve(here, 'list.html'),
        chart: resolve(here, 'chart.html'),
        raw: resolve(here, 'raw.html'),
      },
    },
  },
});
