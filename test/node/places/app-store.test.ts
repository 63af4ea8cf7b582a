import { describe, expect, it } from 'vitest';
import { activityLog, DEMO_ACCOUNT, identityError, openService, recordEvents, signInSite } from '../helpers/identity.js';
import { signInAppStore } from './places-helpers.js';

const { appleId, password } = DEMO_ACCOUNT;

describe('the App Store on a new Mac', () => {
  it('Get needs a store sign-in; on a Mac the account does not trust, the password and then a code', async () => {
    const { service } = await openService();
    expect(service.places.appStore()).toEqual({ signedIn: null, macTrusted: false, purchases: [], installed: [] });
    expect((await identityError(() => service.places.appStoreGet({ appId: 'tidewise' }))).code).toBe('APP_STORE_SIGN_IN_REQUIRED');

    const first = await signInAppStore(service);
    expect(first.asked).toBe(true);
    expect(first.store).toMatchObject({ signedIn: { appleId }, macTrusted: true });
    const got = service.places.appStoreGet({ appId: 'tidewise' });
    expect(got.purchases.map((p) => p.appId)).toEqual(['tidewise']);
    expect(got.installed).toEqual(['tidewise']);
    expect(activityLog(service).filter((e) => e.source === 'app-store').map((e) => e.event)).toEqual([
      'verification-required',
      'code-accepted',
      'mac-trusted',
      'sign-in',
      'app-purchased',
    ]);
  });

  it('afterwards this Mac is trusted: signing in again asks for the password only', async () => {
    const { service } = await openService();
    await signInAppStore(service);
    service.places.appStoreSignOut();
    expect(service.places.appStore().signedIn).toBeNull();
    const again = await signInAppStore(service);
    expect(again.asked).toBe(false);
    expect(again.store.macTrusted).toBe(true);
    expect(service.places.view().appStore.trustedFor).toEqual([expect.objectContaining({ appleId })]);
  });

  it('"New Mac" makes it untrusted again and signs the store out; purchases stay with the account, installs with the old Mac', async () => {
    const { service, clock } = await openService();
    const events = recordEvents(service);
    await signInAppStore(service);
    service.places.appStoreGet({ appId: 'kanji-cards' });
    clock.advance(60_000);

    expect(await service.runScenario({ event: 'new-mac' })).toEqual({ signedOutApps: 1 });
    expect(service.places.appStore()).toEqual({ signedIn: null, macTrusted: false, purchases: [], installed: [] });
    expect(service.places.view().appStore.trustedFor).toEqual([]);
    expect(service.places.view().appStore.macSince).toBe(clock.now());
    expect(events.some((e) => e.type === 'places-changed' && e.what === 'app-store')).toBe(true);

    const again = await signInAppStore(service);
    expect(again.asked).toBe(true);
    expect(again.store.purchases.map((p) => p.appId)).toEqual(['kanji-cards']);
    expect(again.store.installed).toEqual([]);
  });

  it('a store session from before two-step was turned on does not make the Mac trusted: Get signs in again, with a code', async () => {
    const { service } = await openService();
    const site = await signInSite(service);
    await service.setSecurityLevel(site, { level: 'none', currentPassword: password });
    const plain = await signInAppStore(service);
    expect(plain).toMatchObject({ asked: false, store: { macTrusted: false } });
    service.places.appStoreGet({ appId: 'pixel-easel' });
    await service.setSecurityLevel(site, { level: 'two-step', currentPassword: password });
    expect((await identityError(() => service.places.appStoreGet({ appId: 'trail-log' }))).code).toBe('APP_STORE_SIGN_IN_REQUIRED');
    expect(service.places.appStore().signedIn).toBeNull();
    expect((await signInAppStore(service)).asked).toBe(true);
    expect(service.places.appStoreGet({ appId: 'trail-log' }).purchases.map((p) => p.appId).sort()).toEqual(['pixel-easel', 'trail-log']);
  });

  it('refuses an app-specific password, counted as a wrong password; a password change signs the store out (the Mac stays trusted)', async () => {
    const { service } = await openService();
    const site = await signInSite(service);
    const { password: appPassword } = service.createAppPassword(site, { label: 'Store?' });
    expect((await identityError(() => service.places.appStoreSignIn({ appleId, password: appPassword }))).code).toBe('INCORRECT');
    expect(service.database.prepare('SELECT failed_attempts FROM accounts').get()).toEqual({ failed_attempts: 1 });

    await signInAppStore(service);
    await service.runScenario({ event: 'change-password', appleId, newPassword: 'Changed-Password-2015' });
    expect(service.places.appStore().signedIn).toBeNull();
    expect((await signInAppStore(service, 'Changed-Password-2015')).asked).toBe(false);
  });

  it('a locked account gets nothing, even on a trusted Mac', async () => {
    const { service } = await openService();
    await signInAppStore(service);
    service.database.prepare('UPDATE accounts SET failed_attempts = 5, locked_until = ?').run(Date.now() * 2);
    expect((await identityError(() => service.places.appStoreGet({ appId: 'tidewise' }))).code).toBe('LOCKED');
    expect(service.places.appStore().purchases).toEqual([]);
  });

  it('an app that is not in the catalogue is not found', async () => {
    const { service } = await openService();
    await signInAppStore(service);
    expect((await identityError(() => service.places.appStoreGet({ appId: 'not-an-app' as never }))).code).toBe('APP_NOT_FOUND');
    expect(service.places.appStore().purchases).toEqual([]);
  });
});
