import { parseGrammar, type ImapArg, type ImapNode } from './command-grammar.js';

export type { ImapArg, ImapNode };

export interface ParsedCommand {
  tag: string;
  /** Upper-case, e.g. `UID FETCH`. */
  command: string;
  args: ImapArg[];
}

/**
 * Parses one framed command: the tag, the command and its arguments as a tree (RFC 3501 §9,
 * `command-grammar.ts`). A syntax error throws a SyntaxError saying where.
 */
export function parseCommand(framed: Buffer): ParsedCommand {
  return parseGrammar(framed);
}

/** The tag of a line that did not parse, for its BAD (or `*` when there is none). */
export function tagOf(bytes: Buffer): string {
  const match = /^([\x21\x23\x24\x26\x27\x2c-\x5b\x5d-\x7a\x7c-\x7e]+) /.exec(bytes.subarray(0, 80).toString('latin1'));
  return match ? match[1]! : '*';
}

/** A string argument (atom, quoted string or literal), or null when the argument is a list. */
export function text(arg: ImapArg | undefined): string | null {
  if (!arg || Array.isArray(arg)) return null;
  // Bytes arrive as a binary string; text is UTF-8 (a password, a search string).
  return Buffer.from(arg.value, 'latin1').toString('utf8');
}

/** An atom's text (a flag, a sequence set, a keyword), or null when the argument is no atom. */
export function atomText(arg: ImapArg | undefined): string | null {
  return arg && !Array.isArray(arg) && arg.type === 'ATOM' && !arg.section ? arg.value : null;
}

/** NIL: the atom (RFC 3501 §4.5), never the string "NIL". */
export function isNil(arg: ImapArg | undefined): boolean {
  return atomText(arg)?.toUpperCase() === 'NIL';
}

/** A literal's (or string's) bytes, exactly as sent: APPEND's message. */
export function bytes(arg: ImapArg | undefined): Buffer | null {
  if (!arg || Array.isArray(arg) || (arg.type !== 'LITERAL' && arg.type !== 'STRING')) return null;
  return Buffer.from(arg.value, 'latin1');
}
