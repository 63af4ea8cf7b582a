import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT, openMail, type MailHarness } from './mail-harness.js';
import { Wire } from './wire.js';
import { failuresOf } from '../helpers/password-checks.js';

/**
 * The mail servers follow the account's level (issue 19 part B): under two-factor
 * authentication IMAP and SMTP still refuse the normal password — in the provider's words of
 * that era — and take an app-specific password. The same connection says the 2015 words while
 * the account is under two-step verification and the later ones once it is not.
 */
const plain = (user: string, password: string) => Buffer.from(`\0${user}\0${password}`).toString('base64');

const WORDS = {
  icloud: {
    imap: [
      'a1 NO [AUTHENTICATIONFAILED] Authentication failed',
      'a2 NO [AUTHENTICATIONFAILED] Authentication failed: two-factor authentication is on for this Apple ID, so an app-specific password is required (TwoStep simulation)',
    ],
    smtp: [
      [/^535 5\.7\.8 Authentication failed$/],
      [/^535 5\.7\.8 Authentication failed: two-factor authentication is on for this Apple ID, so an app-specific password is required \(TwoStep simulation\)$/],
    ],
  },
  gmail: {
    imap: [
      'a1 NO [ALERT] Application-specific password required: https://support.google.com/accounts/answer/185833 (Failure)',
      'a2 NO [ALERT] Application-specific password required: https://support.google.com/accounts/answer/185833 (Failure)',
    ],
    smtp: [
      [/^534-5\.7\.9 Application-specific password required\. Learn more at$/, /^534 5\.7\.9 {2}https:\/\/support\.google\.com\/accounts\/answer\/185833 [0-9a-f]{12} - gsmtp$/],
      [/^534-5\.7\.9 Application-specific password required\. For more information, go to$/, /^534 5\.7\.9 {2}https:\/\/support\.google\.com\/mail\/\?p=InvalidSecondFactor [0-9a-f]{12} - gsmtp$/],
    ],
  },
  fastmail: {
    imap: ['a1 NO Incorrect username or password.', 'a2 NO Incorrect username, password or access token.'],
    smtp: [[/^535 5\.7\.0 Incorrect username or password\.$/], [/^535 5\.7\.0 Incorrect username, password or access token$/]],
  },
} as const;

/** Two-factor on, from My Apple ID: the app-specific passwords of two-step go with it; a new one is made. */
async function toTwoFactor(h: MailHarness): Promise<string> {
  await h.service.setSecurityLevel(h.token, { level: 'two-factor', currentPassword: DEMO_ACCOUNT.password });
  return h.service.createAppPassword(h.token, { label: 'Thunderbird' }).password;
}

const failures = (h: MailHarness) => failuresOf(h.service, DEMO_ACCOUNT.appleId);

describe.each(['icloud', 'gmail', 'fastmail'] as const)('the %s profile under two-factor authentication', (profile) => {
  const words = WORDS[profile];

  it('IMAP: the normal password is refused in the words of two-step, then of two-factor once it is on; an app-specific password still signs in; nothing counted', async () => {
    const h = await openMail({ profile });
    const wire = await Wire.open(h.mail.imapPort);
    await wire.line();
    wire.send(`a1 LOGIN ${DEMO_ACCOUNT.appleId} "${DEMO_ACCOUNT.password}"`);
    expect(await wire.until('a1')).toEqual([words.imap[0]]);
    const appPassword = await toTwoFactor(h);
    wire.send(`a2 AUTHENTICATE PLAIN ${plain(DEMO_ACCOUNT.appleId, DEMO_ACCOUNT.password)}`);
    expect(await wire.until('a2')).toEqual([words.imap[1]]);
    expect(failures(h)).toBe(0);
    wire.send(`a3 LOGIN ${DEMO_ACCOUNT.appleId} "${appPassword}"`);
    expect((await wire.until('a3')).at(-1)).toMatch(/^a3 OK /);
    wire.close();
  });

  it('SMTP: the normal password is refused in the words of two-step, then of two-factor once it is on; an app-specific password still signs in; nothing counted', async () => {
    const h = await openMail({ profile });
    const wire = await Wire.open(h.mail.smtpPort);
    await wire.reply();
    wire.send('EHLO client.example');
    await wire.reply();
    for (const [i, setUp] of [async () => {}, async () => void (await toTwoFactor(h))].entries()) {
      await setUp();
      wire.send(`AUTH PLAIN ${plain(DEMO_ACCOUNT.appleId, DEMO_ACCOUNT.password)}`);
      const reply = await wire.reply();
      expect(reply).toHaveLength(words.smtp[i]!.length);
      reply.forEach((line, n) => expect(line).toMatch(words.smtp[i]![n]!));
    }
    expect(failures(h)).toBe(0);
    const appPassword = h.service.createAppPassword(h.token, { label: 'msmtp' }).password;
    wire.send(`AUTH PLAIN ${plain(DEMO_ACCOUNT.appleId, appPassword)}`);
    expect(await wire.reply()).toEqual([expect.stringMatching(/^235 /)]);
    wire.close();
  });
});
