import { Hono } from 'hono';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mountPages } from '../../../main/server/static-pages.js';

/**
 * The account site's pages and assets where the packaged app finds them: a root outside the
 * project (like /opt/TwoStep/resources/app.asar/dist/renderer), with the process's current
 * folder somewhere else entirely (a desktop menu starts the app in $HOME) and free to change.
 */
const startDir = process.cwd();
let root: string;
const script = 'console.log("the account site");\n';

beforeEach(() => {
  root = join(mkdtempSync(join(tmpdir(), 'twostep-installed-')), 'resources', 'app', 'dist', 'renderer');
  mkdirSync(join(root, 'site'), { recursive: true });
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'site', 'index.html'), '<!doctype html><title>My Apple ID</title><script type="module" src="/assets/site-abc123.js"></script>');
  writeFileSync(join(root, 'assets', 'site-abc123.js'), script);
});

afterEach(() => process.chdir(startDir));

function site(): Hono {
  const app = new Hono();
  // The site's own catch-all: its other paths answer with the page (client-side routes).
  mountPages(app, root, () => 'en', { '/account': 'site' }, { page: 'site', knows: (path) => path.startsWith('/account') });
  return app;
}

describe('the account site served from an installed app', () => {
  it('serves the page and its script with the current folder elsewhere', async () => {
    process.chdir(mkdtempSync(join(tmpdir(), 'twostep-home-')));
    const app = site();

    const page = await app.request('/account');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>My Apple ID</title>');
    const asset = await app.request('/assets/site-abc123.js');
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(await asset.text()).toBe(script);
  });

  it('still serves the script, not the page, after the current folder changes', async () => {
    const app = site();
    const home = join(mkdtempSync(join(tmpdir(), 'twostep-home-')), 'taro', 'Documents');
    mkdirSync(home, { recursive: true });
    process.chdir(home);

    const asset = await app.request('/assets/site-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(await asset.text()).toBe(script);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });
});
