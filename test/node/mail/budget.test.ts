import { describe, expect, it } from 'vitest';
import { LOCKOUT_POLICY } from '../../../main/identity/policy/lockout.js';
import { activityLog } from '../helpers/identity.js';
import { DEMO_ACCOUNT, openMail } from './mail-harness.js';
import { imapLoginAnswer, Wire } from './wire.js';
import { failuresOf } from '../helpers/password-checks.js';

const plain = (user: string, password: string) => Buffer.from(`\0${user}\0${password}`).toString('base64');
const failures = (h: Awaited<ReturnType<typeof openMail>>) => failuresOf(h.service, DEMO_ACCOUNT.appleId);

const imapLogin = (port: number, password: string) => imapLoginAnswer(port, DEMO_ACCOUNT.appleId, password);

async function smtpAuth(port: number, password: string): Promise<string> {
  const wire = await Wire.open(port);
  await wire.reply();
  wire.send('EHLO attacker.example');
  await wire.reply();
  wire.send(`AUTH PLAIN ${plain(DEMO_ACCOUNT.appleId, password)}`);
  const answer = (await wire.reply()).join('\n');
  wire.close();
  return answer;
}

describe('one failure budget, drawn on by IMAP and SMTP as by every other sign-in', () => {
  it('40 wrong passwords at once over both protocols are judged as if one by one: the lock engages at the fifth, and no more are counted', async () => {
    const h = await openMail();
    const guesses = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? imapLogin(h.mail.imapPort, `Wrong-Guess-${i}`) : smtpAuth(h.mail.smtpPort, `Wrong-Guess-${i}`)));
    const answers = await Promise.all(guesses);
    // Exactly as many judged as one by one would: the free ones and the one that locks.
    expect(failures(h)).toBe(LOCKOUT_POLICY.freeFailures + 1);
    const judgedWrong = answers.filter((a) => /Authentication failed$/.test(a)).length;
    expect(judgedWrong).toBeLessThanOrEqual(LOCKOUT_POLICY.freeFailures);
    for (const a of answers) expect(a).toMatch(/Authentication failed$|locked for security reasons|try again in a moment/);
    const counted = activityLog(h.service).filter((e) => e.event === 'sign-in-refused' && e.detail.reason === 'incorrect');
    expect(counted).toHaveLength(LOCKOUT_POLICY.freeFailures + 1);
    expect(new Set(counted.map((e) => e.source))).toEqual(new Set(counted.map((e) => e.source).filter((s) => s === 'imap' || s === 'smtp')));
  });

  it('a locked account is refused on every protocol, even with its right app-specific password, and counts nothing more', async () => {
    const h = await openMail();
    for (let i = 0; i <= LOCKOUT_POLICY.freeFailures; i++) await imapLogin(h.mail.imapPort, `Wrong-${i}`);
    expect(failures(h)).toBe(LOCKOUT_POLICY.freeFailures + 1);
    expect(await imapLogin(h.mail.imapPort, h.appPassword)).toBe('a NO [ALERT] This Apple ID has been locked for security reasons.');
    expect(await smtpAuth(h.mail.smtpPort, h.appPassword)).toBe('535 5.7.8 This Apple ID has been locked for security reasons.');
    expect(await smtpAuth(h.mail.smtpPort, DEMO_ACCOUNT.password)).toBe('535 5.7.8 This Apple ID has been locked for security reasons.');
    const refusal = await h.service.signInClient({ clientKind: 'messages', appleId: DEMO_ACCOUNT.appleId, password: h.appPassword }).catch((e: Error) => e);
    expect(refusal).toMatchObject({ code: 'LOCKED' });
    expect(failures(h)).toBe(LOCKOUT_POLICY.freeFailures + 1);
    // When the lock has run out, the app-specific password signs in again and the count starts over.
    h.clock.advance(2 * 60_000);
    expect(await imapLogin(h.mail.imapPort, h.appPassword)).toMatch(/^a OK /);
    expect(failures(h)).toBe(0);
  });

  it('failures at the Messages app and over IMAP add up to one count', async () => {
    const h = await openMail();
    for (let i = 0; i < 2; i++) await h.service.signInClient({ clientKind: 'messages', appleId: DEMO_ACCOUNT.appleId, password: `Wrong-${i}` }).catch(() => undefined);
    for (let i = 0; i < 2; i++) await imapLogin(h.mail.imapPort, `Wrong-imap-${i}`);
    await smtpAuth(h.mail.smtpPort, 'Wrong-smtp');
    expect(failures(h)).toBe(5);
    expect(await imapLogin(h.mail.imapPort, h.appPassword)).toMatch(/locked/);
  });

  it('the right normal password under two-step is refused but not counted (it was no guess: a client retrying it must not lock the account)', async () => {
    const h = await openMail();
    for (let i = 0; i < 10; i++) expect(await imapLogin(h.mail.imapPort, DEMO_ACCOUNT.password)).toBe('a NO [AUTHENTICATIONFAILED] Authentication failed');
    expect(failures(h)).toBe(0);
    expect(activityLog(h.service).filter((e) => e.event === 'app-password-required' && e.source === 'imap')).toHaveLength(10);
  });

  it('an app-specific password given with another Apple ID, or once revoked, never signs in', async () => {
    const h = await openMail();
    await h.service.createAccount({ appleId: 'hanako@twostep.example', password: 'Hanako-Pass-2015', fullName: 'Hanako' });
    const wire = await Wire.open(h.mail.imapPort);
    await wire.line();
    wire.send(`a LOGIN hanako@twostep.example "${h.appPassword}"`);
    expect(await wire.until('a')).toEqual(['a NO [AUTHENTICATIONFAILED] Authentication failed']);
    wire.close();
    h.service.revokeAppPassword(h.token, { appPasswordId: h.appPasswordId });
    expect(await imapLogin(h.mail.imapPort, h.appPassword)).toBe('a NO [AUTHENTICATIONFAILED] Authentication failed');
    expect(await smtpAuth(h.mail.smtpPort, h.appPassword)).toBe('535 5.7.8 Authentication failed');
  });

  it('a sign-in with the app-specific password updates View History (last used, by the IMAP ID name) and logs the sign-in', async () => {
    const h = await openMail({ label: 'Thunderbird on my Mac' });
    const wire = await Wire.open(h.mail.imapPort);
    await wire.line();
    wire.send('i1 ID ("name" "Thunderbird" "version" "128.0")');
    expect((await wire.until('i1')).at(-1)).toBe('i1 OK ID completed');
    wire.send(`a LOGIN ${DEMO_ACCOUNT.appleId} "${h.appPassword.replace(/-/g, '').toUpperCase()}"`);
    expect((await wire.until('a')).at(-1)).toMatch(/^a OK /);
    wire.close();
    const [listed] = h.service.listAppPasswords(h.token);
    expect(listed).toMatchObject({ label: 'Thunderbird on my Mac', lastUsedBy: 'Thunderbird', lastUsedAt: h.clock.now() });
    await smtpAuth(h.mail.smtpPort, h.appPassword);
    expect(h.service.listAppPasswords(h.token)[0]).toMatchObject({ lastUsedBy: 'SMTP' });
    const signIns = activityLog(h.service).filter((e) => e.event === 'sign-in' && (e.source === 'imap' || e.source === 'smtp'));
    expect(signIns.map((e) => [e.source, e.detail])).toEqual([
      ['imap', { with: 'app-specific-password', label: 'Thunderbird on my Mac', client: 'Thunderbird' }],
      ['smtp', { with: 'app-specific-password', label: 'Thunderbird on my Mac', client: null }],
    ]);
    // The control center's log says which password was used, and by which client.
    const used = activityLog(h.service).filter((e) => e.event === 'app-password-used');
    expect(used.map((e) => [e.source, e.detail])).toEqual([
      ['imap', { label: 'Thunderbird on my Mac', client: 'Thunderbird' }],
      ['smtp', { label: 'Thunderbird on my Mac', client: null }],
    ]);
    for (const entry of activityLog(h.service)) expect(JSON.stringify(entry)).not.toContain(h.appPassword.slice(0, 9));
  });

  it('the log tells a refused normal password from a sign-in with the password of an account without two-step, naming the client', async () => {
    const h = await openMail();
    await h.service.createAccount({ appleId: 'plain@twostep.example', password: 'Plain-Pass-2015', fullName: 'Plain' });
    for (const [user, password] of [
      [DEMO_ACCOUNT.appleId, DEMO_ACCOUNT.password],
      ['plain@twostep.example', 'Plain-Pass-2015'],
    ] as const) {
      const wire = await Wire.open(h.mail.imapPort);
      await wire.line();
      wire.send('i1 ID ("name" "mutt")');
      await wire.until('i1');
      wire.send(`a LOGIN ${user} "${password}"`);
      await wire.until('a');
      wire.close();
    }
    const entries = activityLog(h.service).filter((e) => e.source === 'imap');
    expect(entries.map((e) => [e.appleId, e.event, e.outcome, e.detail])).toEqual([
      [DEMO_ACCOUNT.appleId, 'app-password-required', 'failure', { client: 'mutt' }],
      ['plain@twostep.example', 'sign-in', 'success', { with: 'password', client: 'mutt' }],
    ]);
  });
});

