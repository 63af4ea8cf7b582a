import { describe, expect, it } from 'vitest';
import { activityLog, DEMO_ACCOUNT, identityError, openService, signInSite } from '../helpers/identity.js';
import { codeFor, signInICloudWeb, signInSupport } from './places-helpers.js';

const { appleId, password } = DEMO_ACCOUNT;

describe('Apple ID support', () => {
  it('talks about the account only after the password and a code from a trusted device', async () => {
    const { service } = await openService();
    const challenge = await service.places.supportSignIn({ appleId, password });
    expect(challenge).toMatchObject({ status: 'VERIFICATION_REQUIRED' });
    const { verificationId, code } = codeFor(service, challenge, (input) => service.places.supportSendCode(input));
    const { token } = service.places.supportVerifyCode({ verificationId, code });
    const view = service.places.support(token);
    expect(view.account).toMatchObject({ appleId, securityLevel: 'two-step', hasRecoveryKey: true });
    expect(view.cases).toEqual([]);

    const opened = service.places.openSupportCase(token, { topic: 'two-step', description: '  I lost my iPhone.\nCan you help?  ' });
    expect(opened).toMatchObject({ topic: 'two-step', description: 'I lost my iPhone.\nCan you help?' });
    expect(opened.number).toMatch(/^\d{10}$/);
    expect(service.places.support(token).cases).toEqual([opened]);
    const logged = activityLog(service).find((e) => e.event === 'support-case-opened');
    expect(logged?.detail).toEqual({ topic: 'two-step', case: opened.number });
    expect(JSON.stringify(activityLog(service))).not.toContain('lost my iPhone');
  });

  it('answers nothing without its own verified session: not My Apple ID\'s, not iCloud.com\'s', async () => {
    const { service } = await openService();
    const site = await signInSite(service);
    const icloud = await signInICloudWeb(service, true);
    for (const token of [site, icloud, 'x'.repeat(43)]) {
      expect((await identityError(() => service.places.support(token))).code).toBe('NOT_SIGNED_IN');
      expect((await identityError(() => service.places.openSupportCase(token, { topic: 'other', description: 'hello' }))).code).toBe('NOT_SIGNED_IN');
    }
    expect(service.database.prepare('SELECT count(*) AS n FROM support_cases').get()).toEqual({ n: 0 });
  });

  it('refuses an empty, too long or control-laden description, changing nothing', async () => {
    const { service } = await openService();
    const token = await signInSupport(service);
    for (const [description, key] of [
      ['   ', 'fields.description.required'],
      ['x'.repeat(1001), 'fields.description.tooLong'],
      ['bidi \u202e trick', 'fields.description.badCharacters'],
    ] as const) {
      const error = await identityError(() => service.places.openSupportCase(token, { topic: 'other', description }));
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.toPayload().fields).toEqual([{ path: 'description', messageKey: key }]);
    }
    expect(service.places.support(token).cases).toEqual([]);
  });

  it('its session ends on sign out and on a password change', async () => {
    const { service } = await openService();
    const a = await signInSupport(service);
    service.places.supportSignOut(a);
    expect((await identityError(() => service.places.support(a))).code).toBe('NOT_SIGNED_IN');
    const b = await signInSupport(service);
    await service.runScenario({ event: 'change-password', appleId, newPassword: 'Changed-Password-2015' });
    expect((await identityError(() => service.places.support(b))).code).toBe('NOT_SIGNED_IN');
  });
});
