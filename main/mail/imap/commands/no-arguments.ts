import type { ImapSession } from '../imap-session.js';
import type { ParsedCommand } from '../parsed-command.js';

/** The commands RFC 3501 §9 gives no arguments (NOOP, IDLE, …): anything after the name is BAD. */
export function noArguments(session: ImapSession, { tag, command, args }: ParsedCommand): boolean {
  if (args.length === 0) return true;
  session.send(`${tag} BAD ${command} takes no arguments`);
  return false;
}
