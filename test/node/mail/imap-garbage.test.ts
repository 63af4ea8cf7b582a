import fc from 'fast-check';
import { expect, it } from 'vitest';
import { openMail, DEMO_ACCOUNT } from './mail-harness.js';
import { imapSignedIn } from './wire.js';

/**
 * Garbage at a signed-in IMAP session: every line gets an answer (tagged or `* BAD`), the
 * session goes on (NOOP still answers), nothing in the mailbox changes unless the line was a
 * well-formed command that changes it, and the process never throws.
 */
it('answers 300 random command lines with a protocol answer each, and keeps serving', async () => {
  const h = await openMail();
  const wire = await imapSignedIn(h.mail.imapPort, DEMO_ACCOUNT.appleId, h.appPassword);
  const box = h.mail.mailboxes.inbox(1);
  const before = JSON.stringify(h.mail.mailboxes.listing(box.id).map((m) => m.uid));
  const word = fc.constantFrom('FETCH', 'UID', 'STORE', 'SEARCH', 'SELECT', 'LIST', 'STATUS', 'ID', 'APPEND', 'EXAMINE', 'BODY[', '(', ')', '"', '{3}', '*', '1:*', '\\Seen', 'NIL', '<0.1>');
  const line = fc.oneof(
    fc.string({ maxLength: 200 }).map((s) => s.replace(/[\r\n]/g, ' ')),
    fc.array(word, { maxLength: 12 }).map((words) => `g ${words.join(' ')}`),
  );
  let cases = 0;
  await fc.assert(
    fc.asyncProperty(line, async (text) => {
      // A literal announced at the end would wait for its bytes: the property is about lines.
      const safe = text.replace(/\{\d+\+?\}$/, '');
      wire.send(safe);
      wire.send(`z${cases} NOOP`);
      const lines = await wire.until(`z${cases}`);
      expect(lines.at(-1)).toBe(`z${cases} OK NOOP completed`);
      cases += 1;
    }),
    { numRuns: 300, seed: 20151 },
  );
  expect(cases).toBe(300);
  const after = JSON.stringify(h.mail.mailboxes.listing(box.id).map((m) => m.uid));
  expect(after).toBe(before);
  wire.close();
});
