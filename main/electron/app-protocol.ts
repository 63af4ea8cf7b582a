import { readFile } from 'node:fs/promises';
import { extname, normalize, relative, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY, renderContentSecurityPolicy } from '../../preload/contract/content-security-policy.js';
import { APP_HOST } from './window-catalog.js';

/** The windows' CSP: the account site's, except that no window ever submits a form. */
export const WINDOW_CSP = renderContentSecurityPolicy({ ...CONTENT_SECURITY_POLICY, formAction: ["'none'"] });

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/**
 * Resolves an app:// URL to a file under `root`, or null: another host, a path that climbs
 * out of the root (`..`, encoded or not), or a file type we do not serve.
 */
export function resolveAppFile(root: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.host !== APP_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  // Refuse rather than normalise: no NUL, no backslash (a separator on Windows), no dot segments.
  if (/[\0\\]/.test(path) || path.split('/').some((segment) => segment === '..' || segment === '.')) return null;
  const base = resolve(root);
  const file = resolve(base, `.${normalize(path)}`);
  const rel = relative(base, file);
  if (rel === '' || rel.startsWith('..') || rel.split(sep).includes('..')) return null;
  if (!(extname(file) in MIME)) return null;
  return file;
}

/** The app:// handler: built files only, with the CSP on every answer. */
export function appProtocolHandler(root: string): (request: Request) => Promise<Response> {
  return async (request) => {
    const file = resolveAppFile(root, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, {
        headers: {
          'content-type': MIME[extname(file)]!,
          'content-security-policy': WINDOW_CSP,
          'x-content-type-options': 'nosniff',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  };
}
