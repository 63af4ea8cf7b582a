import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT, openMail } from './mail-harness.js';
import { imapSignedIn, Wire } from './wire.js';

/** "Apps signed out: N" on the account site counts the mail clients a revocation threw out. */
const USER = DEMO_ACCOUNT.appleId;

async function smtpSignedIn(port: number, password: string): Promise<Wire> {
  const wire = await Wire.open(port);
  await wire.reply();
  wire.send('EHLO me');
  await wire.reply();
  wire.send(`AUTH PLAIN ${Buffer.from(`\0${USER}\0${password}`).toString('base64')}`);
  expect((await wire.reply())[0]).toMatch(/^235 /);
  return wire;
}

describe('revocation counts the mail sessions it ended', () => {
  it('Delete: the IMAP and SMTP sessions of that password, and no other', async () => {
    const h = await openMail();
    const other = h.service.createAppPassword(h.token, { label: 'Other app' });
    const sessions = [await imapSignedIn(h.mail.imapPort, USER, h.appPassword), await imapSignedIn(h.mail.imapPort, USER, h.appPassword), await smtpSignedIn(h.mail.smtpPort, h.appPassword)];
    const kept = await imapSignedIn(h.mail.imapPort, USER, other.password);
    expect(h.service.revokeAppPassword(h.token, { appPasswordId: h.appPasswordId })).toEqual({ signedOutApps: 3 });
    for (const wire of sessions) await wire.ended();
    expect(kept.closed).toBe(false);
    expect(h.service.revokeAllAppPasswords(h.token)).toEqual({ revoked: 1, signedOutApps: 1 });
    await kept.ended();
  });

  it('a password change and the change-password scenario count theirs too; with "keep sessions" on, none end and none are counted', async () => {
    const h = await openMail();
    const wire = await imapSignedIn(h.mail.imapPort, USER, h.appPassword);
    h.mail.updateSettings({ keepSessionsOnRevoke: true });
    expect(h.service.revokeAppPassword(h.token, { appPasswordId: h.appPasswordId })).toEqual({ signedOutApps: 0 });
    h.mail.updateSettings({ keepSessionsOnRevoke: false });
    const second = h.service.createAppPassword(h.token, { label: 'Second' });
    const again = await imapSignedIn(h.mail.imapPort, USER, second.password);
    expect(await h.service.runScenario({ event: 'change-password', appleId: USER, newPassword: 'A-New-Password-2015' })).toEqual({ signedOutApps: 1 });
    await again.ended();
    wire.close();
  });
});
