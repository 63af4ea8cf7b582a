/**
 * RFC 3501 §9's grammar of a client command, read from one framed command (the reader has
 * already gathered its literals): `tag SP command *(SP argument)`, where an argument is an
 * atom, a quoted string, a literal, or a parenthesized list of arguments; `BODY[…]<n.m>`
 * carries its section and partial.
 *
 * An "atom" here is what a client may write bare anywhere in a command: an atom, a sequence
 * set (`1,3:*`, a bare `*`), a flag (`\Seen`, `\*`), a list-mailbox with wildcards
 * (`Sent*`, `%`), an astring with `]`. The grammar lets each command say which of these it
 * takes, so the handlers check their own arguments' form; here only the characters are
 * checked. emailjs-imap-handler did this before and refused a bare `*`, `1,*` and unquoted
 * wildcards, and has not been maintained since 2018; the grammar is small enough to own and
 * test by property (test/node/mail/imap-grammar.test.ts).
 */

/** One argument: its form and value (text as bytes in a latin1 string: a literal may be binary). */
export interface ImapNode {
  type: 'ATOM' | 'STRING' | 'LITERAL';
  value: string;
  /** `BODY[…]` / `BODY.PEEK[…]`: the section's parts (its spec atom, then a header-field list). */
  section?: (ImapNode | ImapNode[])[];
  /** `<start.length>` after a section. */
  partial?: [number, number];
}

export type ImapArg = ImapNode | ImapArg[];

export interface GrammarCommand {
  tag: string;
  /** Upper-case; `UID FETCH` and the other UID commands are one name. */
  command: string;
  args: ImapArg[];
}

const SP = 0x20;
const DQUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN = 0x28;
const CLOSE = 0x29;
const BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const LESS = 0x3c;

/** A bare word's characters: CHAR except CTL, SP, `(`, `)`, `{`, DQUOTE (§9 ATOM-CHAR plus `%`, `*`, `\`, `]`). */
function isWordChar(c: number): boolean {
  return c > SP && c < 0x7f && c !== OPEN && c !== CLOSE && c !== BRACE && c !== DQUOTE;
}

/** A tag: ASTRING-CHAR except `+` (§9 tag), so neither `*` nor `%` nor `\`. */
const TAG = /^[\x21\x23\x24\x26\x27\x2c-\x5b\x5d-\x7a\x7c-\x7e]+$/;
const COMMAND_NAME = /^[A-Za-z][A-Za-z0-9-]*$/;
const UID_COMMANDS = new Set(['COPY', 'MOVE', 'FETCH', 'SEARCH', 'STORE', 'EXPUNGE']);

class Reader {
  pos = 0;
  constructor(readonly bytes: Buffer) {}

  get done(): boolean {
    return this.pos >= this.bytes.length;
  }

  peek(): number {
    return this.bytes[this.pos] ?? -1;
  }

  fail(what: string): never {
    throw new SyntaxError(`${what} at position ${this.pos}`);
  }

  space(): void {
    if (this.peek() !== SP) this.fail('Expected a space');
    this.pos += 1;
  }

  word(): string {
    const start = this.pos;
    while (!this.done && isWordChar(this.peek()) && !(this.peek() === OPEN_BRACKET && this.sectionStarts(start))) this.pos += 1;
    if (this.pos === start) this.fail('Unexpected character');
    return this.bytes.toString('latin1', start, this.pos);
  }

  /** `[` opens a section only after BODY or BODY.PEEK (elsewhere it is an ordinary character: `[Gmail]/Trash`). */
  private sectionStarts(start: number): boolean {
    const name = this.bytes.toString('latin1', start, this.pos).toUpperCase();
    return name === 'BODY' || name === 'BODY.PEEK';
  }

  quoted(): string {
    this.pos += 1;
    const out: number[] = [];
    for (;;) {
      const c = this.peek();
      if (c === -1) this.fail('Unterminated quoted string');
      if (c === 0x0d || c === 0x0a || c === 0) this.fail('CR, LF or NUL in a quoted string');
      this.pos += 1;
      if (c === DQUOTE) break;
      if (c === BACKSLASH) {
        const escaped = this.peek();
        if (escaped !== DQUOTE && escaped !== BACKSLASH) this.fail('Only " and \\ may be escaped in a quoted string');
        out.push(escaped);
        this.pos += 1;
        continue;
      }
      // 8-bit text is taken (a UTF-8 search string with CHARSET UTF-8), as Dovecot does.
      out.push(c);
    }
    return Buffer.from(out).toString('latin1');
  }

  literal(): string {
    const match = /^\{(\d{1,10})(\+?)\}\r?\n/.exec(this.bytes.toString('latin1', this.pos, this.pos + 16));
    if (!match) this.fail('Malformed literal');
    const size = Number(match[1]);
    this.pos += match[0].length;
    if (this.pos + size > this.bytes.length) this.fail('Literal shorter than announced');
    const value = this.bytes.toString('latin1', this.pos, this.pos + size);
    this.pos += size;
    return value;
  }

  /** One argument, or a list of them. */
  argument(depth: number): ImapArg {
    const c = this.peek();
    if (c === OPEN) return this.list(depth + 1);
    if (c === DQUOTE) return { type: 'STRING', value: this.quoted() };
    if (c === BRACE) return { type: 'LITERAL', value: this.literal() };
    const node: ImapNode = { type: 'ATOM', value: this.word() };
    if (this.peek() === OPEN_BRACKET) this.section(node);
    return node;
  }

  list(depth: number): ImapArg[] {
    if (depth > 8) this.fail('Lists nested too deeply');
    this.pos += 1;
    const items: ImapArg[] = [];
    while (this.peek() !== CLOSE) {
      if (this.done) this.fail('Unterminated list');
      if (items.length > 0) this.space();
      items.push(this.argument(depth));
    }
    this.pos += 1;
    return items;
  }

  /** `[section-spec]` and an optional `<start.length>` (§9 section, partial). */
  private section(node: ImapNode): void {
    this.pos += 1;
    const parts: (ImapNode | ImapNode[])[] = [];
    if (this.peek() !== CLOSE_BRACKET) {
      const start = this.pos;
      while (!this.done && isWordChar(this.peek()) && this.peek() !== CLOSE_BRACKET && this.peek() !== OPEN_BRACKET) this.pos += 1;
      if (this.pos === start) this.fail('Malformed section');
      parts.push({ type: 'ATOM', value: this.bytes.toString('latin1', start, this.pos) });
      if (this.peek() === SP) {
        this.space();
        if (this.peek() !== OPEN) this.fail('Expected a list of header fields');
        const fields = this.list(1);
        if (fields.length === 0 || fields.some((f) => Array.isArray(f))) this.fail('Malformed header field list');
        parts.push(fields as ImapNode[]);
      }
    }
    if (this.peek() !== CLOSE_BRACKET) this.fail('Unterminated section');
    this.pos += 1;
    node.section = parts;
    if (this.peek() === LESS) {
      const match = /^<(\d{1,10})\.(\d{1,10})>/.exec(this.bytes.toString('latin1', this.pos, this.pos + 24));
      if (!match || Number(match[2]) === 0 || Number(match[1]) > 0xffffffff || Number(match[2]) > 0xffffffff) this.fail('Malformed partial');
      node.partial = [Number(match[1]), Number(match[2])];
      this.pos += match[0].length;
    }
  }
}

/**
 * Parses one framed command (its last CRLF included or not). Anything the grammar does not
 * allow throws a SyntaxError saying where, which the session answers with BAD.
 */
export function parseGrammar(framed: Buffer): GrammarCommand {
  let end = framed.length;
  if (framed[end - 1] === 0x0a) end -= 1;
  if (framed[end - 1] === 0x0d) end -= 1;
  const reader = new Reader(framed.subarray(0, end));
  const tag = reader.word();
  if (!TAG.test(tag)) reader.fail('Invalid tag');
  reader.space();
  let command = reader.word().toUpperCase();
  if (!COMMAND_NAME.test(command)) reader.fail('Invalid command name');
  if (command === 'UID') {
    reader.space();
    const sub = reader.word().toUpperCase();
    if (!UID_COMMANDS.has(sub)) reader.fail(`UID ${sub.slice(0, 20)} is not a UID command`);
    command = `UID ${sub}`;
  }
  const args: ImapArg[] = [];
  while (!reader.done) {
    reader.space();
    args.push(reader.argument(0));
  }
  return { tag, command, args };
}
