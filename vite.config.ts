/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

// Sync (README, "Pointing the app at a real CouchDB"): the CSP lets the app connect to its own
// origin only, so the server that serves it passes /couchdb/… on to the clinic's CouchDB,
// named by SYNC_SERVER when serving (`SYNC_SERVER=http://127.0.0.1:5984 npm start`). Without
// it nothing is passed on, and the app never makes a request anywhere else.
const syncServer = process.env.SYNC_SERVER;
const syncProxy = syncServer
  ? {
      proxy: {
        '/couchdb': {
          target: syncServer,
          changeOrigin: true,
          rewrite: (path: string) => path.replace(/^\/couchdb/, '') || '/',
        },
      },
    }
  : {};

export default defineConfig({
  plugins: [
    react(),
    // The production CSP allows no inline styles. Vite's dev server injects CSS as <style>
    // tags, so `npm run dev` (only) relaxes style-src; the built app never does.
    {
      name: 'dev-csp',
      apply: 'serve',
      transformIndexHtml: (html: string) =>
        html.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
    },
    // Precache the whole built app so it loads and works with no network after the first
    // visit. 'prompt': a new version waits for the clinician's click and never reloads a
    // visit mid-entry (shared platform notes).
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['apple-touch-icon.png'],
      manifest: {
        name: 'Trajectory',
        short_name: 'Trajectory',
        description: 'Follow patients with depression through rating scales, offline.',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#f6f8fa',
        theme_color: '#1f4e79',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          {
            src: 'icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      workbox: {
        // woff2: the app's own font, so text looks the same offline.
        globPatterns: ['**/*.{js,css,html,png,svg,json,webmanifest,woff2}'],
        navigateFallback: 'index.html',
        // The sync server's path is the clinic's CouchDB (above), never the app's page.
        navigateFallbackDenylist: [/\/couchdb(\/|$)/],
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  base: './',
  build: {
    target: 'es2022',
    sourcemap: false,
  },
  preview: {
    host: '127.0.0.1',
    port: 4173,
    strictPort: false,
    ...syncProxy,
  },
  server: syncProxy,
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}', 'tests/integration/**/*.test.{ts,tsx}'],
    setupFiles: ['tests/setup.ts'],
    restoreMocks: true,
  },
});
