import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { MINUTE } from '../../../main/identity/clock.js';
import { activityLog } from '../helpers/identity.js';
import { DEMO_ACCOUNT, openMail, run, type MailHarness } from './mail-harness.js';
import { needsRealClient } from './real-client-available.js';
import { imapLoginAnswer, Wire } from './wire.js';
import { failuresOf } from '../helpers/password-checks.js';

/**
 * Issue 15, finding 5, with the mail clients that showed it: after `* BYE [ALERT] … revoked`,
 * fetchmail polled again every 15 s with the revoked password, and each poll counted as a wrong
 * password; the fifth locked the account and the user's other app-specific passwords with it.
 * Ten minutes of polling are replayed here against the service's test clock (40 polls, the
 * clock moved 15 s after each), so the run takes seconds, not ten minutes.
 */
const USER = DEMO_ACCOUNT.appleId;
const POLLS = (10 * MINUTE) / 15_000;
const failures = (h: MailHarness) => failuresOf(h.service, USER);

const imapLogin = (port: number, password: string) => imapLoginAnswer(port, USER, password);

async function smtpAuth(port: number, password: string): Promise<string> {
  const wire = await Wire.open(port);
  await wire.reply();
  wire.send('EHLO retrying.example');
  await wire.reply();
  wire.send(`AUTH PLAIN ${Buffer.from(`\0${USER}\0${password}`).toString('base64')}`);
  const answer = (await wire.reply()).join('\n');
  wire.close();
  return answer;
}

/** The revoked password's client, and a second app-specific password still in use. */
async function revokedSetUp() {
  const h = await openMail({ label: 'fetchmail on the server' });
  const other = h.service.createAppPassword(h.token, { label: 'Thunderbird' });
  h.service.revokeAppPassword(h.token, { appPasswordId: h.appPasswordId });
  return { h, other: other.password };
}

describe('a mail client retrying its revoked app-specific password', () => {
  it('IMAP and SMTP, 10 minutes of retries: the profile\'s usual refusal every time, the account never locked, the other password signs in', async () => {
    const { h, other } = await revokedSetUp();
    for (let poll = 0; poll < POLLS; poll++) {
      expect(await imapLogin(h.mail.imapPort, h.appPassword)).toBe('a NO [AUTHENTICATIONFAILED] Authentication failed');
      expect(await smtpAuth(h.mail.smtpPort, h.appPassword)).toBe('535 5.7.8 Authentication failed');
      h.clock.advance(15_000);
    }
    expect(failures(h)).toBe(0);
    expect(await imapLogin(h.mail.imapPort, other)).toMatch(/^a OK /);
    // Logged when first seen and again 5 minutes later (80 retries would crowd the log);
    // View History counts every one, and names the client that tried last.
    const used = activityLog(h.service).filter((e) => e.event === 'app-password-used-after-revocation');
    expect(used.map((e) => [e.source, e.detail])).toEqual(Array(2).fill(['imap', { label: 'fetchmail on the server', client: 'IMAP' }]));
    const history = h.service.listAppPasswords(h.token).find((p) => p.label === 'fetchmail on the server');
    expect(history?.usedAfterRevocation).toMatchObject({ times: 2 * POLLS, by: 'SMTP' });
  });

});

describe('fetchmail retrying its revoked app-specific password', () => {
  needsRealClient('fetchmail');

  it('fetchmail, polling with the revoked password: never locks the account; View History names who still tries', async () => {
    const { h, other } = await revokedSetUp();
    const home = mkdtempSync(join(tmpdir(), 'twostep-fetchmail-'));
    onTestFinished(() => rmSync(home, { recursive: true, force: true }));
    const rc = join(home, 'fetchmailrc');
    const rcFor = (password: string) =>
      [
        'set no syslog',
        'set no bouncemail',
        `poll 127.0.0.1 proto IMAP port ${h.mail.imapPort}`,
        `  user "${USER}" there with password "${password}" is "nobody" here`,
        // The loopback servers speak plain text: no STARTTLS, as fetchmail's manual says (--sslproto '').
        "  sslproto ''",
        '  keep fetchall',
        '  mda "/bin/cat >/dev/null"',
        '',
      ].join('\n');
    const poll = () => {
      writeFileSync(rc, rcFor(h.appPassword));
      chmodSync(rc, 0o600);
      return run('fetchmail', ['-f', rc, '--nodetach', '--nosyslog', '-v'], { env: { ...process.env, HOME: home, FETCHMAILHOME: home } });
    };
    const polls = [];
    for (let i = 0; i < POLLS; i++) {
      polls.push(await poll());
      h.clock.advance(15_000);
    }
    // fetchmail's exit 3: an authentication failure (its manual, EXIT CODES), never a lock.
    expect(polls.map((p) => p.code)).toEqual(Array(POLLS).fill(3));
    expect(polls.at(-1)!.stderr + polls.at(-1)!.stdout).not.toMatch(/locked/i);
    expect(failures(h)).toBe(0);
    expect(await imapLogin(h.mail.imapPort, other)).toMatch(/^a OK /);
    const history = h.service.listAppPasswords(h.token).find((p) => p.label === 'fetchmail on the server');
    expect(history?.usedAfterRevocation).toMatchObject({ by: 'IMAP' });
    expect(history!.usedAfterRevocation!.times).toBeGreaterThanOrEqual(POLLS);
  });
});
