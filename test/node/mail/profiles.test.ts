import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT, openMail } from './mail-harness.js';
import { Wire } from './wire.js';

const plain = (user: string, password: string) => Buffer.from(`\0${user}\0${password}`).toString('base64');

/** Every line each profile says, exactly: what a developer testing a client against Gmail-like answers relies on. */
const EXPECTED = {
  icloud: {
    greeting: /^\* OK \[CAPABILITY IMAP4 IMAP4rev1 SASL-IR ID IDLE NAMESPACE UNSELECT CHILDREN SPECIAL-USE LITERAL\+ STARTTLS AUTH=PLAIN\] iCloud IMAP4 service ready \(TwoStep simulation\)$/,
    appPasswordRequired: 'a1 NO [AUTHENTICATIONFAILED] Authentication failed',
    invalid: 'a2 NO [AUTHENTICATIONFAILED] Authentication failed',
    smtpGreeting: /^220 127\.0\.0\.1 ESMTP iCloud SMTP \(TwoStep simulation\)$/,
    smtpAppPasswordRequired: ['535 5.7.8 Authentication failed'],
    smtpInvalid: ['535 5.7.8 Authentication failed'],
  },
  gmail: {
    greeting: /^\* OK \[CAPABILITY IMAP4rev1 UNSELECT IDLE NAMESPACE ID CHILDREN SASL-IR SPECIAL-USE LITERAL\+ STARTTLS AUTH=PLAIN\] Gimap ready for requests from 127\.0\.0\.1 [0-9a-f]{12}$/,
    appPasswordRequired: 'a1 NO [ALERT] Application-specific password required: https://support.google.com/accounts/answer/185833 (Failure)',
    invalid: 'a2 NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)',
    smtpGreeting: /^220 127\.0\.0\.1 ESMTP [0-9a-f]{12} - gsmtp$/,
    smtpAppPasswordRequired: [
      /^534-5\.7\.9 Application-specific password required\. For more information, go to$/,
      /^534 5\.7\.9 {2}https:\/\/support\.google\.com\/mail\/\?p=InvalidSecondFactor [0-9a-f]{12} - gsmtp$/,
    ],
    smtpInvalid: [
      /^535-5\.7\.8 Username and Password not accepted\. For more information, go to$/,
      /^535 5\.7\.8 {2}https:\/\/support\.google\.com\/mail\/\?p=BadCredentials [0-9a-f]{12} - gsmtp$/,
    ],
  },
  fastmail: {
    greeting: /^\* OK \[CAPABILITY IMAP4rev1 LITERAL\+ ID SASL-IR NAMESPACE UNSELECT CHILDREN SPECIAL-USE IDLE STARTTLS AUTH=PLAIN\] IMAP4 ready \(TwoStep simulation of Fastmail\)$/,
    appPasswordRequired: 'a1 NO Incorrect username or password.',
    invalid: 'a2 NO Incorrect username or password.',
    smtpGreeting: /^220 127\.0\.0\.1 ESMTP ESMTP ready \(TwoStep simulation of Fastmail\)$/,
    smtpAppPasswordRequired: ['535 5.7.0 Incorrect username or password.'],
    smtpInvalid: ['535 5.7.0 Incorrect username or password.'],
  },
} as const;

describe.each(['icloud', 'gmail', 'fastmail'] as const)('the %s profile', (profile) => {
  const expected = EXPECTED[profile];

  it('IMAP: greets, refuses the normal password and a wrong one with its own words, and signs in with the app-specific password', async () => {
    const h = await openMail({ profile });
    const wire = await Wire.open(h.mail.imapPort);
    expect(await wire.line()).toMatch(expected.greeting);
    wire.send(`a1 LOGIN ${DEMO_ACCOUNT.appleId} "${DEMO_ACCOUNT.password}"`);
    expect(await wire.until('a1')).toEqual([expected.appPasswordRequired]);
    wire.send(`a2 AUTHENTICATE PLAIN ${plain(DEMO_ACCOUNT.appleId, 'Wrong-Password-1')}`);
    expect(await wire.until('a2')).toEqual([expected.invalid]);
    wire.send(`a3 AUTHENTICATE PLAIN ${plain(DEMO_ACCOUNT.appleId, h.appPassword)}`);
    expect((await wire.until('a3')).at(-1)).toMatch(/^a3 OK \[CAPABILITY [^\]]*IMAP4rev1 [^\]]+\] /);
    wire.close();
  });

  it('SMTP: greets, answers AUTH with its own codes and lines, and accepts the app-specific password', async () => {
    const h = await openMail({ profile });
    const wire = await Wire.open(h.mail.smtpPort);
    expect(await wire.reply()).toEqual([expect.stringMatching(expected.smtpGreeting)]);
    wire.send('EHLO client.example');
    expect((await wire.reply()).join('\n')).toMatch(/250-AUTH PLAIN LOGIN/);
    wire.send(`AUTH PLAIN ${plain(DEMO_ACCOUNT.appleId, DEMO_ACCOUNT.password)}`);
    const required = await wire.reply();
    expect(required).toHaveLength(expected.smtpAppPasswordRequired.length);
    required.forEach((line, i) => expect(line).toMatch(expected.smtpAppPasswordRequired[i]!));
    wire.send(`AUTH PLAIN ${plain(DEMO_ACCOUNT.appleId, 'Wrong-Password-1')}`);
    const invalid = await wire.reply();
    expect(invalid).toHaveLength(expected.smtpInvalid.length);
    invalid.forEach((line, i) => expect(line).toMatch(expected.smtpInvalid[i]!));
    wire.send(`AUTH PLAIN ${plain(DEMO_ACCOUNT.appleId, h.appPassword)}`);
    expect(await wire.reply()).toEqual(['235 Authentication successful']);
    wire.close();
  });
});

it('a profile switched in the control center answers the next sign-in with its words, no restart', async () => {
  const h = await openMail({ profile: 'icloud' });
  h.mail.updateSettings({ profile: 'gmail' });
  const wire = await Wire.open(h.mail.imapPort);
  expect(await wire.line()).toMatch(/Gimap ready/);
  wire.send(`a1 LOGIN ${DEMO_ACCOUNT.appleId} "${DEMO_ACCOUNT.password}"`);
  expect(await wire.until('a1')).toEqual([EXPECTED.gmail.appPasswordRequired]);
  wire.close();
});
