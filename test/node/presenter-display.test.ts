import { describe, expect, it } from 'vitest';
import type { ServiceEvent } from '../../preload/contract/models.js';
import type { MailSettings } from '../../preload/contract/mail-types.js';
import { signedInClients } from '../../main/app-api/signed-in.js';
import { MailLanguage } from '../../main/presenter/mail-language.js';
import { Presenter } from '../../main/presenter/presenter.js';
import { codeOnDevice, DEMO_ACCOUNT, deviceOf, openService } from './helpers/identity.js';

/** What the presenter layer adds for the stage: the mails' language, who is signed in where, a used code marked. */

function fakeServers(language: MailSettings['language']) {
  let settings: MailSettings = { profile: 'icloud', keepSessionsOnRevoke: false, language };
  const changes: Partial<MailSettings>[] = [];
  return {
    changes,
    settings: () => settings,
    updateSettings: (change: Partial<MailSettings>) => {
      changes.push(change);
      settings = { ...settings, ...change };
      return settings;
    },
  };
}

describe("the notification mails' language", () => {
  it("follows the pages' language from the start and at every switch", () => {
    const presenter = Presenter.standalone('ja');
    const servers = fakeServers('en');
    new MailLanguage(presenter, servers);
    expect(servers.settings().language).toBe('ja');
    presenter.setLanguage('en');
    expect(servers.settings().language).toBe('en');
  });

  it('a language chosen holds whatever the pages do, until "the pages\' language" is chosen again', () => {
    const presenter = Presenter.standalone('ja');
    const servers = fakeServers('ja');
    const mail = new MailLanguage(presenter, servers);
    mail.choose('en');
    presenter.setLanguage('en');
    presenter.setLanguage('ja');
    expect(servers.settings().language).toBe('en');
    expect(mail.choice).toBe('en');
    mail.choose('pages');
    expect(servers.settings().language).toBe('ja');
  });

  it('changes nothing (no write) when the language is already right', () => {
    const presenter = Presenter.standalone('en');
    const servers = fakeServers('en');
    new MailLanguage(presenter, servers);
    presenter.setTour({ step: 'signIn', completed: false });
    expect(servers.changes).toEqual([]);
  });
});

describe('who is signed in where', () => {
  it('lists the Mac apps and each mail client once, named as View History names it', async () => {
    const { service } = await openService();
    const list = signedInClients(service, [
      { id: 'a', protocol: 'imap', appleId: DEMO_ACCOUNT.appleId, clientName: 'Thunderbird', appPasswordLabel: 'Laptop', startedAt: 20 },
      { id: 'b', protocol: 'imap', appleId: DEMO_ACCOUNT.appleId, clientName: 'Thunderbird', appPasswordLabel: 'Laptop', startedAt: 10 },
      { id: 'c', protocol: 'smtp', appleId: DEMO_ACCOUNT.appleId, clientName: null, appPasswordLabel: 'Laptop', startedAt: 30 },
    ]);
    expect(list).toEqual([
      { kind: 'mail', name: 'Thunderbird', protocols: ['imap'], connections: 2, appleId: DEMO_ACCOUNT.appleId, appPasswordLabel: 'Laptop', startedAt: 10 },
      { kind: 'mail', name: 'SMTP', protocols: ['smtp'], connections: 1, appleId: DEMO_ACCOUNT.appleId, appPasswordLabel: 'Laptop', startedAt: 30 },
    ]);
  });
});

describe('a used code', () => {
  it('is marked used on the device (its notification sent to the device again), and stays shown until it expires', async () => {
    const { service } = await openService();
    const events: ServiceEvent[] = [];
    service.subscribe((event) => events.push(event));
    const challenge = await service.signInAccountSite({ appleId: DEMO_ACCOUNT.appleId, password: DEMO_ACCOUNT.password });
    if (challenge.status !== 'VERIFICATION_REQUIRED') throw new Error('expected a challenge');
    service.sendAccountSiteCode({ verificationId: challenge.verificationId, deviceId: deviceOf(challenge.devices, 'iphone') });
    expect(service.deviceNotifications()[0]!.usedAt).toBeNull();
    service.completeAccountSiteSignIn({ verificationId: challenge.verificationId, code: codeOnDevice(service) });
    const [shown] = service.deviceNotifications();
    expect(shown!.usedAt).toEqual(expect.any(Number));
    const delivered = events.filter((e) => e.type === 'code-delivered');
    expect(delivered).toHaveLength(2);
    expect(delivered[1]).toMatchObject({ notification: { id: shown!.id, usedAt: shown!.usedAt } });
  });
});
