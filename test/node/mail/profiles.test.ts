import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT, openMail } from './mail-harness.js';
import { Wire } from './wire.js';

const plain = (user: string, password: string) => Buffer.from(`\0${user}\0${password}`).toString('base64');

/** Every line each profile says, exactly: what a developer testing a client against Gmail-like answers relies on. */
const EXPECTED = {
  icloud: {
    greeting: /^\* OK \[CAPABILITY IMAP4 IMAP4rev1 SASL-IR STARTTLS AUTH=PLAIN\] iCloud IMAP4 service ready \(TwoStep simulation\)$/,
    signedInCapabilities: 'IMAP4 IMAP4rev1 SASL-IR LITERAL+ NAMESPACE UIDPLUS CHILDREN UNSELECT ID IDLE SPECIAL-USE',
    appPasswordRequired: 'a1 NO [AUTHENTICATIONFAILED] Authentication failed',
    invalid: 'a2 NO [AUTHENTICATIONFAILED] Authentication failed',
    authenticated: 'User logged in',
    selected: ['* OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] Flags permitted', 's1 OK [READ-WRITE] SELECT completed'],
    logout: ['* BYE Logging out', 'o1 OK LOGOUT completed'],
    smtpGreeting: /^220 127\.0\.0\.1 ESMTP iCloud SMTP \(TwoStep simulation\)$/,
    smtpEhlo: '250-127.0.0.1',
    smtpAppPasswordRequired: ['535 5.7.8 Authentication failed'],
    smtpInvalid: ['535 5.7.8 Authentication failed'],
  },
  gmail: {
    greeting: /^\* OK Gimap ready for requests from 127\.0\.0\.1 [0-9a-f]{12}$/,
    signedInCapabilities: 'IMAP4rev1 UNSELECT IDLE NAMESPACE ID CHILDREN UIDPLUS MOVE',
    appPasswordRequired: 'a1 NO [ALERT] Application-specific password required: https://support.google.com/accounts/answer/185833 (Failure)',
    invalid: 'a2 NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)',
    authenticated: 'demo@twostep.example authenticated (Success)',
    selected: ['* OK [PERMANENTFLAGS (\\Answered \\Flagged \\Draft \\Deleted \\Seen \\*)] Flags permitted.', 's1 OK [READ-WRITE] INBOX selected. (Success)'],
    logout: ['* BYE LOGOUT Requested', 'o1 OK 73 good day (Success)'],
    smtpGreeting: /^220 127\.0\.0\.1 ESMTP [0-9a-f]{12} - gsmtp$/,
    smtpEhlo: '250-127.0.0.1 at your service, [127.0.0.1]',
    smtpAppPasswordRequired: [
      /^534-5\.7\.9 Application-specific password required\. Learn more at$/,
      /^534 5\.7\.9 {2}https:\/\/support\.google\.com\/accounts\/answer\/185833 [0-9a-f]{12} - gsmtp$/,
    ],
    smtpInvalid: [/^535-5\.7\.8 Username and Password not accepted\. Learn more at$/, /^535 5\.7\.8 {2}https:\/\/support\.google\.com\/mail\/answer\/14257 [0-9a-f]{12} - gsmtp$/],
  },
  fastmail: {
    greeting: /^\* OK \[CAPABILITY IMAP4rev1 LITERAL\+ ID SASL-IR STARTTLS AUTH=PLAIN\] IMAP4 ready \(TwoStep simulation of Fastmail\)$/,
    signedInCapabilities: 'IMAP4rev1 LITERAL+ ID SASL-IR NAMESPACE UIDPLUS UNSELECT CHILDREN SPECIAL-USE IDLE MOVE',
    appPasswordRequired: 'a1 NO Incorrect username or password.',
    invalid: 'a2 NO Incorrect username or password.',
    authenticated: 'User logged in',
    selected: ['* OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] Flags permitted', 's1 OK [READ-WRITE] Completed'],
    logout: ['* BYE LOGOUT received', 'o1 OK Completed'],
    smtpGreeting: /^220 127\.0\.0\.1 ESMTP ready \(TwoStep simulation of Fastmail\)$/,
    smtpEhlo: '250-127.0.0.1',
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
    expect(await wire.until('a3')).toEqual([`a3 OK [CAPABILITY ${expected.signedInCapabilities}] ${expected.authenticated}`]);
    wire.send('s1 SELECT INBOX');
    const selected = await wire.until('s1');
    expect(selected).toContain(expected.selected[0]);
    expect(selected.at(-1)).toBe(expected.selected[1]);
    wire.send('o1 LOGOUT');
    expect(await wire.until('o1')).toEqual(expected.logout);
  });

  it('SMTP: greets, answers AUTH with its own codes and lines, and accepts the app-specific password', async () => {
    const h = await openMail({ profile });
    const wire = await Wire.open(h.mail.smtpPort);
    expect(await wire.reply()).toEqual([expect.stringMatching(expected.smtpGreeting)]);
    wire.send('EHLO client.example');
    const ehlo = await wire.reply();
    expect(ehlo[0]).toBe(expected.smtpEhlo);
    expect(ehlo).toContain('250-AUTH PLAIN LOGIN');
    wire.send(`AUTH PLAIN ${plain(DEMO_ACCOUNT.appleId, DEMO_ACCOUNT.password)}`);
    const required = await wire.reply();
    expect(required).toHaveLength(expected.smtpAppPasswordRequired.length);
    required.forEach((line, i) => expect(line).toMatch(expected.smtpAppPasswordRequired[i]!));
    wire.send(`AUTH PLAIN ${plain(DEMO_ACCOUNT.appleId, 'Wrong-Password-1')}`);
    const invalid = await wire.reply();
    expect(invalid).toHaveLength(expected.smtpInvalid.length);
    invalid.forEach((line, i) => expect(line).toMatch(expected.smtpInvalid[i]!));
    wire.send(`AUTH PLAIN ${plain(DEMO_ACCOUNT.appleId, h.appPassword)}`);
    expect(await wire.reply()).toEqual(['235 2.7.0 Authentication successful']);
    wire.close();
  });
});

it('a profile switched in the control center answers the next sign-in with its words, no restart', async () => {
  const h = await openMail({ profile: 'icloud' });
  h.mail.updateSettings({ profile: 'gmail' });
  const wire = await Wire.open(h.mail.imapPort);
  expect(await wire.line()).toMatch(EXPECTED.gmail.greeting);
  wire.send(`a1 LOGIN ${DEMO_ACCOUNT.appleId} "${DEMO_ACCOUNT.password}"`);
  expect(await wire.until('a1')).toEqual([EXPECTED.gmail.appPasswordRequired]);
  wire.close();
});
