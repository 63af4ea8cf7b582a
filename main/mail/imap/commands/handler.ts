import type { ImapState } from '../imap-context.js';
import type { ImapSession } from '../imap-session.js';
import type { ParsedCommand } from '../parsed-command.js';

/** One IMAP command: the states it is valid in (RFC 3501 §6) and what it does. */
export interface CommandHandler {
  states: readonly ImapState[];
  run(session: ImapSession, command: ParsedCommand): void | Promise<void>;
}

export const ANY: readonly ImapState[] = ['not-authenticated', 'authenticated', 'selected'];
export const NOT_AUTHENTICATED: readonly ImapState[] = ['not-authenticated'];
export const AUTHENTICATED: readonly ImapState[] = ['authenticated', 'selected'];
export const SELECTED: readonly ImapState[] = ['selected'];
