import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT, openMail } from './mail-harness.js';
import { Wire } from './wire.js';

/** SMTP submission as RFC 6409 and RFC 2034 have it, and as iCloud refused a foreign From. */
const USER = DEMO_ACCOUNT.appleId;
const plain = (password: string) => Buffer.from(`\0${USER}\0${password}`).toString('base64');

async function signedIn(port: number, password: string): Promise<{ wire: Wire; ehlo: string[] }> {
  const wire = await Wire.open(port);
  await wire.reply();
  wire.send('EHLO client.example');
  const ehlo = await wire.reply();
  wire.send(`AUTH PLAIN ${plain(password)}`);
  expect((await wire.reply())[0]).toMatch(/^235 /);
  return { wire, ehlo };
}

async function submit(wire: Wire, message: string): Promise<string[]> {
  wire.send(`MAIL FROM:<${USER}>`);
  expect((await wire.reply())[0]).toMatch(/^250 2\.1\.0 /);
  wire.send(`RCPT TO:<${USER}>`);
  expect((await wire.reply())[0]).toMatch(/^250 2\.1\.5 /);
  wire.send('DATA');
  expect((await wire.reply())[0]).toMatch(/^354 /);
  wire.socket.write(`${message.replace(/\r?\n/g, '\r\n')}\r\n.\r\n`);
  return wire.reply();
}

describe('SMTP submission', () => {
  it("never says this machine's host name, advertises ENHANCEDSTATUSCODES and puts a code on every reply (RFC 2034)", async () => {
    const h = await openMail();
    const { wire, ehlo } = await signedIn(h.mail.smtpPort, h.appPassword);
    expect(ehlo[0]).toBe('250-127.0.0.1');
    expect(ehlo.join('\n')).not.toContain(hostname());
    expect(ehlo).toContain('250-ENHANCEDSTATUSCODES');
    wire.send('NOOP');
    expect(await wire.reply()).toEqual(['250 2.0.0 OK']);
    wire.send('FROB');
    expect((await wire.reply())[0]).toMatch(/^500 5\.5\.\d /);
    wire.close();
  });

  it('adds Date and Message-ID to a message that lacks them (RFC 6409 §8.2, §8.3), and leaves those a message has', async () => {
    const h = await openMail();
    const { wire } = await signedIn(h.mail.smtpPort, h.appPassword);
    expect((await submit(wire, `From: ${USER}\nTo: ${USER}\nSubject: bare\n\nno date, no id`))[0]).toMatch(/^250 2\.0\.0 /);
    expect((await submit(wire, `From: ${USER}\nTo: ${USER}\nSubject: dressed\nDate: Sun, 01 Feb 2015 10:00:00 +0900\nMessage-ID: <mine@client.example>\n\nkept`))[0]).toMatch(/^250 2\.0\.0 /);
    wire.close();
    const inbox = h.mail.mailboxes.inbox(1);
    const [bare, dressed] = h.mail.mailboxes.listing(inbox.id).slice(-2).map((m) => h.mail.mailboxes.message(inbox.id, m.uid)!.raw.toString());
    expect(bare).toMatch(/\r\nDate: [A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0000\r\n/);
    expect(bare).toMatch(/\r\nMessage-ID: <[0-9a-f-]{36}@twostep\.example>\r\n/);
    expect(dressed!.match(/^Date:/gm)).toHaveLength(1);
    expect(dressed).toContain('Date: Sun, 01 Feb 2015 10:00:00 +0900');
    expect(dressed!.match(/^Message-ID:/gim)).toHaveLength(1);
  });

  it("refuses a From: header that is not the signed-in Apple ID, as iCloud did, and delivers nothing", async () => {
    const h = await openMail();
    const { wire } = await signedIn(h.mail.smtpPort, h.appPassword);
    const before = h.mail.mailboxes.counts(h.mail.mailboxes.inbox(1).id).messages;
    for (const from of ['"The CEO" <ceo@twostep.example>', `${USER}, ceo@twostep.example`]) {
      expect(await submit(wire, `From: ${from}\nTo: ${USER}\nSubject: spoof\n\nx`)).toEqual(['550 5.7.0 From address is not one of your addresses']);
    }
    expect(await submit(wire, `To: ${USER}\nSubject: no From at all\n\nx`)).toEqual(['550 5.7.0 From address is not one of your addresses']);
    expect((await submit(wire, `From: "Demo" <${USER.toUpperCase()}>\nTo: ${USER}\nSubject: mine\n\nx`))[0]).toMatch(/^250 /);
    expect(h.mail.mailboxes.counts(h.mail.mailboxes.inbox(1).id).messages).toBe(before + 1);
    wire.close();
  });

  it("gmail: a new id in each connection's greeting, its EHLO line, and that id in its refusals", async () => {
    const h = await openMail({ profile: 'gmail' });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const wire = await Wire.open(h.mail.smtpPort);
      const [greeting] = await wire.reply();
      const id = /^220 127\.0\.0\.1 ESMTP (\S+) - gsmtp$/.exec(greeting!)![1]!;
      ids.push(id);
      wire.send('EHLO client.example');
      expect((await wire.reply())[0]).toBe('250-127.0.0.1 at your service, [127.0.0.1]');
      wire.send(`AUTH PLAIN ${plain(DEMO_ACCOUNT.password)}`);
      expect((await wire.reply())[1]).toBe(`534 5.7.9  https://support.google.com/accounts/answer/185833 ${id} - gsmtp`);
      wire.close();
    }
    expect(new Set(ids).size).toBe(3);
  });
});
