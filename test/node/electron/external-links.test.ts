import { describe, expect, it, vi } from 'vitest';
import { ExternalLinkRefused, isAccountSiteUrl, vettedOpenExternal } from '../../../main/electron/external-links.js';

const site = 'http://127.0.0.1:51234';

describe('shell.openExternal is reachable only for the account site', () => {
  it.each([
    'http://127.0.0.1:51235/account',
    'https://127.0.0.1:51234/account',
    'http://localhost:51234/account',
    'http://evil.example/account',
    'http://user:pw@127.0.0.1:51234/account',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://127.0.0.1/share',
    'not a url',
  ])('refuses %s and never calls the shell', async (url) => {
    const open = vi.fn(() => Promise.resolve());
    await expect(vettedOpenExternal(open, () => site)(url)).rejects.toBeInstanceOf(ExternalLinkRefused);
    expect(open).not.toHaveBeenCalled();
  });

  it('opens a page of the account site', async () => {
    const open = vi.fn(() => Promise.resolve());
    const url = `${site}/account/app-passwords/new?label=Mail`;
    expect(isAccountSiteUrl(url, site)).toBe(true);
    await vettedOpenExternal(open, () => site)(url);
    expect(open).toHaveBeenCalledWith(url);
  });
});
