import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT, openMail } from './mail-harness.js';
import { imapSignedIn, type Wire } from './wire.js';

/**
 * Folders (RFC 3501 §6.3.3–6.3.9, §6.4.7; RFC 6851 MOVE; RFC 6154 SPECIAL-USE; RFC 4315
 * UIDPLUS): what Thunderbird's "move to Trash", a Drafts folder and a client's own folders need.
 */
const USER = DEMO_ACCOUNT.appleId;

function message(subject: string, body = 'Hello.'): string {
  return `From: ${USER}\r\nTo: ${USER}\r\nSubject: ${subject}\r\nDate: Mon, 2 Feb 2015 10:00:00 +0000\r\nMessage-ID: <${subject.replace(/\W/g, '')}@twostep.example>\r\n\r\n${body}\r\n`;
}

async function append(wire: Wire, box: string, text: string, tag = 'ap'): Promise<string[]> {
  wire.socket.write(`${tag} APPEND "${box}" {${Buffer.byteLength(text)}+}\r\n${text}\r\n`);
  return wire.until(tag);
}

describe('the folders each profile had', () => {
  it('icloud: INBOX, Sent Messages, Deleted Messages, Drafts and Junk, marked by SPECIAL-USE', async () => {
    const h = await openMail({ profile: 'icloud' });
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
    wire.close();
  });

  it('gmail: [Gmail]/Sent Mail, [Gmail]/Trash, [Gmail]/Drafts and [Gmail]/Spam under a [Gmail] that cannot be selected', async () => {
    const h = await openMail({ profile: 'gmail' });
    const wire = await imapSignedIn(h.mail.imapPort, USER, h.appPassword, false);
    wire.send('l1 LIST "" "*"');
    const lines = await wire.until('l1');
    expect(lines.slice(0, -1).sort()).toEqual(
      [
        '* LIST (\\HasNoChildren) "/" INBOX',
        '* LIST (\\HasChildren \\Noselect) "/" [Gmail]',
        '* LIST (\\HasNoChildren \\Drafts) "/" [Gmail]/Drafts',
        '* LIST (\\HasNoChildren \\Sent) "/" "[Gmail]/Sent Mail"',
        '* LIST (\\HasNoChildren \\Junk) "/" [Gmail]/Spam',
        '* LIST (\\HasNoChildren \\Trash) "/" [Gmail]/Trash',
      ].sort(),
    );
    wire.send('l2 LIST "" %');
    expect((await wire.until('l2')).slice(0, -1).sort()).toEqual(['* LIST (\\HasChildren \\Noselect) "/" [Gmail]', '* LIST (\\HasNoChildren) "/" INBOX']);
    wire.send('l3 LIST "" "[Gmail]/%"');
    expect((await wire.until('l3')).length).toBe(5);
    wire.send('s1 SELECT [Gmail]');
    expect((await wire.until('s1')).at(-1)).toMatch(/^s1 NO /);
    wire.close();
  });
});

describe('CREATE, RENAME, DELETE, SUBSCRIBE', () => {
  it('creates a folder (and its parents), renames it with its children, deletes it; each refusal says why and changes nothing', async () => {
    const h = await openMail();
    const wire = await imapSignedIn(h.mail.imapPort, USER, h.appPassword, false);
    wire.send('c1 CREATE Projects/2015');
    expect(await wire.until('c1')).toEqual(['c1 OK CREATE completed']);
    wire.send('c2 CREATE Projects');
    expect(await wire.until('c2')).toEqual(['c2 NO [ALREADYEXISTS] Mailbox already exists']);
    wire.send('c3 CREATE INBOX');
    expect(await wire.until('c3')).toEqual(['c3 NO [ALREADYEXISTS] Mailbox already exists']);
    wire.send('c4 CREATE "Deleted Messages"');
    expect(await wire.until('c4')).toEqual(['c4 NO [ALREADYEXISTS] Mailbox already exists']);
    for (const [tag, bad] of [['c5', '"a//b"'], ['c6', '"/lead"'], ['c7', '"\\\\Sent"'], ['c8', '"wild*"'], ['c9', '"100%"'], ['c10', '""']] as const) {
      wire.send(`${tag} CREATE ${bad}`);
      expect((await wire.until(tag)).at(-1)).toMatch(new RegExp(`^${tag} NO \\[CANNOT\\] `));
    }
    // A trailing delimiter only says children will follow (RFC 3501 §6.3.3).
    wire.send('t1 CREATE Later/');
    expect(await wire.until('t1')).toEqual(['t1 OK CREATE completed']);
    wire.send('t2 LIST "" Later');
    expect(await wire.until('t2')).toEqual(['* LIST (\\HasNoChildren) "/" Later', 't2 OK LIST completed']);
    wire.send('l1 LIST "" "Projects*"');
    expect(await wire.until('l1')).toEqual(['* LIST (\\HasChildren) "/" Projects', '* LIST (\\HasNoChildren) "/" Projects/2015', 'l1 OK LIST completed']);
    await append(wire, 'Projects/2015', message('Plan'));
    wire.send('r1 RENAME Projects Archive-2015');
    expect(await wire.until('r1')).toEqual(['r1 OK RENAME completed']);
    wire.send('r2 STATUS Archive-2015/2015 (MESSAGES)');
    expect(await wire.until('r2')).toEqual(['* STATUS Archive-2015/2015 (MESSAGES 1)', 'r2 OK STATUS completed']);
    wire.send('r3 RENAME "Sent Messages" Elsewhere');
    expect(await wire.until('r3')).toEqual(['r3 NO [CANNOT] Sent Messages is a special mailbox and keeps its name']);
    wire.send('r4 RENAME Nothing Something');
    expect(await wire.until('r4')).toEqual(['r4 NO [NONEXISTENT] Mailbox doesn\'t exist']);
    wire.send('r5 RENAME Archive-2015 Junk');
    expect(await wire.until('r5')).toEqual(['r5 NO [ALREADYEXISTS] Mailbox already exists']);
    wire.send('d1 DELETE Archive-2015');
    expect(await wire.until('d1')).toEqual(['d1 NO [INUSE] Mailbox has children; delete them first']);
    wire.send('d2 DELETE Archive-2015/2015');
    expect(await wire.until('d2')).toEqual(['d2 OK DELETE completed']);
    wire.send('d3 DELETE Archive-2015');
    expect(await wire.until('d3')).toEqual(['d3 OK DELETE completed']);
    wire.send('d4 DELETE INBOX');
    expect(await wire.until('d4')).toEqual(['d4 NO [CANNOT] INBOX is a special mailbox and can\'t be deleted']);
    wire.send('d5 DELETE Drafts');
    expect(await wire.until('d5')).toEqual(['d5 NO [CANNOT] Drafts is a special mailbox and can\'t be deleted']);
    // A folder made again with a deleted one's name gets a new UIDVALIDITY (RFC 3501 §2.3.1.1).
    wire.send('c11 CREATE Again');
    await wire.until('c11');
    wire.send('v1 STATUS Again (UIDVALIDITY)');
    const first = (await wire.until('v1'))[0];
    wire.send('c12 DELETE Again');
    await wire.until('c12');
    wire.send('c13 CREATE Again');
    await wire.until('c13');
    wire.send('v2 STATUS Again (UIDVALIDITY)');
    expect((await wire.until('v2'))[0]).not.toBe(first);
    wire.close();
  });

  it('UNSUBSCRIBE takes a folder out of LSUB, SUBSCRIBE puts it back; LIST still lists it', async () => {
    const h = await openMail();
    const wire = await imapSignedIn(h.mail.imapPort, USER, h.appPassword, false);
    wire.send('u1 UNSUBSCRIBE Junk');
    expect(await wire.until('u1')).toEqual(['u1 OK UNSUBSCRIBE completed']);
    wire.send('u2 LSUB "" "*"');
    expect((await wire.until('u2')).join('\n')).not.toContain('Junk');
    wire.send('u3 LIST "" "J*"');
    expect(await wire.until('u3')).toEqual(['* LIST (\\HasNoChildren \\Junk) "/" Junk', 'u3 OK LIST completed']);
    wire.send('u4 SUBSCRIBE Junk');
    await wire.until('u4');
    wire.send('u5 LSUB "" "J*"');
    expect(await wire.until('u5')).toEqual(['* LSUB (\\HasNoChildren) "/" Junk', 'u5 OK LSUB completed']);
    wire.close();
  });

  it('a folder name in modified UTF-7 (RFC 3501 §5.1.3) is kept and listed as the client wrote it; raw 8-bit is refused', async () => {
    const h = await openMail();
    const wire = await imapSignedIn(h.mail.imapPort, USER, h.appPassword, false);
    // 「仕事」 in modified UTF-7.
    wire.send('c1 CREATE "&TtVOiw-"');
    expect(await wire.until('c1')).toEqual(['c1 OK CREATE completed']);
    wire.send('l1 LIST "" "&TtVOiw-"');
    expect(await wire.until('l1')).toEqual(['* LIST (\\HasNoChildren) "/" &TtVOiw-', 'l1 OK LIST completed']);
    wire.socket.write(Buffer.concat([Buffer.from('c2 CREATE "'), Buffer.from('仕事'), Buffer.from('"\r\n')]));
    expect((await wire.until('c2')).at(-1)).toMatch(/^c2 NO \[CANNOT\] /);
    // Not in modified UTF-7's one spelling: a bare `&`, base64 of plain ASCII, no closing `-`.
    for (const [tag, bad] of [['c3', 'AT&T'], ['c4', '&AGEAYgBj-'], ['c5', '&Jjo']] as const) {
      wire.send(`${tag} CREATE "${bad}"`);
      expect((await wire.until(tag)).at(-1)).toMatch(new RegExp(`^${tag} NO \\[CANNOT\\] `));
    }
    wire.send('c6 CREATE "AT&-T"');
    expect(await wire.until('c6')).toEqual(['c6 OK CREATE completed']);
    wire.close();
  });
});

describe('COPY and MOVE', () => {
  it("Thunderbird's move to Trash: UID MOVE answers COPYUID and EXPUNGE; the message is in Deleted Messages with its flags and date", async () => {
    const h = await openMail();
    const wire = await imapSignedIn(h.mail.imapPort, USER, h.appPassword);
    await append(wire, 'INBOX', message('Bin me'));
    wire.send('f1 UID STORE 2 +FLAGS.SILENT (\\Flagged $Label1)');
    await wire.until('f1');
    wire.send('s0 STATUS "Deleted Messages" (UIDVALIDITY)');
    const validity = /UIDVALIDITY (\d+)/.exec((await wire.until('s0'))[0]!)![1];
    wire.send('m1 UID MOVE 2 "Deleted Messages"');
    expect(await wire.until('m1')).toEqual([`* OK [COPYUID ${validity} 2 1] Moved`, '* 2 EXPUNGE', 'm1 OK MOVE completed']);
    wire.send('m2 SELECT "Deleted Messages"');
    expect((await wire.until('m2')).join('\n')).toContain('* 1 EXISTS');
    wire.send('m3 UID FETCH 1 (FLAGS INTERNALDATE BODY.PEEK[HEADER.FIELDS (SUBJECT)])');
    const fetched = (await wire.until('m3')).join('\n');
    expect(fetched).toContain('FLAGS (\\Flagged $Label1 \\Recent)');
    expect(fetched).toContain('Subject: Bin me');
    wire.send('m4 MOVE 1 INBOX');
    expect(await wire.until('m4')).toEqual([expect.stringMatching(/^\* OK \[COPYUID \d+ 1 3\] Moved$/), '* 1 EXPUNGE', 'm4 OK MOVE completed']);
    wire.close();
  });

  it('COPY keeps the original, answers COPYUID, refuses a folder that does not exist with TRYCREATE, and a message number past the end with BAD', async () => {
    const h = await openMail();
    const wire = await imapSignedIn(h.mail.imapPort, USER, h.appPassword);
    wire.send('c0 CREATE Keep');
    await wire.until('c0');
    wire.send('c1 COPY 1 Keep');
    expect(await wire.until('c1')).toEqual([expect.stringMatching(/^c1 OK \[COPYUID \d+ 1 1\] COPY completed$/)]);
    wire.send('c2 COPY 1 Nowhere');
    expect(await wire.until('c2')).toEqual(["c2 NO [TRYCREATE] Mailbox doesn't exist"]);
    wire.send('c3 COPY 5 Keep');
    expect(await wire.until('c3')).toEqual(['c3 BAD Invalid sequence set']);
    wire.send('c4 STATUS Keep (MESSAGES RECENT UNSEEN)');
    expect(await wire.until('c4')).toEqual(['* STATUS Keep (MESSAGES 1 RECENT 1 UNSEEN 1)', 'c4 OK STATUS completed']);
    wire.send('c5 STATUS INBOX (MESSAGES)');
    expect(await wire.until('c5')).toEqual(['* STATUS INBOX (MESSAGES 1)', 'c5 OK STATUS completed']);
    wire.close();
  });

  it('another session with the source folder selected is told of the moved message at its next NOOP; one with a deleted folder selected is let go', async () => {
    const h = await openMail();
    const a = await imapSignedIn(h.mail.imapPort, USER, h.appPassword);
    const b = await imapSignedIn(h.mail.imapPort, USER, h.appPassword);
    a.send('m1 MOVE 1 Junk');
    await a.until('m1');
    b.send('n1 NOOP');
    expect(await b.until('n1')).toEqual(['* 1 EXPUNGE', 'n1 OK NOOP completed']);
    a.send('c1 CREATE Doomed');
    await a.until('c1');
    b.send('s1 SELECT Doomed');
    await b.until('s1');
    a.send('d1 DELETE Doomed');
    expect(await a.until('d1')).toEqual(['d1 OK DELETE completed']);
    expect(await b.line()).toBe('* BYE Selected mailbox was deleted, have to disconnect.');
    await b.ended();
    a.close();
  });
});

describe('\\Recent (RFC 3501 §2.3.2)', () => {
  it('a new message is \\Recent for the first session that selects the folder, and for no other', async () => {
    const h = await openMail();
    const first = await imapSignedIn(h.mail.imapPort, USER, h.appPassword, false);
    first.send('s1 SELECT INBOX');
    expect(await first.until('s1')).toContain('* 1 RECENT');
    first.send('f1 FETCH 1 FLAGS');
    expect(await first.until('f1')).toEqual(['* 1 FETCH (FLAGS (\\Recent))', 'f1 OK FETCH completed']);
    first.send('f2 SEARCH NEW');
    expect(await first.until('f2')).toEqual(['* SEARCH 1', 'f2 OK SEARCH completed']);
    const second = await imapSignedIn(h.mail.imapPort, USER, h.appPassword, false);
    second.send('s2 SELECT INBOX');
    expect(await second.until('s2')).toContain('* 0 RECENT');
    second.send('f3 SEARCH OLD');
    expect(await second.until('f3')).toEqual(['* SEARCH 1', 'f3 OK SEARCH completed']);
    first.close();
    second.close();
  });
});
