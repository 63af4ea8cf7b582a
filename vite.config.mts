import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = resolve(import.meta.dirname, 'renderer');

/** One folder per page under renderer/, each with its index.html. */
const PAGES = ['site', 'device', 'control', 'messages', 'facetime', 'icloud', 'mail'];

/**
 * Every front end is one page of a multi-page build into dist/renderer: the account site
 * (site/), the trusted iPhone (device/), the control center (control/) and the four apps.
 * No inline scripts or styles, so the pages run under a strict CSP.
 */
export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, 'dist/renderer'),
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: Object.fromEntries(PAGES.map((page) => [page, resolve(root, page, 'index.html')])),
    },
  },
});
