import { describe, expect, it } from 'vitest';
import { MINUTE } from '../../main/identity/clock.js';
import type { IdentityService } from '../../main/identity/identity-service.js';
import type { ActivityEntry } from '../../preload/contract/models.js';
import { activityLog, addPhone, codeOnDevice, DEMO_ACCOUNT, deviceOf, identityError, openService, openSignedIn, signInApp, signInSite } from './helpers/identity.js';

/**
 * What the activity log records beyond the event's name: where it happened and the detail the
 * control center's live activity turns into a sentence ("Code refused: it had expired",
 * "Security changed from two-step verification to none", "Used 'Mail'"…, see
 * renderer/control/activity-text.ts), and the figures a trainer reads from the log.
 */
const { appleId, password } = DEMO_ACCOUNT;
const currentPassword = password;

type Line = [source: string, event: string, detail: ActivityEntry['detail']];
const lines = (entries: ActivityEntry[]): Line[] => entries.map((e) => [e.source, e.event, e.detail]);

/** The log entries written by `action`, oldest first. */
async function logOf(service: IdentityService, action: () => unknown): Promise<ActivityEntry[]> {
  const before = activityLog(service).length;
  await action();
  return activityLog(service).slice(before);
}

function wrongCode(code: string): string {
  return code === '0000' ? '1111' : '0000';
}

describe('codes refused and accepted', () => {
  it('every refusal says why: no code yet, sent too soon, wrong, expired, tries used up', async () => {
    const { service, clock } = await openService();
    const challenge = await service.signInAccountSite({ appleId, password });
    if (challenge.status !== 'VERIFICATION_REQUIRED') throw new Error('expected a challenge');
    const { verificationId } = challenge;
    const input = { verificationId, deviceId: deviceOf(challenge.devices, 'iphone') };
    const type = (code: string) => identityError(() => service.completeAccountSiteSignIn({ verificationId, code }));

    const log = await logOf(service, async () => {
      expect((await type('1234')).code).toBe('CODE_NOT_SENT');
      service.sendAccountSiteCode(input);
      expect((await identityError(() => service.sendAccountSiteCode(input))).code).toBe('CODE_RATE_LIMITED');
      const expiring = codeOnDevice(service);
      clock.advance(10 * MINUTE);
      expect((await type(expiring)).code).toBe('CODE_EXPIRED');
      expect((await type(expiring)).code).toBe('CODE_NOT_SENT');
      service.sendAccountSiteCode(input);
      const fresh = codeOnDevice(service);
      for (let i = 0; i < 4; i++) expect((await type(wrongCode(fresh))).code).toBe('CODE_INCORRECT');
      expect((await type(wrongCode(fresh))).code).toBe('LOCKED'); // the fifth wrong try: the code ends, the account locks
      clock.advance(MINUTE);
      expect((await type(fresh)).code).toBe('CODE_ATTEMPTS_EXCEEDED');
    });
    expect(lines(log.filter((e) => e.event === 'code-refused'))).toEqual([
      ['account-site', 'code-refused', { reason: 'no-code' }],
      // A refused send is logged where the code would have gone.
      [DEMO_ACCOUNT.iphone, 'code-refused', { reason: 'too-many-sent' }],
      ['account-site', 'code-refused', { reason: 'expired' }],
      ['account-site', 'code-refused', { reason: 'no-code' }],
      ...Array.from({ length: 4 }, (): Line => ['account-site', 'code-refused', { reason: 'incorrect' }]),
      ['account-site', 'code-refused', { reason: 'attempts-exceeded' }],
      ['account-site', 'code-refused', { reason: 'attempts-exceeded' }],
    ]);
  });

  it('an accepted code says what it was for, and where it was typed', async () => {
    const { service } = await openService();
    const siteLog = await logOf(service, () => signInSite(service));
    expect(lines(siteLog.filter((e) => e.event === 'code-accepted'))).toEqual([['account-site', 'code-accepted', { for: 'account-site' }]]);

    const icloudLog = await logOf(service, async () => {
      const challenge = await service.signInClient({ clientKind: 'icloud', appleId, password });
      if (challenge.status !== 'VERIFICATION_REQUIRED') throw new Error('expected a challenge');
      service.sendICloudCode({ verificationId: challenge.verificationId, deviceId: deviceOf(challenge.devices, 'iphone') });
      service.completeICloudSignIn({ verificationId: challenge.verificationId, code: codeOnDevice(service) });
    });
    expect(lines(icloudLog.slice(-2))).toEqual([
      ['icloud', 'code-accepted', { for: 'icloud' }],
      // iCloud signed in with the password and a code: "Signed in with the password".
      ['icloud', 'sign-in', { with: 'password', label: null }],
    ]);
  });

  it('unlocking: the recovery key accepted for unlocking, then the code', async () => {
    const { service } = await openService();
    const log = await logOf(service, async () => {
      const unlock = service.beginUnlock({ appleId, recoveryKey: DEMO_ACCOUNT.recoveryKey });
      service.sendUnlockCode({ verificationId: unlock.verificationId, deviceId: deviceOf(unlock.devices, 'iphone') });
      await service.completeUnlock({ verificationId: unlock.verificationId, code: codeOnDevice(service), newPassword: 'Unlocked-Password-1' });
    });
    expect(lines(log.filter((e) => e.event.startsWith('recovery-key') || e.event === 'code-accepted'))).toEqual([
      ['account-site', 'recovery-key-accepted', { for: 'unlock' }],
      ['account-site', 'code-accepted', { for: 'unlock' }],
    ]);
  });
});

describe('security changes on My Apple ID', () => {
  it('each is logged at the account site with what changed', async () => {
    const { service, token } = await openSignedIn();
    const log = await logOf(service, async () => {
      expect((await identityError(() => service.setSecurityLevel(token, { level: 'none', currentPassword: 'not-the-password' }))).code).toBe(
        'CURRENT_PASSWORD_INCORRECT',
      );
      await addPhone(service, token, '+1 (202) 555-0166');
      const iphone = deviceOf(service.accountSiteAccount(token).devices, 'iphone');
      await service.removeTrustedDevice(token, { deviceId: iphone, currentPassword });
      await service.replaceRecoveryKey(token, { currentPassword });
      service.createAppPassword(token, { label: 'Mail' });
      await service.setSecurityLevel(token, { level: 'two-factor', currentPassword });
      await service.changePassword(token, { currentPassword, newPassword: 'Changed-On-Site-1' });
    });
    const shown = log.filter((e) => !['code-sent', 'code-accepted', 'app-password-created'].includes(e.event));
    expect(lines(shown)).toEqual([
      // A wrong current password is a wrong guess at the account, typed on the account site.
      ['account-site', 'sign-in-refused', { reason: 'incorrect', failures: 1 }],
      ['account-site', 'trusted-device-added', { kind: 'phone' }],
      ['account-site', 'trusted-device-removed', { kind: 'iphone' }],
      ['account-site', 'recovery-key-replaced', {}],
      // Two-step to two-factor keeps the app-specific password; the new password revokes it.
      ['account-site', 'security-level-changed', { from: 'two-step', to: 'two-factor' }],
      ['account-site', 'app-passwords-revoked-all', { count: 1, reason: 'password-changed' }],
      ['account-site', 'password-changed', { revokedAppPasswords: 1 }],
    ]);
  });

  it('a password change says how many app-specific passwords it revoked', async () => {
    const { service, token } = await openSignedIn();
    service.createAppPassword(token, { label: 'Mail' });
    service.createAppPassword(token, { label: 'Chat' });
    const log = await logOf(service, () => service.changePassword(token, { currentPassword, newPassword: 'Changed-On-Site-2' }));
    expect(lines(log)).toEqual([
      ['account-site', 'app-passwords-revoked-all', { count: 2, reason: 'password-changed' }],
      ['account-site', 'password-changed', { revokedAppPasswords: 2 }],
    ]);
  });
});

describe('app-specific passwords', () => {
  it('using, deleting and Revoke All name the password and the count; Revoke All with none logs nothing', async () => {
    const { service, token } = await openSignedIn();
    const mail = service.createAppPassword(token, { label: 'Mail' });
    service.createAppPassword(token, { label: 'Chat' });
    const used = await logOf(service, () => signInApp(service, 'third-party', mail.password));
    expect(lines(used)[0]).toEqual(['third-party', 'app-password-used', { label: 'Mail' }]);

    const deleted = await logOf(service, () => service.revokeAppPassword(token, { appPasswordId: mail.appPassword.id }));
    expect(lines(deleted)).toEqual([
      ['account-site', 'app-password-revoked', { label: 'Mail' }],
      ['third-party', 'session-ended', { reason: 'app-password-revoked' }],
    ]);

    const all = await logOf(service, () => service.revokeAllAppPasswords(token));
    expect(lines(all)).toEqual([['account-site', 'app-passwords-revoked-all', { count: 1, reason: 'app-password-revoked' }]]);
    expect(await logOf(service, () => expect(service.revokeAllAppPasswords(token)).toEqual({ revoked: 0, signedOutApps: 0 }))).toEqual([]);
  });
});

describe('the control center', () => {
  it('scenarios are logged with their name, and the app for a sign-out', async () => {
    const { service } = await openService();
    const log = await logOf(service, async () => {
      await service.runScenario({ event: 'sign-out', clientKind: 'facetime' });
      await service.runScenario({ event: 'software-update' });
      await service.runScenario({ event: 'sim-swap' });
      await service.runScenario({ event: 'change-password', appleId, newPassword: 'Scenario-Password-1' });
    });
    expect(lines(log.filter((e) => e.event === 'scenario'))).toEqual([
      ['control-center', 'scenario', { scenario: 'sign-out', client: 'facetime' }],
      ['control-center', 'scenario', { scenario: 'software-update' }],
      ['control-center', 'scenario', { scenario: 'sim-swap' }],
      ['control-center', 'scenario', { scenario: 'change-password' }],
    ]);
  });

  it('accounts made there, and a reset of the demo, are logged as the control center', async () => {
    const { service } = await openService();
    const created = await logOf(service, () => service.createAccount({ appleId: 'new@example.com', password: 'new-password', fullName: 'New User' }));
    expect(lines(created)).toEqual([['control-center', 'account-created', {}]]);
    await service.resetDemo();
    // The reset empties the log: what is left is the demo account made anew, and the reset.
    expect(lines(activityLog(service))).toEqual([
      ['control-center', 'account-created', {}],
      ['control-center', 'demo-reset', {}],
    ]);
  });
});
