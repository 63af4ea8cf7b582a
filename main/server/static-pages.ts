import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, Hono } from 'hono';
import { resolve } from 'node:path';
import { IdentityError } from '../identity/identity-error.js';
import { Pages, type Lang } from './pages.js';

/**
 * Serves the built pages: hashed assets (cacheable forever: their names change with their
 * content) and HTML pages (never cached). serveStatic refuses paths that climb out of the root.
 *
 * The root is absolute, never relative to the current directory: a packaged app started from a
 * desktop menu runs with cwd = $HOME, and a relative root to /opt/TwoStep/resources/app.asar/...
 * then climbs with `..`, which Electron's asar layer does not follow.
 */
export function mountPages(
  app: Hono,
  staticRoot: string,
  lang: () => Lang,
  routes: Record<string, string>,
  fallback?: { page: string; knows: (path: string) => boolean },
  /** Pages that route by themselves under a path of their own (iCloud.com), before the fallback. */
  sections: readonly { page: string; claims: (path: string) => boolean; knows: (path: string) => boolean }[] = [],
): void {
  const root = resolve(staticRoot);
  const pages = new Pages(root, lang);
  app.use(
    '/assets/*',
    // Set on the way out: serveStatic's onFound runs after the response is made, too late for a header.
    async (c, next) => {
      await next();
      if (c.res.status === 200) c.res.headers.set('Cache-Control', 'public, max-age=31536000, immutable');
    },
    serveStatic({ root }),
  );
  app.get('/api/*', () => {
    throw new IdentityError('NOT_FOUND');
  });
  const page = (name: string, status: (path: string) => 200 | 404 = () => 200) => async (c: Context) => {
    const html = await pages.html(name);
    if (!html) throw new IdentityError('NOT_FOUND');
    c.header('Cache-Control', 'no-store');
    return c.html(html, status(c.req.path));
  };
  const notAllowed = () => {
    throw new IdentityError('METHOD_NOT_ALLOWED');
  };
  for (const [path, name] of Object.entries(routes)) {
    app.get(path, page(name));
    app.on(WRITE_METHODS, path, (c) => (c.header('Allow', 'GET, HEAD'), notAllowed()));
  }
  for (const section of sections) {
    const answer = page(section.page, (path) => (section.knows(path) ? 200 : 404));
    app.get('*', (c, next) => (section.claims(c.req.path) ? answer(c) : next()));
  }
  // A page that routes by itself (the account site) answers its own paths with 200 and any
  // other with 404 — the page then says it was not found — never a 200 for a page that isn't.
  if (fallback) {
    app.get('*', page(fallback.page, (path) => (fallback.knows(path) ? 200 : 404)));
    app.on(WRITE_METHODS, '*', (c) => {
      if (c.req.path.startsWith('/api/')) throw new IdentityError('NOT_FOUND');
      c.header('Allow', 'GET, HEAD');
      return notAllowed();
    });
  }
}

/** What a page's address refuses with 405 (and `Allow: GET, HEAD`). */
const WRITE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
