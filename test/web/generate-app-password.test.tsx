// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { ACCOUNT, button, cleanup, click, fail, field, mockSite, renderSite, type } from './site-harness.js';

const DEEP_LINK = '/account/app-passwords/new?label=iMessage%20and%20FaceTime';

afterEach(cleanup);

describe('Generate App-Specific Password', () => {
  it('prefills Label from ?label= when signed in, and shows the new password once with Copy', async () => {
    const api = mockSite({
      session: () => ({ value: { account: ACCOUNT } }),
      createAppPassword: (body) => ({
        value: {
          appPassword: { id: 7, label: body.label, createdAt: Date.now(), lastUsedAt: null, lastUsedBy: null, revokedAt: null, usedAfterRevocation: null },
          password: 'abcdefghijklmnop',
        },
      }),
    });
    await renderSite(DEEP_LINK);

    expect(field('Label').value).toBe('iMessage and FaceTime');
    await click(button('Create'));

    expect(api.called('createAppPassword')[0]?.body).toEqual({ label: 'iMessage and FaceTime' });
    expect(document.querySelector('.app-password')?.textContent).toBe('abcd-efgh-ijkl-mnop');
    expect(document.body.textContent).toContain('This password will not be shown again.');
    expect(button('Copy')).toBeTruthy();
  });

  it('sends a signed-out user through sign-in and verification, then back to the same URL with the label', async () => {
    const api = mockSite({
      session: () => fail('NOT_SIGNED_IN'),
      signIn: () => ({
        value: { status: 'VERIFICATION_REQUIRED', verificationId: 'a'.repeat(32), devices: ACCOUNT.devices, codeLength: 4, securityLevel: 'two-step', recoveryKeyAccepted: true },
      }),
      sendCode: (body) => ({ value: { deviceId: body.deviceId, deviceName: "Taro's iPhone", codeLength: 4, expiresAt: Date.now() + 600_000 } }),
      verifyCode: () => ({ value: { account: ACCOUNT } }),
    });
    await renderSite(DEEP_LINK);

    expect(window.location.pathname).toBe('/sign-in');
    await type(field('Apple ID'), 'demo@twostep.example');
    await type(field('Password'), 'Twostep-Demo-2015');
    await click(button('Sign In'));

    expect(document.querySelector('h1')?.textContent).toBe('Verify your identity');
    await click(button('Continue'));
    expect(api.called('sendCode')[0]?.body).toEqual({ verificationId: 'a'.repeat(32), deviceId: 1 });

    await type(field('Verification code'), '1234');
    await click(button('Continue'));

    expect(api.called('verifyCode')[0]?.body).toEqual({ verificationId: 'a'.repeat(32), code: '1234' });
    expect(window.location.pathname + window.location.search).toBe(DEEP_LINK);
    expect(field('Label').value).toBe('iMessage and FaceTime');
  });
});
