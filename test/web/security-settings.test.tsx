// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { ACCOUNT, button, cleanup, click, fail, field, mockSite, renderSite, settle, type } from './site-harness.js';

afterEach(cleanup);

const PHONE = '+81 90-1234-5678';
const VERIFICATION = 'b'.repeat(32);

function dialog(): HTMLElement {
  const found = document.querySelector<HTMLElement>('[role="alertdialog"]');
  if (!found) throw new Error('no dialog open');
  return found;
}

describe('security changes on My Apple ID ask for the password again', () => {
  it('turning two-step off: a wrong password keeps the dialog, with the message; the right one turns it off', async () => {
    const api = mockSite({
      session: () => ({ value: { account: ACCOUNT } }),
      setSecurityLevel: (body) =>
        body.currentPassword === 'Twostep-Demo-2015'
          ? { value: { account: { ...ACCOUNT, securityLevel: 'none', activeAppPasswords: 0 }, recoveryKey: null, revokedAppPasswords: 1 } }
          : fail('CURRENT_PASSWORD_INCORRECT'),
    });
    await renderSite('/account/security');
    await click(button('Turn Off Two-Step Verification…'));
    // The password field, not Cancel, has focus: the dialog asks for it.
    expect(document.activeElement).toBe(field('Apple ID password'));

    await type(field('Apple ID password'), 'a-guess');
    await click(button('Turn Off', dialog()));
    expect(dialog().textContent).toContain('Your current password was incorrect.');
    expect(field('Apple ID password').getAttribute('aria-invalid')).toBe('true');

    await type(field('Apple ID password'), 'Twostep-Demo-2015');
    await click(button('Turn Off', dialog()));
    expect(api.called('setSecurityLevel').map((c) => c.body)).toEqual([
      { level: 'none', currentPassword: 'a-guess' },
      { level: 'none', currentPassword: 'Twostep-Demo-2015' },
    ]);
    expect(document.querySelector('[role="alertdialog"]')).toBeNull();
    expect(document.body.textContent).toContain('App-specific passwords revoked: 1.');
  });

  it('adding a number: the number and the password, then the code the number received; only then is it trusted', async () => {
    const withPhone = { ...ACCOUNT, devices: [...ACCOUNT.devices, { id: 3, kind: 'phone' as const, name: PHONE, maskedName: PHONE }] };
    const api = mockSite({
      session: () => ({ value: { account: ACCOUNT } }),
      addTrustedPhone: () => ({ value: { verificationId: VERIFICATION, phoneNumber: PHONE, codeLength: 4, expiresAt: Date.now() + 600_000 } }),
      confirmTrustedPhone: (body) => (body.code === '2468' ? { value: withPhone } : fail('CODE_INCORRECT', { remaining: 4 })),
    });
    await renderSite('/account/security');
    await click(button('Add a Trusted Phone Number…'));
    await type(field('Phone number'), PHONE);
    await type(field('Apple ID password'), 'Twostep-Demo-2015');
    await click(button('Send Code'));
    expect(api.called('addTrustedPhone')[0]?.body).toEqual({ phoneNumber: PHONE, currentPassword: 'Twostep-Demo-2015' });
    expect(document.body.textContent).toContain(`A verification code was sent by SMS to ${PHONE}.`);
    expect(document.body.textContent).not.toContain(`${PHONE}Trusted phone number`);

    await type(field('Verification code'), '1357');
    await click(button('Verify'));
    expect(document.body.textContent).toContain('Incorrect verification code.');
    await type(field('Verification code'), '2468');
    await click(button('Verify'));
    expect(api.called('confirmTrustedPhone').map((c) => c.body)).toEqual([
      { verificationId: VERIFICATION, code: '1357' },
      { verificationId: VERIFICATION, code: '2468' },
    ]);
    expect(document.querySelectorAll('.trusted-list__item')).toHaveLength(3);
  });

  it('Replace Lost Key shows the new key once, after the password', async () => {
    const api = mockSite({
      session: () => ({ value: { account: ACCOUNT } }),
      replaceRecoveryKey: () => ({ value: { recoveryKey: 'ABCD-EFGH-JKLM-NP' } }),
    });
    await renderSite('/account/security');
    await click(button('Replace Lost Key…'));
    await type(field('Apple ID password'), 'Twostep-Demo-2015');
    await click(button('Replace Key', dialog()));
    expect(api.called('replaceRecoveryKey')[0]?.body).toEqual({ currentPassword: 'Twostep-Demo-2015' });
    expect(document.body.textContent).toContain('ABCD-EFGH-JKLM-NP');
    await click(button('Done'));
    expect(document.body.textContent).not.toContain('ABCD-EFGH-JKLM-NP');
  });
});

describe('the session key the page keeps', () => {
  it('comes with the session, goes with every call, and is forgotten when the session ends', async () => {
    let signedIn = false;
    const api = mockSite({
      session: () => (signedIn ? { value: { account: ACCOUNT } } : fail('NOT_SIGNED_IN')),
      signIn: () => ({
        value: { status: 'VERIFICATION_REQUIRED', verificationId: 'a'.repeat(32), devices: ACCOUNT.devices, codeLength: 4, securityLevel: 'two-step', recoveryKeyAccepted: true },
      }),
      sendCode: (body) => ({ value: { deviceId: body.deviceId, deviceName: "Taro's iPhone", codeLength: 4, expiresAt: Date.now() + 600_000 } }),
      verifyCode: () => {
        signedIn = true;
        return { value: { account: ACCOUNT, sessionKey: 'the-key-half-of-this-session' } };
      },
      listAppPasswords: () => fail('SESSION_EXPIRED'),
    });
    await renderSite('/sign-in');
    expect(api.called('session')[0]?.headers['x-twostep-session']).toBeUndefined();
    await type(field('Apple ID'), ACCOUNT.appleId);
    await type(field('Password'), 'Twostep-Demo-2015');
    await click(button('Sign In'));
    await click(button('Continue'));
    await type(field('Verification code'), '1234');
    await click(button('Continue'));
    await settle();
    expect(window.localStorage.getItem('twostep.sessionKey')).toBe('the-key-half-of-this-session');

    window.history.pushState(null, '', '/account/app-passwords');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await settle();
    expect(api.called('listAppPasswords')[0]?.headers['x-twostep-session']).toBe('the-key-half-of-this-session');
    // The session expired: back to sign-in, and the key is gone with it.
    expect(window.localStorage.getItem('twostep.sessionKey')).toBeNull();
    expect(document.body.textContent).toContain('Your session has expired. Sign in again.');
  });
});
