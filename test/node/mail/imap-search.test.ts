import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT, openMail } from './mail-harness.js';
import { imapSignedIn, type Wire } from './wire.js';

/** SEARCH with every key of RFC 3501 §6.4.4, as offlineimap, aerc and mutt send them; APPEND as §6.3.11 has it. */
const USER = DEMO_ACCOUNT.appleId;

const MESSAGES = [
  [
    'From: "Taro Yamada" <taro@twostep.example>',
    'To: demo@twostep.example',
    'Cc: hanako@twostep.example',
    'Bcc: secret@twostep.example',
    'Subject: =?UTF-8?B?5Lya6K2w44Gu5pel56iL?=',
    'Date: Sun, 01 Feb 2015 23:30:00 -0800',
    'X-OfflineIMAP: 1234-abcd',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from('明日の会議は十時からです。\r\n').toString('base64'),
    '',
  ].join('\r\n'),
  [
    'From: billing@example.com',
    'To: demo@twostep.example',
    'Subject: Your invoice',
    'Date: Tue, 03 Feb 2015 09:00:00 +0000',
    'Content-Type: text/plain; charset=iso-8859-1',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    'Total: 12 =80, caf=E9 included.',
    '',
  ].join('\r\n'),
];

async function mailbox(): Promise<{ wire: Wire; close: () => void }> {
  const h = await openMail();
  const wire = await imapSignedIn(h.mail.imapPort, USER, h.appPassword);
  for (const [i, text] of MESSAGES.entries()) {
    wire.socket.write(`a${i} APPEND INBOX (\\Seen${i === 1 ? ' \\Flagged $Invoice' : ''}) "0${i + 2}-Feb-2015 12:00:00 +0000" {${Buffer.byteLength(text)}+}\r\n${text}\r\n`);
    expect((await wire.until(`a${i}`)).at(-1)).toMatch(new RegExp(`^a${i} OK \\[APPENDUID \\d+ ${i + 2}\\] APPEND completed$`));
  }
  return { wire, close: () => wire.close() };
}

/**
 * Message 1 is the notification mail of the app-specific password; 2 and 3 are the two above,
 * appended while INBOX was selected, so all three are \\Recent for this session.
 */
const CASES: [string, string][] = [
  ['SUBJECT "会議"', '2'],
  ['SUBJECT invoice', '3'],
  ['SUBJECT "app-specific password"', '1'],
  ['FROM taro', '2'],
  ['FROM "Taro Yamada"', '2'],
  ['TO demo@twostep.example', '1 2 3'],
  ['CC hanako', '2'],
  ['BCC secret', '2'],
  ['BODY "十時"', '2'],
  ['BODY "café"', '3'],
  ['TEXT billing', '3'],
  ['TEXT "十時"', '2'],
  ['HEADER X-OfflineIMAP "1234-abcd"', '2'],
  ['HEADER X-OfflineIMAP ""', '2'],
  ['HEADER Content-Transfer-Encoding base64', '2'],
  ['KEYWORD $Invoice', '3'],
  ['UNKEYWORD $Invoice', '1 2'],
  ['LARGER 300', '1 2'],
  ['SMALLER 300', '3'],
  ['SENTBEFORE 2-Feb-2015', '1 2'],
  ['SENTON 1-Feb-2015', '1 2'],
  ['SENTSINCE 2-Feb-2015', '3'],
  ['ON 2-Feb-2015', '2'],
  ['SINCE 3-Feb-2015', '3'],
  ['BEFORE 2-Feb-2015', '1'],
  ['FLAGGED', '3'],
  ['SEEN', '2 3'],
  ['UNSEEN', '1'],
  ['ANSWERED', ''],
  ['UNANSWERED DELETED', ''],
  ['NOT SEEN', '1'],
  ['OR FROM taro FROM billing', '2 3'],
  ['(FROM taro) (SEEN)', '2'],
  ['2:*', '2 3'],
  ['*', '3'],
  ['UID 1,3', '1 3'],
  ['CHARSET UTF-8 SUBJECT {6+}\r\n会議', '2'],
  ['CHARSET US-ASCII SUBJECT invoice', '3'],
  ['NEW', '1'],
  ['OLD', ''],
  ['RECENT', '1 2 3'],
  ['ALL', '1 2 3'],
];

describe('SEARCH: every key of RFC 3501 §6.4.4', () => {
  // Message 2's Date is 1 Feb in its own zone and 2 Feb in UTC: the SENT keys read it as written.
  it.each(CASES)('SEARCH %s → %s', async (keys, found) => {
    const { wire, close } = await mailbox();
    wire.send(`s1 SEARCH ${keys}`);
    expect(await wire.until('s1')).toEqual([`* SEARCH${found ? ` ${found}` : ''}`, 's1 OK SEARCH completed']);
    close();
  });

  it("offlineimap's UID SEARCH HEADER finds the message it just appended", async () => {
    const { wire, close } = await mailbox();
    wire.send('u1 UID SEARCH HEADER X-OfflineIMAP 1234-abcd');
    expect(await wire.until('u1')).toEqual(['* SEARCH 2', 'u1 OK UID SEARCH completed']);
    close();
  });

  it('refuses a charset it does not know (NO [BADCHARSET]) and malformed keys (BAD)', async () => {
    const { wire, close } = await mailbox();
    wire.send('b1 SEARCH CHARSET KOI8-R SUBJECT x');
    expect(await wire.until('b1')).toEqual(['b1 NO [BADCHARSET (UTF-8 US-ASCII)] Unsupported charset']);
    for (const [tag, keys] of [['b2', 'FROB'], ['b3', 'LARGER x'], ['b4', 'SENTON 31-Feb-2015'], ['b5', 'OR SEEN'], ['b6', 'HEADER Subject'], ['b7', 'NOT'], ['b8', '']] as const) {
      wire.send(`${tag} SEARCH ${keys}`.trimEnd());
      expect((await wire.until(tag)).at(-1)).toMatch(new RegExp(`^${tag} BAD `));
    }
    close();
  });
});

describe('APPEND (RFC 3501 §6.3.11)', () => {
  it('keeps keywords (PERMANENTFLAGS has \\*), refuses \\Recent and an impossible date, and names the new UID (APPENDUID)', async () => {
    const h = await openMail();
    const wire = await imapSignedIn(h.mail.imapPort, USER, h.appPassword, false);
    const text = 'Subject: kept\r\n\r\nx\r\n';
    wire.socket.write(`a1 APPEND INBOX (\\Flagged $Label1) {${text.length}+}\r\n${text}\r\n`);
    expect(await wire.until('a1')).toEqual([expect.stringMatching(/^a1 OK \[APPENDUID \d+ 2\] APPEND completed$/)]);
    wire.socket.write(`a2 APPEND INBOX "31-Feb-2015 10:00:00 +0000" {${text.length}+}\r\n${text}\r\n`);
    expect(await wire.until('a2')).toEqual(['a2 BAD Invalid date-time']);
    wire.socket.write(`a3 APPEND INBOX (\\Recent) {${text.length}+}\r\n${text}\r\n`);
    expect((await wire.until('a3')).at(-1)).toMatch(/^a3 BAD /);
    wire.socket.write(`a4 APPEND INBOX "29-Feb-2016 23:59:59 -0700" {${text.length}+}\r\n${text}\r\n`);
    expect((await wire.until('a4')).at(-1)).toMatch(/^a4 OK /);
    wire.send('s1 SELECT INBOX');
    await wire.until('s1');
    wire.send('f1 UID FETCH 2:3 (FLAGS INTERNALDATE)');
    expect(await wire.until('f1')).toEqual([
      expect.stringMatching(/^\* 2 FETCH \(UID 2 FLAGS \(\\Flagged \$Label1 \\Recent\) INTERNALDATE "/),
      expect.stringContaining('INTERNALDATE "01-Mar-2016 06:59:59 +0000"'),
      'f1 OK UID FETCH completed',
    ]);
    wire.close();
  });
});
