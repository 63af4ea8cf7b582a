// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { ACCOUNT, button, cleanup, click, field, mockSite, renderSite, type } from '../site-harness.js';

afterEach(async () => {
  await cleanup();
});

const TWO_FACTOR = { ...ACCOUNT, securityLevel: 'two-factor' as const, hasRecoveryKey: false };
const VERIFICATION = 'a'.repeat(32);
const CHROME_ON_MAC = { id: 'b'.repeat(32), place: 'account-site', browser: 'chrome', os: 'mac', trustedAt: Date.UTC(2026, 0, 1), expiresAt: Date.UTC(2026, 0, 31) };

/** The sign-in up to the code, under two-factor authentication (6 digits). */
function twoFactorSignIn(extra: Record<string, (body: Record<string, unknown>) => { value: unknown }>) {
  let signedIn = false;
  return mockSite({
    session: () => (signedIn ? { value: { account: TWO_FACTOR } } : { error: { code: 'NOT_SIGNED_IN', messageKey: 'errors.NOT_SIGNED_IN' } }),
    signIn: () => ({ value: { status: 'VERIFICATION_REQUIRED', verificationId: VERIFICATION, devices: ACCOUNT.devices, codeLength: 6, securityLevel: 'two-factor', recoveryKeyAccepted: false } }),
    sendCode: () => ({ value: { deviceId: 1, deviceName: "Taro's iPhone", codeLength: 6, expiresAt: Date.now() + 600_000 } }),
    verifyCode: () => {
      signedIn = true;
      return { value: { account: TWO_FACTOR, sessionKey: 'k'.repeat(22), askTrust: true } };
    },
    ...extra,
  });
}

async function throughTheCode(): Promise<void> {
  await renderSite('/sign-in');
  await type(field('Apple ID'), 'demo@twostep.example');
  await type(field('Password'), 'Twostep-Demo-2015');
  await click(button('Sign In'));
  await click(button('Continue'));
  await type(field('Verification code'), '123456');
  await click(button('Continue'));
}

describe('My Apple ID, two-factor authentication: Trust this browser?', () => {
  it('asks after the code with Apple\'s three answers, Trust in focus; Trust keeps the key half and sends it with the next sign-in', async () => {
    const api = twoFactorSignIn({ decideTrust: () => ({ value: { trusted: true, trustKey: 't'.repeat(22), browser: CHROME_ON_MAC } }), signOut: () => ({ value: {} }), listAppPasswords: () => ({ value: [] }) });
    await throughTheCode();
    expect(document.querySelector('h1')?.textContent).toBe('Trust this browser?');
    const group = document.querySelector('[role="group"][aria-label="Trust this browser?"]')!;
    expect(Array.from(group.querySelectorAll('button')).map((b) => b.textContent)).toEqual(["Don't Trust", 'Not Now', 'Trust']);
    expect(document.activeElement?.textContent).toBe('Trust');

    await click(button('Trust'));
    expect(api.called('decideTrust')).toHaveLength(1);
    expect(api.called('decideTrust')[0]!.body).toEqual({ verificationId: VERIFICATION, decision: 'trust' });
    // The answer belongs to the session the code opened: its key goes with it.
    expect(api.called('decideTrust')[0]!.headers['x-twostep-session']).toBe('k'.repeat(22));
    expect(document.querySelector('h1')?.textContent).toBe('Manage your Apple ID');
    expect(window.localStorage.getItem('twostep.siteTrustKey')).toBe('t'.repeat(22));

    // Signed out, the trust stays; the next sign-in sends its key half.
    await click(button('Sign Out'));
    await type(field('Apple ID'), 'demo@twostep.example');
    await type(field('Password'), 'Twostep-Demo-2015');
    await click(button('Sign In'));
    expect(api.called('signIn').at(-1)!.headers['x-twostep-trust']).toBe('t'.repeat(22));
  });

  it('Not Now keeps no trust and goes on signed in', async () => {
    const api = twoFactorSignIn({ decideTrust: () => ({ value: { trusted: false } }) });
    await throughTheCode();
    await click(button('Not Now'));
    expect(api.called('decideTrust')[0]!.body).toEqual({ verificationId: VERIFICATION, decision: 'not-now' });
    expect(window.localStorage.getItem('twostep.siteTrustKey')).toBeNull();
    expect(document.querySelector('h1')?.textContent).toBe('Manage your Apple ID');
  });

  it('Password and Security lists the trusted browsers under two-factor authentication; Remove takes one away and says so', async () => {
    const api = mockSite({
      session: () => ({ value: { account: TWO_FACTOR } }),
      trustedBrowsers: () => ({ value: [CHROME_ON_MAC] }),
      removeTrustedBrowser: () => ({ value: [] }),
    });
    await renderSite('/account/security');
    const list = document.querySelector('ul[aria-label="Trusted browsers"]')!;
    expect(list.textContent).toContain('Chrome on Mac');
    expect(list.textContent).toContain('At My Apple ID');
    await click(button('Remove Chrome on Mac at My Apple ID'));
    expect(api.called('removeTrustedBrowser')[0]!.body).toEqual({ browserId: CHROME_ON_MAC.id });
    expect(document.querySelector('[role="status"].trusted-browsers__status')?.textContent).toBe('Chrome on Mac is no longer trusted: it asks for a verification code again.');
    expect(document.body.textContent).toContain('No browser is trusted.');
  });
});
