import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCommand, type ImapArg } from '../../../main/mail/imap/parsed-command.js';
import { parseSequenceSet } from '../../../main/mail/imap/sequence-set.js';
import { DEMO_ACCOUNT, openMail } from './mail-harness.js';
import { imapSignedIn } from './wire.js';

/**
 * RFC 3501 §9's command grammar, as clients write it: what mutt, aerc and offlineimap send
 * (`FETCH * (UID)`, `LIST "" Sent*`) is taken, what the grammar does not allow is BAD.
 */
const USER = DEMO_ACCOUNT.appleId;

describe('the wire: sequence sets with *, unquoted wildcards, IDLE with arguments', () => {
  it('takes a bare * and * inside a set (FETCH, UID FETCH, STORE), and LIST with an unquoted wildcard; IDLE x is BAD', async () => {
    const h = await openMail();
    const wire = await imapSignedIn(h.mail.imapPort, USER, h.appPassword);
    wire.send('f1 FETCH * (UID)');
    expect(await wire.until('f1')).toEqual(['* 1 FETCH (UID 1)', 'f1 OK FETCH completed']);
    wire.send('f2 UID FETCH * FLAGS');
    expect(await wire.until('f2')).toEqual(['* 1 FETCH (UID 1 FLAGS (\\Recent))', 'f2 OK UID FETCH completed']);
    wire.send('f3 FETCH 1,* UID');
    expect(await wire.until('f3')).toEqual(['* 1 FETCH (UID 1)', 'f3 OK FETCH completed']);
    wire.send('f4 STORE * +FLAGS (\\Flagged)');
    expect(await wire.until('f4')).toEqual(['* 1 FETCH (FLAGS (\\Flagged \\Recent))', 'f4 OK STORE completed']);
    wire.send('f5 UID SEARCH UID *');
    expect(await wire.until('f5')).toEqual(['* SEARCH 1', 'f5 OK UID SEARCH completed']);
    wire.send('f6 FETCH *:1 (UID)');
    expect(await wire.until('f6')).toEqual(['* 1 FETCH (UID 1)', 'f6 OK FETCH completed']);
    wire.send('l1 LIST "" Sent*');
    expect(await wire.until('l1')).toEqual(['* LIST (\\HasNoChildren \\Sent) "/" "Sent Messages"', 'l1 OK LIST completed']);
    wire.send('l2 LIST "" %');
    expect((await wire.until('l2')).at(-1)).toBe('l2 OK LIST completed');
    wire.send('i1 IDLE x');
    expect(await wire.until('i1')).toEqual(['i1 BAD IDLE takes no arguments']);
    wire.send('n1 NOOP');
    expect(await wire.until('n1')).toEqual(['n1 OK NOOP completed']);
    wire.close();
  });
});

/** A model of what a client may send: each value and the text it is written as. */
type Model = { kind: 'atom' | 'string'; value: string } | { kind: 'list'; items: Model[] };

const ATOM_CHARS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$&\'+,-./:;<=>?@^_`|~'];
const tagText = fc.array(fc.constantFrom(...ATOM_CHARS.filter((c) => c !== '+')), { minLength: 1, maxLength: 8 }).map((a) => a.join(''));
const atomText = fc.array(fc.constantFrom(...ATOM_CHARS), { minLength: 1, maxLength: 12 }).map((a) => a.join(''));
const sequenceSet = fc
  .array(
    fc.tuple(fc.oneof(fc.integer({ min: 1, max: 4_294_967_295 }).map(String), fc.constant('*')), fc.option(fc.oneof(fc.integer({ min: 1, max: 99 }).map(String), fc.constant('*')))),
    { minLength: 1, maxLength: 5 },
  )
  .map((ranges) => ranges.map(([a, b]) => (b === null ? a : `${a}:${b}`)).join(','));
const listMailbox = fc.array(fc.constantFrom(...ATOM_CHARS, '%', '*', ']', '['), { minLength: 1, maxLength: 10 }).map((a) => a.join(''));
const flag = fc.oneof(fc.constantFrom('\\Seen', '\\Answered', '\\Flagged', '\\Deleted', '\\Draft', '\\*'), atomText);
const quoted = fc.string({ maxLength: 20 }).map((s) => s.replace(/[\r\n\0]/g, ''));
const model: fc.Arbitrary<Model> = fc.letrec<{ value: Model }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.oneof(atomText, sequenceSet, listMailbox, flag).map((value): Model => ({ kind: 'atom', value })),
    quoted.map((value): Model => ({ kind: 'string', value })),
    fc.array(tie('value'), { maxLength: 4 }).map((items): Model => ({ kind: 'list', items })),
  ),
})).value;

/** Writes a model value; strings as a quoted string or a literal, whichever `literal` says. */
function write(m: Model, literal: boolean): string {
  if (m.kind === 'atom') return m.value;
  if (m.kind === 'list') return `(${m.items.map((i) => write(i, literal)).join(' ')})`;
  return literal ? `{${Buffer.byteLength(m.value)}${m.value.length % 2 ? '+' : ''}}\r\n${m.value}` : `"${m.value.replace(/["\\]/g, '\\$&')}"`;
}

/** What the parser should give for a model value. */
function expected(m: Model, literal: boolean): unknown {
  if (m.kind === 'list') return m.items.map((i) => expected(i, literal));
  return { type: m.kind === 'atom' ? 'ATOM' : literal ? 'LITERAL' : 'STRING', value: Buffer.from(m.value, 'utf8').toString('latin1') };
}

/** The parse tree without the parser's extras (none here: no sections). */
function plain(args: ImapArg[]): unknown {
  return args.map((a) => (Array.isArray(a) ? plain(a) : a && { type: a.type, value: a.value }));
}

describe('the parser, by property (fast-check)', () => {
  it('reads back every command the grammar allows: atoms, sequence sets with *, wildcards, flags, quoted strings, literals, nested lists', () => {
    fc.assert(
      fc.property(tagText, fc.constantFrom('NOOP', 'FETCH', 'UID FETCH', 'LIST', 'STORE', 'SEARCH'), fc.array(model, { maxLength: 6 }), fc.boolean(), (tag, command, args, literal) => {
        const line = `${tag} ${command}${args.map((a) => ` ${write(a, literal)}`).join('')}\r\n`;
        const parsed = parseCommand(Buffer.from(line, 'utf8'));
        expect(parsed.tag).toBe(tag);
        expect(parsed.command).toBe(command);
        expect(plain(parsed.args)).toEqual(args.map((a) => expected(a, literal)));
      }),
      { numRuns: 2000, seed: 3501 },
    );
  });

  it('never throws anything but a syntax error, whatever the bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 120 }), (bytes) => {
        try {
          parseCommand(Buffer.from(bytes));
        } catch (error) {
          expect(error).toBeInstanceOf(SyntaxError);
        }
      }),
      { numRuns: 3000, seed: 9 },
    );
  });

  it('refuses what the grammar does not allow', () => {
    for (const line of ['a1  NOOP', 'a1 NOOP ', 'a1 FETCH 1 (FLAGS', 'a1 FETCH 1 FLAGS)', 'a1 LOGIN "a\\x" b', 'a1 LOGIN "abc', '+ NOOP', 'a1', 'a1 SELECT {5}\r\nab', 'a1 FETCH 1 BODY[1', 'a1 FETCH 1 BODY[]<1>', 'a1 FETCH 1 BODY[]<1.0>', 'a1 LOGIN a\x01 b', 'a1 SELECT caf\xe9']) {
      expect(() => parseCommand(Buffer.from(`${line}\r\n`, 'latin1')), line).toThrow(SyntaxError);
    }
  });

  it('reads sections and partials: BODY.PEEK[HEADER.FIELDS (A B)]<0.1024>, BODY[], BODY[1.2.MIME]', () => {
    const parsed = parseCommand(Buffer.from('f UID FETCH 1:* (UID BODY.PEEK[HEADER.FIELDS (DATE "X-A")]<0.1024> BODY[] BODY[1.2.MIME])\r\n'));
    expect(parsed.command).toBe('UID FETCH');
    const items = parsed.args[1] as ImapArg[];
    expect(items).toEqual([
      { type: 'ATOM', value: 'UID' },
      {
        type: 'ATOM',
        value: 'BODY.PEEK',
        section: [
          { type: 'ATOM', value: 'HEADER.FIELDS' },
          [
            { type: 'ATOM', value: 'DATE' },
            { type: 'STRING', value: 'X-A' },
          ],
        ],
        partial: [0, 1024],
      },
      { type: 'ATOM', value: 'BODY', section: [] },
      { type: 'ATOM', value: 'BODY', section: [{ type: 'ATOM', value: '1.2.MIME' }] },
    ]);
  });
});

describe('sequence sets, by property', () => {
  it('a set names exactly the numbers its ranges cover, * being the largest in use (0 in an empty mailbox); n:m is m:n', () => {
    fc.assert(
      fc.property(sequenceSet, fc.integer({ min: 0, max: 120 }), (set, largest) => {
        const contains = parseSequenceSet(set, largest);
        const value = (x: string) => (x === '*' ? largest : Number(x));
        const ranges = set.split(',').map((r) => r.split(':').map(value));
        expect(contains).not.toBeNull();
        for (let n = 1; n <= 121; n++) {
          const inRange = ranges.some(([a, b = a]) => n >= Math.min(a!, b!) && n <= Math.max(a!, b!));
          expect(contains!(n)).toBe(inRange);
        }
      }),
      { numRuns: 1000, seed: 7 },
    );
  });

  it('refuses 0, numbers past 2^32-1, empty parts and stray characters', () => {
    for (const set of ['0', '1:0', '4294967296', '1,,2', ',1', '1:', ':1', '1:2:3', '**', '1 2', 'a', '']) expect(parseSequenceSet(set, 10), set).toBeNull();
  });
});
