import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, Hono } from 'hono';
import { relative } from 'node:path';
import { IdentityError } from '../identity/identity-error.js';
import { Pages, type Lang } from './pages.js';

/**
 * Serves the built pages: hashed assets (cacheable forever: their names change with their
 * content) and HTML pages (never cached). serveStatic refuses paths that climb out of the root.
 */
export function mountPages(app: Hono, staticRoot: string, lang: Lang, routes: Record<string, string>, fallback?: string): void {
  const pages = new Pages(staticRoot, lang);
  app.use(
    '/assets/*',
    serveStatic({
      root: relative(process.cwd(), staticRoot) || '.',
      onFound: (_path, c) => c.header('Cache-Control', 'public, max-age=31536000, immutable'),
    }),
  );
  app.get('/api/*', () => {
    throw new IdentityError('NOT_FOUND');
  });
  const page = (name: string) => async (c: Context) => {
    const html = await pages.html(name);
    if (!html) throw new IdentityError('NOT_FOUND');
    c.header('Cache-Control', 'no-store');
    return c.html(html);
  };
  for (const [path, name] of Object.entries(routes)) app.get(path, page(name));
  if (fallback) app.get('*', page(fallback));
}
