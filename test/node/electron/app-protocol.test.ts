import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appProtocolHandler, resolveAppFile } from '../../../main/electron/app-protocol.js';

const root = mkdtempSync(join(tmpdir(), 'twostep-app-scheme-'));
mkdirSync(join(root, 'messages'));
writeFileSync(join(root, 'messages', 'index.html'), '<!doctype html><title>Messages</title>');
writeFileSync(join(tmpdir(), 'twostep-secret.html'), 'secret');

describe('the app:// scheme serves the built pages and nothing else', () => {
  it('serves a page with the CSP', async () => {
    const response = await appProtocolHandler(root)(new Request('app://twostep/messages/index.html'));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Messages</title>');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it.each([
    'app://twostep/../twostep-secret.html',
    'app://twostep/%2e%2e/twostep-secret.html',
    'app://twostep/messages/%2e%2e%2f%2e%2e%2ftwostep-secret.html',
    'app://twostep/messages/..%5c..%5ctwostep-secret.html',
    'app://other/messages/index.html',
    'app://twostep/messages/index.html%00.png',
    'app://twostep/',
  ])('never serves anything outside the root for %s', async (url) => {
    const file = resolveAppFile(root, url);
    if (file !== null) expect(file.startsWith(`${root}/`)).toBe(true);
    const response = await appProtocolHandler(root)(new Request(url));
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('secret');
  });
});
