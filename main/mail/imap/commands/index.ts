import { append } from './append.js';
import { authenticate } from './authenticate.js';
import { capability } from './capability.js';
import { copy, move, uidCopy, uidMove } from './copy.js';
import { close, expunge, uidExpunge, unselect } from './expunge.js';
import { fetch, uidFetch } from './fetch.js';
import type { CommandHandler } from './handler.js';
import { create, remove, rename } from './folders.js';
import { id } from './id.js';
import { idle } from './idle.js';
import { list, lsub } from './list.js';
import { login } from './login.js';
import { logout } from './logout.js';
import { namespace } from './namespace.js';
import { check, noop } from './noop.js';
import { search, uidSearch } from './search.js';
import { examine, select } from './select.js';
import { starttls } from './starttls.js';
import { status } from './status.js';
import { store, uidStore } from './store.js';
import { subscribe, unsubscribe } from './subscribe.js';

/** Every command the server knows, by name as the parser gives it (`UID FETCH` is one name). */
export const COMMANDS: ReadonlyMap<string, CommandHandler> = new Map([
  ['CAPABILITY', capability],
  ['NOOP', noop],
  ['LOGOUT', logout],
  ['ID', id],
  ['STARTTLS', starttls],
  ['LOGIN', login],
  ['AUTHENTICATE', authenticate],
  ['LIST', list],
  ['LSUB', lsub],
  ['SUBSCRIBE', subscribe],
  ['UNSUBSCRIBE', unsubscribe],
  ['NAMESPACE', namespace],
  ['SELECT', select],
  ['EXAMINE', examine],
  ['STATUS', status],
  ['APPEND', append],
  ['FETCH', fetch],
  ['UID FETCH', uidFetch],
  ['SEARCH', search],
  ['UID SEARCH', uidSearch],
  ['STORE', store],
  ['UID STORE', uidStore],
  ['EXPUNGE', expunge],
  ['UID EXPUNGE', uidExpunge],
  ['CREATE', create],
  ['DELETE', remove],
  ['RENAME', rename],
  ['COPY', copy],
  ['UID COPY', uidCopy],
  ['MOVE', move],
  ['UID MOVE', uidMove],
  ['CLOSE', close],
  ['UNSELECT', unselect],
  ['CHECK', check],
  ['IDLE', idle],
]);

/** The handler for a parsed command name. */
export function commandFor(name: string): CommandHandler | undefined {
  return COMMANDS.get(name);
}
