// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { useSitePresenter, siteNavigationTarget } from '../../../renderer/site/presenter.js';
import { ACCOUNT, button, cleanup, click, field, mockSite, renderSite, type } from '../site-harness.js';

afterEach(async () => {
  await cleanup();
  useSitePresenter.setState({ tour: null });
});

const signedIn = { session: () => ({ value: { account: ACCOUNT } }) };

describe('My Apple ID, 2015', () => {
  it('Password and Security is a page of its own: the password, two-step verification, trusted devices, the Recovery Key row and app-specific passwords', async () => {
    mockSite(signedIn);
    await renderSite('/account/security');
    expect(document.querySelector('h1')?.textContent).toBe('Password and Security');
    const labels = Array.from(document.querySelectorAll('.settings__label')).map((h) => h.textContent);
    expect(labels).toEqual(['Password', 'Two-step verification', 'Trusted devices and phone numbers', 'Recovery key', 'App-specific passwords']);
    expect(button('Replace Lost Key…')).toBeTruthy();
    // The grey global navigation bar, and the Manage pages' own sections.
    expect(document.querySelector('header.global-nav nav[aria-label="Site menu"]')).not.toBeNull();
    const current = document.querySelector('nav[aria-label="Your account"] [aria-current="page"]');
    expect(current?.textContent).toBe('Password and Security');
  });

  it('Manage shows the demo account in the reader’s language: 山田 太郎 in Japanese', async () => {
    mockSite(signedIn);
    await renderSite('/account', 'ja');
    expect(document.body.textContent).toContain('山田 太郎');
    expect(document.body.textContent).not.toContain('Taro Yamada');
  });

  it('View History after every password was revoked says none is active (not "never generated")', async () => {
    mockSite({ ...signedIn, listAppPasswords: () => ({ value: [] }) });
    await renderSite('/account/app-passwords');
    expect(document.querySelector('.empty')?.textContent).toBe('No app-specific password is active.');
  });

  it('the verification code in four boxes: one labelled field, digits only, at most four', async () => {
    const api = mockSite({
      session: () => ({ error: { code: 'NOT_SIGNED_IN', messageKey: 'errors.NOT_SIGNED_IN' } }),
      signIn: () => ({
        value: {
          status: 'VERIFICATION_REQUIRED',
          verificationId: 'f'.repeat(32),
          devices: ACCOUNT.devices,
          codeLength: 4,
          securityLevel: 'two-step',
          recoveryKeyAccepted: true,
        },
      }),
      sendCode: () => ({ value: { deviceId: 1, deviceName: "Taro's iPhone", codeLength: 4, expiresAt: Date.now() + 600_000 } }),
      verifyCode: () => ({ error: { code: 'CODE_INCORRECT', messageKey: 'errors.CODE_INCORRECT', params: { remaining: 4 } } }),
    });
    await renderSite('/sign-in');
    await type(field('Apple ID'), 'demo@twostep.example');
    await type(field('Password'), 'Twostep-Demo-2015');
    await click(button('Sign In'));
    // 2015's level is named where the device is chosen.
    expect(document.querySelector('.card__lead')?.textContent).toBe(
      'Your Apple ID is protected with two-step verification. Choose a trusted device to receive a verification code.',
    );
    await click(button('Continue'));

    const code = field('Verification code');
    const boxes = Array.from(document.querySelectorAll('.code-boxes__box'));
    expect(boxes).toHaveLength(4);
    expect(boxes.every((box) => box.getAttribute('aria-hidden') === 'true')).toBe(true);
    await type(code, '12a3 45');
    expect(code.value).toBe('1234');
    expect(boxes.map((box) => box.textContent)).toEqual(['1', '2', '3', '4']);
    await click(button('Continue'));
    expect(api.called('verifyCode').at(-1)?.body).toEqual({ verificationId: 'f'.repeat(32), code: '1234' });
    expect(code.getAttribute('aria-invalid')).toBe('true');
  });

  it('the tour’s banner shows the presenter’s step, in the reader’s language, with a way to Password and Security where it happens', async () => {
    mockSite(signedIn);
    useSitePresenter.setState({ tour: { step: 'revoke', completed: false } });
    await renderSite('/account', 'ja');
    const banner = document.querySelector('aside[aria-label="ガイドツアー"]')!;
    expect(banner.textContent).toContain('ステップ 10/10');
    expect(banner.textContent).toContain('履歴を表示して消去');
    expect(banner.querySelector('a')?.getAttribute('href')).toBe('/account/security');
  });
});

describe('Create reusing the open tab: where the site lets itself be sent', () => {
  it('only to its own pages, without the language (that comes with the presenter state)', () => {
    expect(siteNavigationTarget('/account/app-passwords/new?label=iMessage+and+FaceTime&lang=ja')).toBe('/account/app-passwords/new?label=iMessage+and+FaceTime');
    expect(siteNavigationTarget('/account?lang=en')).toBe('/account');
    for (const hostile of ['//evil.example/account', 'https://evil.example/', '/\\evil.example', '/admin', 'javascript:alert(1)', 42, null]) {
      expect(siteNavigationTarget(hostile), String(hostile)).toBeNull();
    }
  });
});
