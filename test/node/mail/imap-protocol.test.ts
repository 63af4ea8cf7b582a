import { connect as tlsConnect } from 'node:tls';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT, openMail } from './mail-harness.js';
import { imapSignedIn, Wire } from './wire.js';

const USER = DEMO_ACCOUNT.appleId;

const MULTIPART = [
  'From: "Taro Yamada" <taro@twostep.example>',
  'To: demo@twostep.example, "Group": a@b.example, c@d.example;',
  'Subject: =?UTF-8?B?44GT44KT44Gr44Gh44Gv?=',
  'Date: Sun, 01 Feb 2015 10:00:00 +0900',
  'Message-ID: <multi@twostep.example>',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="XX"',
  '',
  'preamble',
  '--XX',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Hello, first part.',
  '--XX',
  'Content-Type: application/octet-stream; name="a.bin"',
  'Content-Disposition: attachment; filename="a.bin"',
  'Content-Transfer-Encoding: base64',
  '',
  'AAECAw==',
  '--XX--',
  '',
].join('\r\n');

async function append(wire: Wire, message: string, tag = 'ap'): Promise<string[]> {
  wire.socket.write(`${tag} APPEND INBOX (\\Seen) {${Buffer.byteLength(message)}+}\r\n${message}\r\n`);
  return wire.until(tag);
}

describe('the IMAP session: states kept apart', () => {
  it('answers commands of another state with BAD and changes nothing', async () => {
    const h = await openMail();
    const wire = await Wire.open(h.mail.imapPort);
    await wire.line();
    wire.send('a1 SELECT INBOX');
    expect(await wire.until('a1')).toEqual(['a1 BAD Command SELECT is not valid in the not-authenticated state']);
    wire.send('a2 FETCH 1 FLAGS');
    expect(await wire.until('a2')).toEqual(['a2 BAD Command FETCH is not valid in the not-authenticated state']);
    wire.send(`a3 LOGIN ${USER} "${h.appPassword}"`);
    expect((await wire.until('a3')).at(-1)).toMatch(/^a3 OK/);
    wire.send(`a4 LOGIN ${USER} "${h.appPassword}"`);
    expect(await wire.until('a4')).toEqual(['a4 BAD Command LOGIN is not valid in the authenticated state']);
    wire.send('a5 STARTTLS');
    expect(await wire.until('a5')).toEqual(['a5 BAD Command STARTTLS is not valid in the authenticated state']);
    wire.send('a6 UID FETCH 1 FLAGS');
    expect(await wire.until('a6')).toEqual(['a6 BAD Command UID FETCH is not valid in the authenticated state']);
    wire.send('a7 FROB');
    expect(await wire.until('a7')).toEqual(['a7 BAD Unknown command FROB']);
    wire.send('a8 SELECT');
    expect(await wire.until('a8')).toEqual(['a8 BAD SELECT takes a mailbox name']);
    wire.send('"unbalanced');
    expect((await wire.line()).startsWith('* BAD Error in IMAP command')).toBe(true);
    wire.send('a9 SELECT "Other User/INBOX"');
    expect(await wire.until('a9')).toEqual(['a9 NO [NONEXISTENT] Mailbox doesn\'t exist: Other User/INBOX']);
    wire.send('a10 LOGOUT');
    expect(await wire.until('a10')).toEqual(['* BYE Logging out', 'a10 OK LOGOUT completed']);
    await wire.ended();
  });

  it('answers pipelined commands in order, each with its own tag', async () => {
    const h = await openMail();
    const wire = await Wire.open(h.mail.imapPort);
    await wire.line();
    wire.send(`p1 LOGIN ${USER} "${h.appPassword}"\r\np2 SELECT INBOX\r\np3 UID SEARCH ALL\r\np4 NOOP\r\np5 LOGOUT`);
    const lines = await wire.until('p5');
    const tagged = lines.filter((l) => /^p\d /.test(l)).map((l) => l.split(' ').slice(0, 2).join(' '));
    expect(tagged).toEqual(['p1 OK', 'p2 OK', 'p3 OK', 'p4 OK', 'p5 OK']);
    expect(lines).toContain('* SEARCH 1');
  });

  it('refuses an oversize literal: a synchronizing one with BAD [TOOBIG] (the session goes on), a non-synchronizing one by closing', async () => {
    const h = await openMail();
    const wire = await Wire.open(h.mail.imapPort);
    await wire.line();
    wire.send('big LOGIN {100000000}');
    expect(await wire.line()).toBe('big BAD [TOOBIG] Literal too large');
    wire.send('big1 LOGIN {70000}');
    expect(await wire.line()).toBe('big1 BAD [TOOBIG] Literal too large');
    wire.send('n1 NOOP');
    expect(await wire.until('n1')).toEqual(['n1 OK NOOP completed']);
    wire.send('big2 LOGIN x {999999999+}');
    expect(await wire.line()).toBe('* BYE Too much data (literal too long)');
    await wire.ended();
    const long = await Wire.open(h.mail.imapPort);
    await long.line();
    long.socket.write(`x ${'A'.repeat(20_000)}`);
    expect(await long.line()).toBe('* BYE Too much data (line too long)');
    await long.ended();
  });

  it('takes LOGIN with literals (synchronizing and LITERAL+) and AUTHENTICATE PLAIN after a continuation; * cancels', async () => {
    const h = await openMail();
    const wire = await Wire.open(h.mail.imapPort);
    await wire.line();
    wire.send(`l1 AUTHENTICATE PLAIN`);
    expect(await wire.line()).toBe('+ ');
    wire.send('*');
    expect(await wire.until('l1')).toEqual(['l1 BAD Authentication cancelled']);
    wire.send(`l2 AUTHENTICATE PLAIN`);
    expect(await wire.line()).toBe('+ ');
    wire.send('not base64!');
    expect(await wire.until('l2')).toEqual(['l2 BAD Invalid SASL PLAIN response']);
    wire.send('l3 AUTHENTICATE CRAM-MD5');
    expect(await wire.until('l3')).toEqual(['l3 NO [CANNOT] Unsupported authentication mechanism']);
    wire.send(`l4 AUTHENTICATE PLAIN ${Buffer.from(`other@twostep.example\0${USER}\0${h.appPassword}`).toString('base64')}`);
    expect(await wire.until('l4')).toEqual(['l4 NO [AUTHORIZATIONFAILED] Authorization as another user is not allowed']);
    wire.send(`l5 LOGIN {${USER.length}}`);
    expect(await wire.line()).toBe('+ Ready for literal data');
    wire.send(`${USER} {${h.appPassword.length}+}\r\n${h.appPassword}`);
    expect((await wire.until('l5')).at(-1)).toMatch(/^l5 OK \[CAPABILITY/);
    wire.close();
  });

  it('STARTTLS: drops what was pipelined after it, then speaks TLS with the certificate kept in the data folder', async () => {
    const h = await openMail();
    const wire = await Wire.open(h.mail.imapPort);
    await wire.line();
    wire.send(`t1 STARTTLS\r\nt2 LOGIN ${USER} "${h.appPassword}"`);
    expect(await wire.line()).toBe('t1 OK Begin TLS negotiation now');
    const ca = readFileSync(join(h.dataDir, 'mail-tls-cert.pem'));
    // Made on first start, beside the store, readable by its owner alone.
    for (const file of ['mail-tls-cert.pem', 'mail-tls-key.pem']) expect(statSync(join(h.dataDir, file)).mode & 0o777).toBe(0o600);
    const secure = tlsConnect({ socket: wire.socket, ca, servername: 'localhost' });
    await new Promise<void>((resolve, reject) => secure.once('secureConnect', resolve).once('error', reject));
    let received = '';
    secure.on('data', (d: Buffer) => (received += d.toString()));
    secure.write('t3 CAPABILITY\r\n');
    await expect.poll(() => received).toMatch(/t3 OK/);
    // t2 was sent in the clear before the handshake: never run.
    expect(received).not.toContain('t2');
    expect(received).toMatch(/\* CAPABILITY [^\r]*AUTH=PLAIN/);
    expect(received).not.toMatch(/\* CAPABILITY [^\r]*STARTTLS/);
    secure.destroy();
  });
});

describe('mailboxes', () => {
  it('FETCH answers a multipart message part by part: BODYSTRUCTURE, ENVELOPE with a group, sections, MIME headers and partials', async () => {
    const h = await openMail();
    const wire = await imapSignedIn(h.mail.imapPort, USER, h.appPassword);
    // The selected mailbox grew: said before APPEND's OK (the new message is \\Recent here).
    expect(await append(wire, MULTIPART)).toEqual(['* 2 EXISTS', '* 2 RECENT', expect.stringMatching(/^ap OK \[APPENDUID \d+ 2\] APPEND completed$/)]);
    wire.send('f2 UID FETCH 2 (BODYSTRUCTURE ENVELOPE)');
    const structure = (await wire.until('f2')).join('\r\n');
    expect(structure).toContain(
      'BODYSTRUCTURE (("TEXT" "PLAIN" ("CHARSET" "utf-8") NIL NIL "7BIT" 18 1 NIL NIL NIL NIL)("APPLICATION" "OCTET-STREAM" ("NAME" "a.bin") NIL NIL "BASE64" 8 NIL ("ATTACHMENT" ("FILENAME" "a.bin")) NIL NIL) "MIXED" ("BOUNDARY" "XX") NIL NIL NIL)',
    );
    expect(structure).toContain(
      'ENVELOPE ("Sun, 01 Feb 2015 10:00:00 +0900" "=?UTF-8?B?44GT44KT44Gr44Gh44Gv?=" (("Taro Yamada" NIL "taro" "twostep.example")) (("Taro Yamada" NIL "taro" "twostep.example")) (("Taro Yamada" NIL "taro" "twostep.example")) ((NIL NIL "demo" "twostep.example")(NIL NIL "Group" NIL)(NIL NIL "a" "b.example")(NIL NIL "c" "d.example")(NIL NIL NIL NIL)) NIL NIL NIL "<multi@twostep.example>")',
    );
    wire.send('f3 UID FETCH 2 (BODY.PEEK[1] BODY.PEEK[2.MIME] BODY.PEEK[1]<7.5> BODY.PEEK[HEADER.FIELDS.NOT (TO FROM DATE MESSAGE-ID MIME-VERSION CONTENT-TYPE)])');
    const sections = (await wire.until('f3')).join('\r\n');
    // The CRLF before a boundary belongs to the boundary (RFC 2046 §5.1.1).
    expect(sections).toContain('BODY[1] {18}\r\nHello, first part. BODY[2.MIME] {142}\r\n');
    expect(sections).toContain('Content-Type: application/octet-stream; name="a.bin"\r\nContent-Disposition: attachment; filename="a.bin"\r\nContent-Transfer-Encoding: base64\r\n\r\n BODY[1]<7> {5}\r\nfirst ');
    expect(sections).toContain('BODY[HEADER.FIELDS.NOT (TO FROM DATE MESSAGE-ID MIME-VERSION CONTENT-TYPE)] {45}\r\nSubject: =?UTF-8?B?44GT44KT44Gr44Gh44Gv?=\r\n\r\n)');
    wire.send('f4 FETCH 3 FLAGS');
    expect(await wire.until('f4')).toEqual(['f4 BAD Invalid sequence set']);
    wire.send('f5 FETCH 1 (FLAGS BODY[TEXT])');
    const read = (await wire.until('f5')).join('\r\n');
    expect(read).toMatch(/FLAGS \(\\Seen \\Recent\)/);
    wire.close();
  });

  it('SEARCH, STORE and EXPUNGE; another session of the account is told (FETCH FLAGS, EXPUNGE) at its next NOOP', async () => {
    const h = await openMail();
    const a = await imapSignedIn(h.mail.imapPort, USER, h.appPassword);
    await append(a, MULTIPART);
    const b = await imapSignedIn(h.mail.imapPort, USER, h.appPassword);
    a.send('s1 UID SEARCH UNSEEN');
    expect(await a.until('s1')).toEqual(['* SEARCH 1', 's1 OK UID SEARCH completed']);
    a.send('s2 SEARCH SINCE 1-Feb-2015 NOT SEEN');
    expect(await a.until('s2')).toEqual(['* SEARCH 1', 's2 OK SEARCH completed']);
    a.send('s3 UID SEARCH UID 2:*');
    expect(await a.until('s3')).toEqual(['* SEARCH 2', 's3 OK UID SEARCH completed']);
    a.send('s4 SEARCH FROB');
    expect(await a.until('s4')).toEqual(['s4 BAD Unsupported or malformed search keys']);
    a.send('s5 UID STORE 1 +FLAGS (\\Deleted \\Flagged)');
    // \\Recent: this session was the first to see message 1 (RFC 3501 §2.3.2).
    expect(await a.until('s5')).toEqual(['* 1 FETCH (UID 1 FLAGS (\\Deleted \\Flagged \\Recent))', 's5 OK UID STORE completed']);
    a.send('s6 STORE 1 FLAGS (\\Recent)');
    expect(await a.until('s6')).toEqual(['s6 BAD STORE takes a sequence set, FLAGS / +FLAGS / -FLAGS[.SILENT] and flags']);
    b.send('n1 NOOP');
    expect(await b.until('n1')).toEqual(['* 1 FETCH (UID 1 FLAGS (\\Deleted \\Flagged))', 'n1 OK NOOP completed']);
    a.send('e1 EXPUNGE');
    expect(await a.until('e1')).toEqual(['* 1 EXPUNGE', 'e1 OK EXPUNGE completed']);
    b.send('n2 FETCH 1:* UID');
    // Not during a FETCH by number (RFC 3501 §7.4.1): the expunge waits for the NOOP.
    expect(await b.until('n2')).toEqual(['* 1 FETCH (UID 1)', '* 2 FETCH (UID 2)', 'n2 OK FETCH completed']);
    b.send('n3 NOOP');
    expect(await b.until('n3')).toEqual(['* 1 EXPUNGE', 'n3 OK NOOP completed']);
    a.close();
    b.close();
  });

  it('IDLE tells of mail delivered over SMTP as it arrives, and DONE ends it', async () => {
    const h = await openMail();
    const wire = await imapSignedIn(h.mail.imapPort, USER, h.appPassword);
    wire.send('i1 IDLE');
    expect(await wire.line()).toBe('+ idling');
    h.mail.mailboxes.deliver(1, Buffer.from('Subject: hi\r\n\r\nhello\r\n'), Date.now());
    expect(await wire.line()).toBe('* 2 EXISTS');
    expect(await wire.line()).toBe('* 2 RECENT');
    wire.send('DONE');
    expect(await wire.until('i1')).toEqual(['i1 OK IDLE terminated']);
    wire.close();
  });

  it("never shows another account's mail: each Apple ID has its own INBOX, whatever name is asked for", async () => {
    const h = await openMail();
    await h.service.createAccount({ appleId: 'hanako@twostep.example', password: 'Hanako-Pass-2015', fullName: 'Hanako' });
    const hanako = h.service.mailAccount('hanako@twostep.example')!;
    h.mail.mailboxes.deliver(hanako.accountId, Buffer.from('Subject: for Hanako only\r\n\r\nsecret\r\n'), Date.now());
    const wire = await imapSignedIn(h.mail.imapPort, USER, h.appPassword, false);
    wire.send('l1 LIST "" "*"');
    expect(await wire.until('l1')).toEqual([
      '* LIST (\\HasNoChildren) "/" INBOX',
      '* LIST (\\HasNoChildren \\Trash) "/" "Deleted Messages"',
      '* LIST (\\HasNoChildren \\Drafts) "/" Drafts',
      '* LIST (\\HasNoChildren \\Junk) "/" Junk',
      '* LIST (\\HasNoChildren \\Sent) "/" "Sent Messages"',
      'l1 OK LIST completed',
    ]);
    wire.send('l2 STATUS INBOX (MESSAGES UNSEEN UIDNEXT)');
    expect(await wire.until('l2')).toEqual(['* STATUS INBOX (MESSAGES 1 UNSEEN 1 UIDNEXT 2)', 'l2 OK STATUS completed']);
    wire.send('l3 SELECT inbox');
    expect((await wire.until('l3')).join('\n')).toContain('* 1 EXISTS');
    wire.send('l4 UID FETCH 1:* (BODY.PEEK[HEADER.FIELDS (SUBJECT)])');
    const fetched = (await wire.until('l4')).join('\n');
    expect(fetched).not.toContain('Hanako');
    wire.close();
  });
});

describe('revocation', () => {
  it('ends the IMAP and SMTP sessions of that password at once (BYE, 421), leaving sessions of other passwords open', async () => {
    const h = await openMail();
    const other = h.service.createAppPassword(h.token, { label: 'Other app' });
    const imap = await imapSignedIn(h.mail.imapPort, USER, h.appPassword);
    const kept = await imapSignedIn(h.mail.imapPort, USER, other.password);
    const smtp = await Wire.open(h.mail.smtpPort);
    await smtp.reply();
    smtp.send('EHLO me');
    await smtp.reply();
    smtp.send(`AUTH PLAIN ${Buffer.from(`\0${USER}\0${h.appPassword}`).toString('base64')}`);
    expect(await smtp.reply()).toEqual(['235 2.7.0 Authentication successful']);
    expect(h.mail.registry.size).toBe(3);
    h.service.revokeAppPassword(h.token, { appPasswordId: h.appPasswordId });
    expect(await imap.line()).toBe('* BYE [ALERT] The app-specific password of this session was revoked.');
    await imap.ended();
    expect(await smtp.reply()).toEqual(['421 4.7.0 The app-specific password of this session was revoked. Closing connection']);
    await smtp.ended();
    kept.send('k1 NOOP');
    expect(await kept.until('k1')).toEqual(['k1 OK NOOP completed']);
    expect(h.mail.registry.size).toBe(1);
    // Revoke All and a password change end the rest.
    await h.service.runScenario({ event: 'change-password', appleId: USER, newPassword: 'A-New-Password-2015' });
    expect(await kept.line()).toBe('* BYE [ALERT] The Apple ID password was changed; app-specific passwords were revoked.');
    kept.close();
  });

  it('with "keep sessions on revoke" on, open sessions stay; the password still no longer signs in', async () => {
    const h = await openMail();
    h.mail.updateSettings({ keepSessionsOnRevoke: true });
    const imap = await imapSignedIn(h.mail.imapPort, USER, h.appPassword);
    h.service.revokeAppPassword(h.token, { appPasswordId: h.appPasswordId });
    imap.send('n1 NOOP');
    expect(await imap.until('n1')).toEqual(['n1 OK NOOP completed']);
    const again = await Wire.open(h.mail.imapPort);
    await again.line();
    again.send(`a LOGIN ${USER} "${h.appPassword}"`);
    expect(await again.until('a')).toEqual(['a NO [AUTHENTICATIONFAILED] Authentication failed']);
    imap.close();
    again.close();
  });

  it('an account without two-step signs in with its password, and a new password ends those sessions', async () => {
    const h = await openMail();
    await h.service.createAccount({ appleId: 'plain@twostep.example', password: 'Plain-Pass-2015', fullName: 'Plain' });
    const wire = await imapSignedIn(h.mail.imapPort, 'plain@twostep.example', 'Plain-Pass-2015');
    await h.service.runScenario({ event: 'change-password', appleId: 'plain@twostep.example', newPassword: 'Plain-Pass-2016' });
    expect(await wire.line()).toBe('* BYE [ALERT] The Apple ID password was changed; app-specific passwords were revoked.');
    await wire.ended();
  });

  it('Revoke All on an account without two-step revokes nothing, and ends no session opened with its password', async () => {
    const h = await openMail();
    await h.service.createAccount({ appleId: 'plain@twostep.example', password: 'Plain-Pass-2015', fullName: 'Plain' });
    const wire = await imapSignedIn(h.mail.imapPort, 'plain@twostep.example', 'Plain-Pass-2015');
    const token = (await h.service.signInAccountSite({ appleId: 'plain@twostep.example', password: 'Plain-Pass-2015' })) as { token: string };
    expect(h.service.revokeAllAppPasswords(token.token)).toEqual({ revoked: 0, signedOutApps: 0 });
    wire.send('n1 NOOP');
    expect(await wire.until('n1')).toEqual(['n1 OK NOOP completed']);
    wire.close();
  });

  it('Reset & restart ends every session, on an app-specific password and on an account password alike', async () => {
    const h = await openMail();
    await h.service.createAccount({ appleId: 'plain@twostep.example', password: 'Plain-Pass-2015', fullName: 'Plain' });
    const onAppPassword = await imapSignedIn(h.mail.imapPort, USER, h.appPassword);
    const onPassword = await imapSignedIn(h.mail.imapPort, 'plain@twostep.example', 'Plain-Pass-2015');
    await h.service.resetDemo();
    for (const wire of [onAppPassword, onPassword]) {
      expect(await wire.line()).toBe('* BYE [ALERT] The demo was reset.');
      await wire.ended();
    }
  });

  it('a client that names itself (ID) after signing in is named in View History; not once its password is revoked', async () => {
    const h = await openMail();
    h.mail.updateSettings({ keepSessionsOnRevoke: true });
    const wire = await imapSignedIn(h.mail.imapPort, USER, h.appPassword);
    h.clock.advance(60_000);
    wire.send('i1 ID ("name" "Thunderbird")');
    expect((await wire.until('i1')).at(-1)).toBe('i1 OK ID completed');
    expect(h.service.listAppPasswords(h.token)[0]).toMatchObject({ lastUsedBy: 'Thunderbird', lastUsedAt: h.clock.now() });

    // Kept open past the revocation (the setting): naming itself again changes nothing. (View
    // History no longer lists a revoked password: the store is read.)
    const lastUse = () =>
      h.service.database.prepare('SELECT last_used_by AS usedBy, last_used_at AS usedAt FROM app_passwords WHERE id = ?').get(h.appPasswordId);
    h.service.revokeAppPassword(h.token, { appPasswordId: h.appPasswordId });
    const whenRevoked = h.clock.now();
    h.clock.advance(60_000);
    wire.send('i2 ID ("name" "Thunderbird Beta")');
    expect((await wire.until('i2')).at(-1)).toBe('i2 OK ID completed');
    expect(lastUse()).toEqual({ usedBy: 'Thunderbird', usedAt: whenRevoked });
    wire.close();
  });
});

