import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT, openMail, python, run } from './mail-harness.js';
import { needsRealClient } from './real-client-available.js';

/**
 * Real clients that no one here wrote, from Debian's packages and Python's standard library,
 * against the servers: what a developer pointing their own tools at TwoStep sees. A missing
 * client skips its tests, naming it; on CI (`.ci/run` installs curl, swaks and isync) it fails them.
 */
const USER = DEMO_ACCOUNT.appleId;

describe('curl', () => {
  needsRealClient('curl');
  it('imap://: exit 67 (login denied) with the normal password; lists and fetches the INBOX with the app-specific password', async () => {
    const h = await openMail();
    const url = `imap://127.0.0.1:${h.mail.imapPort}/INBOX`;
    const refused = await run('curl', ['-sS', '--max-time', '10', '-u', `${USER}:${DEMO_ACCOUNT.password}`, url]);
    expect(refused.code).toBe(67);
    const listed = await run('curl', ['-sS', '--max-time', '10', '-u', `${USER}:${h.appPassword}`, '-X', 'UID SEARCH ALL', url]);
    expect(listed).toMatchObject({ code: 0, stdout: '* SEARCH 1\r\n' });
    const fetched = await run('curl', ['-sS', '--max-time', '10', '-u', `${USER}:${h.appPassword}`, `${url};UID=1`]);
    expect(fetched.code).toBe(0);
    expect(fetched.stdout).toContain('Subject: An app-specific password was created for your Apple ID');
  });

  it('smtp://: exit 67 with the normal password; sends with the app-specific password into the INBOX', async () => {
    const h = await openMail();
    const message = `From: ${USER}\r\nTo: ${USER}\r\nSubject: Sent with curl\r\n\r\nHello from curl.\r\n`;
    const args = (password: string) => ['-sS', '--max-time', '10', `smtp://127.0.0.1:${h.mail.smtpPort}`, '-u', `${USER}:${password}`, '--mail-from', USER, '--mail-rcpt', USER, '-T', '-'];
    expect((await run('curl', args(DEMO_ACCOUNT.password), { input: message })).code).toBe(67);
    expect((await run('curl', args(h.appPassword), { input: message })).code).toBe(0);
    const inbox = h.mail.mailboxes.inbox(1);
    const subjects = h.mail.mailboxes.listing(inbox.id).map((m) => h.mail.mailboxes.message(inbox.id, m.uid)!.raw.toString());
    expect(subjects.at(-1)).toContain('Subject: Sent with curl');
  });
});

describe("python3's imaplib and smtplib", () => {
  needsRealClient('python3');
  it('gmail profile: imaplib shows the [ALERT] text; smtplib gets 534 and the two lines', async () => {
    const h = await openMail({ profile: 'gmail' });
    const result = await python(
      `
import imaplib, smtplib, os
m = imaplib.IMAP4('127.0.0.1', int(os.environ['IMAP']))
try:
    m.login(os.environ['USER'], os.environ['PASS'])
except imaplib.IMAP4.error as e:
    print('IMAP', e)
s = smtplib.SMTP('127.0.0.1', int(os.environ['SMTP']))
try:
    s.login(os.environ['USER'], os.environ['PASS'])
except smtplib.SMTPAuthenticationError as e:
    print('SMTP', e.smtp_code, e.smtp_error.decode())
`,
      { IMAP: h.mail.imapPort, SMTP: h.mail.smtpPort, USER, PASS: DEMO_ACCOUNT.password },
    );
    expect(result.stderr).toBe('');
    const [imapLine, smtpLine, ...rest] = result.stdout.split('\n');
    expect(imapLine).toBe("IMAP b'[ALERT] Application-specific password required: https://support.google.com/accounts/answer/185833 (Failure)'");
    expect(smtpLine).toBe('SMTP 534 5.7.9 Application-specific password required. Learn more at');
    expect(rest[0]).toMatch(/^5\.7\.9 {2}https:\/\/support\.google\.com\/accounts\/answer\/185833 [0-9a-f]{12} - gsmtp$/);
  });

  it('sends with smtplib, reads it back with imaplib (STARTTLS on both, the certificate pinned)', async () => {
    const h = await openMail();
    const result = await python(
      `
import imaplib, smtplib, ssl, os
from email.message import EmailMessage
ctx = ssl.create_default_context(cafile=os.path.join(os.environ['DATA'], 'mail-tls-cert.pem'))
s = smtplib.SMTP('127.0.0.1', int(os.environ['SMTP']))
s.starttls(context=ctx)
s.login(os.environ['USER'], os.environ['ASP'])
msg = EmailMessage()
msg['From'] = os.environ['USER']; msg['To'] = os.environ['USER']; msg['Subject'] = 'Note to self'
msg.set_content('こんにちは、自分。')
s.send_message(msg)
s.quit()
m = imaplib.IMAP4('127.0.0.1', int(os.environ['IMAP']))
m.starttls(ssl_context=ctx)
m.login(os.environ['USER'], os.environ['ASP'])
m.select('INBOX')
typ, data = m.uid('SEARCH', 'UNSEEN')
print(data[0].decode())
typ, data = m.uid('FETCH', data[0].split()[-1], '(BODY.PEEK[TEXT])')
import email
print(email.message_from_bytes(b'Content-Type: text/plain; charset=utf-8\\r\\nContent-Transfer-Encoding: 8bit\\r\\n\\r\\n' + data[0][1]).get_payload(decode=True).decode('utf-8', 'replace').strip())
m.logout()
`,
      { IMAP: h.mail.imapPort, SMTP: h.mail.smtpPort, USER, ASP: h.appPassword, DATA: h.dataDir },
    );
    expect(result.stderr).toBe('');
    const [unseen, text] = result.stdout.trim().split('\n');
    expect(unseen).toBe('1 2');
    expect(text).toBe('こんにちは、自分。');
  });

  it('a revoked app-specific password throws imaplib out mid-session with a BYE that says why, within 1 s', async () => {
    const h = await openMail();
    const child = spawn(
      'python3',
      [
        '-u',
        '-c',
        `
import imaplib, os, sys, time
m = imaplib.IMAP4('127.0.0.1', int(os.environ['IMAP']))
m.login(os.environ['USER'], os.environ['ASP'])
m.select('INBOX')
print('ready', flush=True)
try:
    while True:
        m.noop()
        time.sleep(0.02)
except imaplib.IMAP4.abort as e:
    print('abort', e, flush=True)
`,
      ],
      { env: { ...process.env, IMAP: String(h.mail.imapPort), USER, ASP: h.appPassword } },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? -1)));
    await expect.poll(() => out, { timeout: 5000 }).toContain('ready');
    const revokedAt = performance.now();
    h.service.revokeAppPassword(h.token, { appPasswordId: h.appPasswordId });
    expect(await exited).toBe(0);
    expect(performance.now() - revokedAt).toBeLessThan(1000);
    expect(out).toMatch(/^abort command: NOOP => \[ALERT\] The app-specific password of this session was revoked\.$/m);
    // And the same password no longer signs in.
    const again = await python(
      `
import imaplib, os
m = imaplib.IMAP4('127.0.0.1', int(os.environ['IMAP']))
try:
    m.login(os.environ['USER'], os.environ['ASP'])
except imaplib.IMAP4.error as e:
    print(e)
`,
      { IMAP: h.mail.imapPort, USER, ASP: h.appPassword },
    );
    expect(again.stdout.trim()).toBe("b'[AUTHENTICATIONFAILED] Authentication failed'");
  });
});

describe('swaks', () => {
  needsRealClient('swaks');
  it('exits 28 when AUTH is refused, and 0 when the app-specific password sends the message', async () => {
    const h = await openMail();
    const args = (password: string) => [
      '--server',
      `127.0.0.1:${h.mail.smtpPort}`,
      '--from',
      USER,
      '--to',
      USER,
      '--auth',
      'PLAIN',
      '--auth-user',
      USER,
      '--auth-password',
      password,
      '--header',
      'Subject: swaks test',
      '--timeout',
      '10',
    ];
    expect((await run('swaks', args(DEMO_ACCOUNT.password))).code).toBe(28);
    expect((await run('swaks', args('aaaa-bbbb-cccc-dddd'))).code).toBe(28);
    const sent = await run('swaks', args(h.appPassword));
    expect(sent.code).toBe(0);
    expect(sent.stdout).toMatch(/<- {2}250 2\.0\.0 OK \S+ - delivered to 1 local mailbox/);
  });

  it("is refused a recipient outside TwoStep (550, nothing relayed) and a sender other than the Apple ID (550, iCloud's words)", async () => {
    const h = await openMail();
    const base = ['--server', `127.0.0.1:${h.mail.smtpPort}`, '--auth', 'LOGIN', '--auth-user', USER, '--auth-password', h.appPassword, '--timeout', '10'];
    const relay = await run('swaks', [...base, '--from', USER, '--to', 'someone@example.com']);
    expect(relay.code).toBe(24);
    expect(relay.stdout).toContain('<** 550 5.7.1 <someone@example.com>: Relay access denied');
    const spoof = await run('swaks', [...base, '--from', 'ceo@twostep.example', '--to', USER]);
    expect(spoof.code).toBe(23);
    expect(spoof.stdout).toContain('<** 550 5.7.0 From address is not one of your addresses');
  });
});

describe('mbsync (isync)', () => {
  needsRealClient('mbsync', 'isync');
  it('syncs the INBOX to a Maildir with the app-specific password, and fails with the normal one', async () => {
    const h = await openMail();
    const maildir = join(h.dataDir, 'Maildir');
    mkdirSync(maildir);
    const config = (password: string) => {
      const path = join(h.dataDir, `mbsyncrc-${password.length}`);
      writeFileSync(
        path,
        [
          'IMAPAccount twostep',
          'Host 127.0.0.1',
          `Port ${h.mail.imapPort}`,
          `User ${USER}`,
          `Pass "${password}"`,
          'SSLType None',
          'AuthMechs LOGIN',
          '',
          'IMAPStore remote',
          'Account twostep',
          '',
          'MaildirStore local',
          `Path ${maildir}/`,
          `Inbox ${maildir}/INBOX`,
          '',
          'Channel inbox',
          'Far :remote:',
          'Near :local:',
          'Patterns INBOX',
          'Create Near',
          'Sync Pull',
          `SyncState ${h.dataDir}/`,
          '',
        ].join('\n'),
        { mode: 0o600 },
      );
      return path;
    };
    const refused = await run('mbsync', ['-c', config(DEMO_ACCOUNT.password), 'inbox']);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('[AUTHENTICATIONFAILED] Authentication failed');
    const synced = await run('mbsync', ['-c', config(h.appPassword), 'inbox']);
    // Plain text on loopback, as configured: mbsync warns, and syncs.
    expect(synced.stderr.trim()).toBe('*** IMAP Warning *** Password is being sent in the clear');
    expect(synced.code).toBe(0);
    const files = readdirSync(join(maildir, 'INBOX', 'new')).concat(readdirSync(join(maildir, 'INBOX', 'cur')));
    expect(files).toHaveLength(1);
    const onDisk = readFileSync(join(maildir, 'INBOX', readdirSync(join(maildir, 'INBOX', 'new')).length ? 'new' : 'cur', files[0]!), 'utf8');
    expect(onDisk).toContain('Subject: An app-specific password was created for your Apple ID');
  });
});
