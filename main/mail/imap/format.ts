/**
 * IMAP's data formats (RFC 3501 §4): a value is written as NIL, a number, a quoted string when
 * it can be one, else a literal `{n}` followed by its bytes; lists in parentheses. Atoms
 * (flags, section names) are marked so they are written bare.
 */
export type ImapValue = string | number | null | Buffer | Atom | Joined | ImapValue[];

export class Atom {
  constructor(readonly text: string) {}
}

/** Values written back to back, with no space: a multipart's parts in BODYSTRUCTURE, `(…)(…)`. */
export class Joined {
  constructor(readonly items: ImapValue[]) {}
}

export const atom = (text: string) => new Atom(text);

// A quoted string holds 7-bit text without CR, LF or NUL (RFC 3501 §4.3).
// eslint-disable-next-line no-control-regex
const QUOTABLE = /^[\x01-\x09\x0b\x0c\x0e-\x7f]*$/;

/** Appends the value's wire form to `out` (strings stay strings; literals add a Buffer). */
export function writeValue(value: ImapValue, out: (string | Buffer)[]): void {
  if (value === null) out.push('NIL');
  else if (typeof value === 'number') out.push(String(value));
  else if (value instanceof Atom) out.push(value.text);
  else if (value instanceof Joined) for (const item of value.items) writeValue(item, out);
  else if (Buffer.isBuffer(value)) out.push(`{${value.length}}\r\n`, value);
  else if (Array.isArray(value)) {
    out.push('(');
    value.forEach((item, i) => {
      if (i > 0) out.push(' ');
      writeValue(item, out);
    });
    out.push(')');
  } else if (value.length < 1024 && QUOTABLE.test(value)) out.push(`"${value.replace(/["\\]/g, '\\$&')}"`);
  else writeValue(Buffer.from(value, 'utf8'), out);
}

/**
 * A mailbox name as LIST and STATUS write it: bare when it is an astring of ASTRING-CHARs
 * (RFC 3501 §9: `[Gmail]/Trash`, `&TtVOiw-`), else quoted (`"Sent Messages"`).
 */
export function mailboxName(name: string): string {
  return /^[\x21\x23-\x24\x26-\x27\x2b-\x5b\x5d-\x7a\x7c-\x7e]+$/.test(name) && name.toUpperCase() !== 'NIL' ? name : `"${name.replace(/["\\]/g, '\\$&')}"`;
}

/** INTERNALDATE's form: "17-Jul-1996 02:44:25 +0000". */
export function internalDate(ms: number): string {
  const d = new Date(ms);
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getUTCDate())}-${months[d.getUTCMonth()]}-${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}
