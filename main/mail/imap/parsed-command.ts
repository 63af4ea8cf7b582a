import imapHandler from 'emailjs-imap-handler';

/** One node of emailjs-imap-handler's parse tree. */
export interface ImapNode {
  type: 'ATOM' | 'STRING' | 'LITERAL' | 'SEQUENCE' | 'SECTION' | 'TEXT';
  value: string;
  section?: (ImapNode | ImapNode[])[];
  partial?: [number, number];
}

export type ImapArg = ImapNode | ImapArg[] | null;

export interface ParsedCommand {
  tag: string;
  /** Upper-case, e.g. `UID FETCH`. */
  command: string;
  args: ImapArg[];
}

/**
 * Parses one framed command with emailjs-imap-handler (a maintained IMAP grammar parser): the
 * tag, the command and its arguments as a tree. A syntax error throws, with the tag when it
 * could be read.
 */
export function parseCommand(framed: Buffer): ParsedCommand {
  // The reader keeps the command's last CRLF; the grammar parser wants the command without it.
  let end = framed.length;
  if (framed[end - 1] === 0x0a) end -= 1;
  if (framed[end - 1] === 0x0d) end -= 1;
  const bytes = framed.subarray(0, end);
  const parsed = imapHandler.parser(bytes, { allowUntagged: false }) as { tag: string; command: string; attributes?: ImapArg[] };
  return { tag: parsed.tag, command: parsed.command.toUpperCase(), args: parsed.attributes ?? [] };
}

/** The tag of a line that did not parse, for its BAD (or `*` when there is none). */
export function tagOf(bytes: Buffer): string {
  const match = /^([\x21\x23\x24\x26\x27\x2c-\x5b\x5d-\x7a\x7c\x7e]+) /.exec(bytes.subarray(0, 80).toString('latin1'));
  return match ? match[1]! : '*';
}

/** A string argument (atom, quoted string or literal), or null when the argument is not one. */
export function text(arg: ImapArg | undefined): string | null {
  if (!arg || Array.isArray(arg)) return null;
  // The parser hands bytes over as a binary string; text is UTF-8 (a password, a mailbox name).
  if (arg.type === 'ATOM' || arg.type === 'STRING' || arg.type === 'LITERAL' || arg.type === 'SEQUENCE') return Buffer.from(arg.value, 'latin1').toString('utf8');
  return null;
}

/** A literal's (or string's) bytes, exactly as sent: APPEND's message. */
export function bytes(arg: ImapArg | undefined): Buffer | null {
  if (!arg || Array.isArray(arg) || (arg.type !== 'LITERAL' && arg.type !== 'STRING')) return null;
  return Buffer.from(arg.value, 'latin1');
}
