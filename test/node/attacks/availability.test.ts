import { mkdtempSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { HashingPool } from '../../../main/identity/crypto/hashing-pool.js';
import { PasswordHasher } from '../../../main/identity/crypto/password-hasher.js';
import { startAccountSite } from '../../../main/server/account-site-server.js';
import { activityLog, openService } from '../helpers/identity.js';
import { DEMO_ACCOUNT, openMail, type MailHarness } from '../mail/mail-harness.js';
import { imapSignedIn, Wire } from '../mail/wire.js';
import { failuresOf } from '../helpers/password-checks.js';

/**
 * Issue 15: what broke availability, each attack as it was found — from outside, as an attacker
 * would: before signing in, with bytes, connections, lines from another protocol and unknown
 * Apple IDs. None of them may lock the account or hold unbounded memory, descriptors or CPU.
 */
const USER = DEMO_ACCOUNT.appleId;
const plain = (user: string, password: string) => Buffer.from(`\0${user}\0${password}`).toString('base64');
const failures = (h: MailHarness) => failuresOf(h.service, USER);
const judged = (h: MailHarness) => activityLog(h.service).filter((e) => e.source === 'imap' || e.source === 'smtp');

/** A raw connection from a given loopback address (Linux routes all of 127/8 to the loopback interface). */
function rawFrom(port: number, localAddress = '127.0.0.1'): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1', localAddress }, () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Everything the server says until it closes the connection. */
function untilClosed(socket: Socket, timeoutMs = 5000): Promise<string> {
  return new Promise((resolve, reject) => {
    let said = '';
    socket.setEncoding('latin1');
    socket.on('data', (d: string) => (said += d));
    socket.on('error', () => undefined);
    const timer = setTimeout(() => reject(new Error(`still open after ${timeoutMs} ms; said: ${JSON.stringify(said)}`)), timeoutMs);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve(said);
    });
  });
}

async function smtpGreeted(port: number, localAddress?: string): Promise<Wire> {
  const wire = await Wire.open(port, localAddress);
  await wire.reply();
  return wire;
}

describe('finding 1: memory before sign-in', () => {
  it('a LITERAL+ literal over 8 KB before sign-in ends the connection before any of it is read (it was read, up to 25 MB, for any command)', async () => {
    const h = await openMail();
    const wire = await Wire.open(h.mail.imapPort);
    await wire.line();
    wire.send('a LOGIN {25000000+}');
    expect(await wire.line()).toBe('* BYE Too much data (literal too long)');
    await wire.ended();
  });

  it('a synchronizing literal over 8 KB before sign-in is refused with BAD [TOOBIG], never with "+"', async () => {
    const h = await openMail();
    const wire = await Wire.open(h.mail.imapPort);
    await wire.line();
    wire.send(`a LOGIN {${8 * 1024 + 1}}`);
    expect(await wire.line()).toBe('a BAD [TOOBIG] Literal too large');
    wire.send(`b LOGIN {${USER.length}}`);
    expect(await wire.line()).toBe('+ Ready for literal data');
    wire.send(`${USER} "${h.appPassword}"`);
    expect((await wire.until('b')).at(-1)).toMatch(/^b OK /);
    wire.close();
  });

  it('APPEND before sign-in is refused before "+": the state is checked first', async () => {
    const h = await openMail();
    const wire = await Wire.open(h.mail.imapPort);
    await wire.line();
    wire.send('a APPEND INBOX {100}');
    expect(await wire.line()).toBe('a BAD Command APPEND is not valid in the not-authenticated state');
    wire.send('a2 APPEND INBOX {26214400}');
    expect(await wire.line()).toBe('a2 BAD [TOOBIG] Literal too large');
    wire.send('b NOOP');
    expect(await wire.until('b')).toEqual(['b OK NOOP completed']);
    wire.send('c APPEND INBOX {26214400+}');
    expect(await wire.line()).toBe('* BYE Too much data (literal too long)');
    await wire.ended();
  });

  it("after sign-in, APPEND's literal is bounded by the mailbox's limit and another command's by 64 KB", async () => {
    const h = await openMail();
    const wire = await imapSignedIn(h.mail.imapPort, USER, h.appPassword);
    wire.send(`a APPEND INBOX {${25 * 1024 * 1024 + 1}}`);
    expect(await wire.line()).toBe('a BAD [TOOBIG] Literal too large');
    wire.send(`b SEARCH TEXT {${64 * 1024 + 1}}`);
    expect(await wire.line()).toBe('b BAD [TOOBIG] Literal too large');
    wire.send('c APPEND INBOX {12}');
    expect(await wire.line()).toBe('+ Ready for literal data');
    // The literal's 12 bytes, then the CRLF that ends the command.
    wire.socket.write('Subject: x\r\n\r\n');
    expect((await wire.until('c')).at(-1)).toMatch(/^c OK \[APPENDUID \d+ \d+\] APPEND completed$/);
    wire.close();
  });

  it('SMTP: a line or an AUTH continuation over 8 KB before sign-in ends the connection, and nothing is judged', async () => {
    const h = await openMail();
    const line = await smtpGreeted(h.mail.smtpPort);
    line.send(`EHLO ${'a'.repeat(9000)}`);
    expect((await line.reply()).join('\n')).toMatch(/^421 /);
    await line.ended();
    const auth = await smtpGreeted(h.mail.smtpPort);
    auth.send('EHLO client.example');
    await auth.reply();
    auth.send('AUTH PLAIN');
    expect(await auth.reply()).toEqual(['334 ']);
    auth.send(plain(USER, 'x'.repeat(7000)));
    expect((await auth.reply()).join('\n')).toMatch(/^421 /);
    await auth.ended();
    expect(failures(h)).toBe(0);
  });
});

describe('finding 2: descriptors — every listener caps its connections', () => {
  // Other loopback addresses (127.0.0.2, .3) route to the loopback interface on Linux (CI); macOS has only 127.0.0.1.
  it.skipIf(process.platform !== 'linux')('IMAP: past the per-address cap and the listener cap, `* BYE [UNAVAILABLE]`; a closed connection frees its place', async () => {
    const h = await openMail({ limits: { imap: { maxConnections: 6, maxPerAddress: 4 } } });
    const first = await Promise.all(Array.from({ length: 4 }, () => Wire.open(h.mail.imapPort)));
    for (const wire of first) expect(await wire.line()).toMatch(/^\* OK \[CAPABILITY /);
    const fifth = await Wire.open(h.mail.imapPort);
    expect(await fifth.line()).toMatch(/^\* BYE \[UNAVAILABLE\] /);
    await fifth.ended();
    // Another address still gets in, up to the listener's cap.
    const other = await Promise.all([Wire.open(h.mail.imapPort, '127.0.0.2'), Wire.open(h.mail.imapPort, '127.0.0.2')]);
    for (const wire of other) expect(await wire.line()).toMatch(/^\* OK /);
    const third = await Wire.open(h.mail.imapPort, '127.0.0.3');
    expect(await third.line()).toMatch(/^\* BYE \[UNAVAILABLE\] /);
    first[0]!.close();
    await expect.poll(async () => {
      const again = await Wire.open(h.mail.imapPort);
      const greeting = await again.line().catch((e: Error) => e.message);
      again.close();
      return greeting;
    }).toMatch(/^\* OK /);
    for (const wire of [...first, ...other]) wire.close();
  });

  it('SMTP: past the cap, `421 4.7.0`', async () => {
    const h = await openMail({ limits: { smtp: { maxConnections: 3, maxPerAddress: 3 } } });
    const open = await Promise.all(Array.from({ length: 3 }, () => smtpGreeted(h.mail.smtpPort)));
    const refused = await Wire.open(h.mail.smtpPort);
    expect((await refused.reply()).join('\n')).toMatch(/^421 4\.7\.0 /);
    await refused.ended();
    for (const wire of open) wire.close();
  });

  it('a connection that does not sign in is closed after the idle time before sign-in, and after the time to sign in however busy; a signed-in one stays', async () => {
    const h = await openMail({ limits: { imap: { idleBeforeSignInMs: 300, signInWithinMs: 1500 }, smtp: { idleBeforeSignInMs: 300 } } });
    const idle = await Wire.open(h.mail.imapPort);
    const opened = performance.now();
    await idle.line();
    expect(await idle.line()).toBe('* BYE Autologout; idle for too long');
    await idle.ended();
    expect(idle.closedAt - opened).toBeGreaterThanOrEqual(300);

    const busy = await Wire.open(h.mail.imapPort);
    const busyOpened = performance.now();
    await busy.line();
    for (let i = 0; !busy.closed && i < 100; i++) {
      busy.send(`n${i} NOOP`);
      await busy.until(`n${i}`).catch(() => undefined);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(busy.closed).toBe(true);
    expect(busy.closedAt - busyOpened).toBeGreaterThanOrEqual(1500);

    const signedIn = await imapSignedIn(h.mail.imapPort, USER, h.appPassword);
    await new Promise((r) => setTimeout(r, 2000));
    signedIn.send('z NOOP');
    expect((await signedIn.until('z')).at(-1)).toBe('z OK NOOP completed');
    signedIn.close();

    const smtp = await smtpGreeted(h.mail.smtpPort);
    expect((await smtp.reply()).join('\n')).toMatch(/^421 .*Timeout/);
    await smtp.ended();
  });
});

describe('finding 2: the HTTP servers cap their connections too', () => {
  it('past the account site\'s cap a new connection gets 503; an idle connection that sends no request is closed', async () => {
    const { service } = await openService();
    const site = await startAccountSite({ service, staticRoot: mkdtempSync(join(tmpdir(), 'twostep-static-')), limits: { maxConnections: 3, maxPerAddress: 3, idleBeforeSignInMs: 300 } });
    onTestFinished(() => site.close());
    const held = await Promise.all(Array.from({ length: 3 }, () => rawFrom(site.port)));
    const refused = await rawFrom(site.port);
    refused.write(`GET /account HTTP/1.1\r\nHost: 127.0.0.1:${site.port}\r\n\r\n`);
    expect(await untilClosed(refused)).toMatch(/^HTTP\/1\.1 503 /);
    // The held ones never sent a request: each is closed after the idle time, which frees the places.
    await Promise.all(held.map((socket) => untilClosed(socket)));
    const answer = await fetch(`${site.origin}/api/site/session`, { method: 'POST', headers: { origin: site.origin, 'content-type': 'application/json' }, body: '{}' });
    expect(answer.status).toBe(401);
  });
});

describe('finding 3: another protocol at the mail ports', () => {
  const httpPost = (port: number, body: string) =>
    `POST / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: http://127.0.0.1:9999\r\nContent-Type: text/plain;charset=UTF-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;

  it('IMAP: an HTTP request whose body holds LOGIN lines is closed at its first line, and nothing is judged (7 of them used to lock the account)', async () => {
    const h = await openMail();
    const body = Array.from({ length: 5 }, (_, i) => `a${i} LOGIN ${USER} wrong-${i}\r\n`).join('');
    for (let load = 0; load < 7; load++) {
      const socket = await rawFrom(h.mail.imapPort);
      socket.write(httpPost(h.mail.imapPort, body));
      const said = await untilClosed(socket);
      expect(said).not.toMatch(/^a\d (OK|NO|BAD)/m);
    }
    expect(failures(h)).toBe(0);
    expect(judged(h)).toEqual([]);
  });

  it('IMAP: any line with " HTTP/1." ends the connection unjudged, whatever its verb', async () => {
    const h = await openMail();
    const wire = await Wire.open(h.mail.imapPort);
    await wire.line();
    wire.send(`PROPFIND /x HTTP/1.1\r\na LOGIN ${USER} wrong`);
    await wire.ended();
    expect(wire.unread).not.toMatch(/^a /m);
    expect(failures(h)).toBe(0);
  });

  it('SMTP: the same request with AUTH lines is closed unjudged', async () => {
    const h = await openMail();
    const body = Array.from({ length: 5 }, (_, i) => `EHLO x\r\nAUTH PLAIN ${plain(USER, `wrong-${i}`)}\r\n`).join('');
    for (let load = 0; load < 7; load++) {
      const socket = await rawFrom(h.mail.smtpPort);
      socket.write(httpPost(h.mail.smtpPort, body));
      await untilClosed(socket);
    }
    expect(failures(h)).toBe(0);
    expect(judged(h)).toEqual([]);
  });

  it('SMTP: AUTH that came in one packet after a line that is not SMTP, or after a line naming HTTP/1.x, is refused unjudged', async () => {
    const h = await openMail();
    for (const stray of ['<html><body>', 'X-Foo: bar HTTP/1.1']) {
      const wire = await smtpGreeted(h.mail.smtpPort);
      wire.send('EHLO client.example');
      await wire.reply();
      wire.send(`${stray}\r\nAUTH PLAIN ${plain(USER, 'wrong-pipelined')}`);
      await wire.ended();
      expect(wire.unread).not.toMatch(/^535 /m);
    }
    expect(failures(h)).toBe(0);
    expect(judged(h)).toEqual([]);
    // On its own, after a typo, AUTH is judged as ever.
    const typed = await smtpGreeted(h.mail.smtpPort);
    typed.send('EHLO client.example');
    await typed.reply();
    typed.send('OOPS');
    expect((await typed.reply()).join('\n')).toMatch(/^500 /);
    typed.send(`AUTH PLAIN ${plain(USER, h.appPassword)}`);
    expect((await typed.reply()).join('\n')).toMatch(/^235 /);
    typed.close();
  });

  it('IMAP: a LOGIN sent before the greeting is refused unjudged', async () => {
    const h = await openMail();
    const socket = connect(h.mail.imapPort, '127.0.0.1');
    // Written at once: on the wire before the server could have greeted.
    socket.write(`a LOGIN ${USER} wrong-early\r\n`);
    const said = await untilClosed(socket);
    expect(said).not.toMatch(/^a (OK|NO)/m);
    expect(failures(h)).toBe(0);
    expect(judged(h)).toEqual([]);
  });

  it('IMAP: a LOGIN that came in one packet after a line that is not IMAP is refused unjudged', async () => {
    const h = await openMail();
    const wire = await Wire.open(h.mail.imapPort);
    await wire.line();
    wire.send(`<html><body>\r\na LOGIN ${USER} wrong-pipelined`);
    await wire.ended();
    expect(wire.unread).not.toMatch(/^a (OK|NO)/m);
    expect(failures(h)).toBe(0);
    expect(judged(h)).toEqual([]);
    // On its own (a client that typed a bad line, then signs in), a LOGIN is judged as ever.
    const typed = await Wire.open(h.mail.imapPort);
    await typed.line();
    typed.send('oops');
    await typed.line();
    typed.send(`a LOGIN ${USER} "${h.appPassword}"`);
    expect((await typed.until('a')).at(-1)).toMatch(/^a OK /);
    typed.close();
  });
});

describe('finding 4: CPU — unknown Apple IDs queue behind each other, not in front of real users', () => {
  it('the hashing pool runs a real user\'s hash before decoy hashes that were waiting longer', async () => {
    const pool = new HashingPool(1);
    const started: string[] = [];
    const release: (() => void)[] = [];
    const job = (name: string) => async () => {
      started.push(name);
      await new Promise<void>((resolve) => release.push(resolve));
    };
    const all = [pool.run(job('first'), 'decoy'), ...Array.from({ length: 5 }, (_, i) => pool.run(job(`decoy ${i}`), 'decoy')), pool.run(job('user'), 'user')];
    while (started.length < 7) {
      await new Promise((r) => setTimeout(r, 1));
      release.shift()?.();
    }
    release.forEach((r) => r());
    await Promise.all(all);
    expect(started).toEqual(['first', 'user', 'decoy 0', 'decoy 1', 'decoy 2', 'decoy 3', 'decoy 4']);
  });

  it('48 sign-ins with unknown Apple IDs at once over IMAP: the real user\'s answer comes before nearly all of theirs (it came last)', async () => {
    const h = await openMail({ decoyHashesPerSecond: 50 });
    const decoys = await Promise.all(Array.from({ length: 48 }, () => Wire.open(h.mail.imapPort)));
    const real = await Wire.open(h.mail.imapPort);
    for (const wire of [...decoys, real]) await wire.line();
    const order: string[] = [];
    const answers = decoys.map((wire, i) => {
      wire.send(`a LOGIN nobody-${i}@twostep.example wrong-${i}`);
      return wire.until('a', 60_000).then(() => order.push('decoy'));
    });
    // The right normal password where an app-specific one is needed: a full hash, and no guess.
    real.send(`a LOGIN ${USER} "${DEMO_ACCOUNT.password}"`);
    answers.push(real.until('a', 60_000).then(() => order.push('real')));
    await Promise.all(answers);
    expect(order.indexOf('real')).toBeLessThan(8);
    for (const wire of [...decoys, real]) wire.close();
  });

  it('completeUnlock checks the verification and the code before it hashes the new password', async () => {
    const h = await openMail();
    const hash = vi.spyOn(PasswordHasher.prototype, 'hash');
    try {
      const refusal = await h.service
        .completeUnlock({ verificationId: '0'.repeat(32), code: '1234', newPassword: 'Brand-New-Pass-1' })
        .catch((e: Error & { code: string }) => e.code);
      expect(refusal).toBe('VERIFICATION_NOT_FOUND');
      expect(hash).not.toHaveBeenCalled();
      // A real unlock: a wrong code is counted and costs no hash; the right one hashes once.
      const unlock = h.service.beginUnlock({ appleId: USER, recoveryKey: 'TWOS-TEPD-EMOK-EY' });
      const deviceId = unlock.devices.find((d) => d.kind === 'iphone')!.id;
      h.service.sendUnlockCode({ verificationId: unlock.verificationId, deviceId });
      const code = h.service.deviceNotifications(deviceId)[0]!.code;
      const wrong = code === '0000' ? '1111' : '0000';
      const wrongAnswer = await h.service.completeUnlock({ verificationId: unlock.verificationId, code: wrong, newPassword: 'Brand-New-Pass-1' }).catch((e: { code: string }) => e.code);
      expect(wrongAnswer).toBe('CODE_INCORRECT');
      expect(hash).not.toHaveBeenCalled();
      expect(failures(h)).toBe(1);
      await h.service.completeUnlock({ verificationId: unlock.verificationId, code, newPassword: 'Brand-New-Pass-1' });
      expect(hash).toHaveBeenCalledTimes(1);
      expect(failures(h)).toBe(0);
    } finally {
      hash.mockRestore();
    }
  });
});
