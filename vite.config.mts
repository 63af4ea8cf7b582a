import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { metaContentSecurityPolicy } from './preload/contract/content-security-policy.js';

const root = resolve(import.meta.dirname, 'renderer');

/** One folder per page under renderer/, each with its index.html. */
const PAGES = ['site', 'device', 'control', 'stage', 'messages', 'facetime', 'icloud', 'mail', 'appstore', 'icloud-web'];

/**
 * Writes the pages' CSP (preload/contract/content-security-policy.ts, the one the servers send
 * too) into every page as a meta tag, right after the viewport, so no page carries its own copy.
 * electronegativity reads it in the built pages; its CSP_GLOBAL_CHECK finding is a reviewed
 * exception, marked on the same line as the tag.
 */
function contentSecurityPolicyMeta(): Plugin {
  const viewport = /^([ \t]*)<meta name="viewport"[^>]*>\n/m;
  return {
    name: 'twostep-content-security-policy-meta',
    transformIndexHtml: {
      order: 'pre',
      handler(html, { path }) {
        const found = viewport.exec(html);
        if (!found) throw new Error(`${path}: no <meta name="viewport"> to put the CSP after`);
        const indent = found[1];
        const tag =
          `${indent}<!-- The CSP evaluator warns that script-src 'self' is weak where an origin hosts JSONP, Angular or user uploads; this origin serves only TwoStep's own built files. -->\n` +
          `${indent}<meta http-equiv="Content-Security-Policy" content="${metaContentSecurityPolicy()}" /> <!-- eng-disable CSP_GLOBAL_CHECK -->\n`;
        return html.slice(0, found.index + found[0].length) + tag + html.slice(found.index + found[0].length);
      },
    },
  };
}

/**
 * Every front end is one page of a multi-page build into dist/renderer: the account site
 * (site/), the trusted iPhone (device/), the control center (control/) and the four apps.
 * No inline scripts or styles, so the pages run under a strict CSP.
 */
export default defineConfig({
  root,
  base: '/',
  plugins: [react(), contentSecurityPolicyMeta()],
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
