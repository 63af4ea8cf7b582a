import type { MessageMeta } from '../../store/mailbox-store.js';
import type { SelectedMailbox } from '../selected-mailbox.js';
import { parseSequenceSet } from '../sequence-set.js';
import { text, type ImapArg } from '../parsed-command.js';
import { SELECTED, type CommandHandler } from './handler.js';

type Test = (message: MessageMeta, seq: number) => boolean;

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/** `1-Feb-1994` → midnight UTC of that day (RFC 3501 compares dates, ignoring time and zone). */
function parseDate(value: string | null): number | null {
  const match = value && /^(\d{1,2})-([A-Za-z]{3})-(\d{4})$/.exec(value);
  if (!match) return null;
  const month = MONTHS.indexOf(match[2]!.toUpperCase());
  return month === -1 ? null : Date.UTC(Number(match[3]), month, Number(match[1]));
}

const DAY = 24 * 60 * 60 * 1000;
const dayOf = (ms: number) => Math.floor(ms / DAY) * DAY;

const FLAG_KEYS: Record<string, [string, boolean]> = {
  SEEN: ['\\Seen', true],
  UNSEEN: ['\\Seen', false],
  DELETED: ['\\Deleted', true],
  UNDELETED: ['\\Deleted', false],
  FLAGGED: ['\\Flagged', true],
  UNFLAGGED: ['\\Flagged', false],
  ANSWERED: ['\\Answered', true],
  UNANSWERED: ['\\Answered', false],
  DRAFT: ['\\Draft', true],
  UNDRAFT: ['\\Draft', false],
};

/**
 * Reads search keys from `args` (RFC 3501 §6.4.4): ALL, UID set, a sequence set, SINCE / BEFORE /
 * ON, the flag keys, NOT, OR, and parenthesized groups. Null: a key TwoStep does not know, or
 * bad syntax (BAD).
 */
function parseKeys(args: ImapArg[], mailbox: SelectedMailbox): Test[] | null {
  const tests: Test[] = [];
  let i = 0;
  const next = (): Test | null => {
    const arg = args[i++];
    if (Array.isArray(arg)) {
      const inner = parseKeys(arg, mailbox);
      return inner && ((m, s) => inner.every((t) => t(m, s)));
    }
    const key = text(arg)?.toUpperCase();
    if (!key) return null;
    if (key === 'ALL') return () => true;
    if (FLAG_KEYS[key]) {
      const [flag, present] = FLAG_KEYS[key];
      return (m) => m.flags.includes(flag) === present;
    }
    if (key === 'NEW' || key === 'RECENT') return () => false;
    if (key === 'OLD') return () => true;
    if (key === 'SINCE' || key === 'BEFORE' || key === 'ON') {
      const day = parseDate(text(args[i++]));
      if (day === null) return null;
      if (key === 'SINCE') return (m) => dayOf(m.internalDate) >= day;
      if (key === 'BEFORE') return (m) => dayOf(m.internalDate) < day;
      return (m) => dayOf(m.internalDate) === day;
    }
    if (key === 'UID') {
      const contains = parseSequenceSet(text(args[i++]) ?? '', mailbox.largestUid());
      return contains && ((m) => contains(m.uid));
    }
    if (key === 'NOT') {
      const inner = next();
      return inner && ((m, s) => !inner(m, s));
    }
    if (key === 'OR') {
      const a = next();
      const b = next();
      return a && b && ((m, s) => a(m, s) || b(m, s));
    }
    const contains = parseSequenceSet(key, mailbox.count);
    return contains && ((_m, s) => contains(s));
  };
  while (i < args.length) {
    const test = next();
    if (!test) return null;
    tests.push(test);
  }
  return tests;
}

/** SEARCH and UID SEARCH: the numbers (or UIDs) of the messages every key matches. */
function searching(byUid: boolean): CommandHandler {
  return {
    states: SELECTED,
    run(session, { tag, args }) {
      const mailbox = session.selected!;
      let keys = args;
      if (text(keys[0])?.toUpperCase() === 'CHARSET') {
        const charset = text(keys[1])?.toUpperCase();
        if (charset !== 'UTF-8' && charset !== 'US-ASCII') {
          session.send(`${tag} NO [BADCHARSET (UTF-8 US-ASCII)] Unsupported charset`);
          return;
        }
        keys = keys.slice(2);
      }
      const tests = keys.length > 0 ? parseKeys(keys, mailbox) : null;
      if (!tests) {
        session.send(`${tag} BAD Unsupported or malformed search keys`);
        return;
      }
      const found = mailbox.all.flatMap((m, i) => (tests.every((t) => t(m, i + 1)) ? [byUid ? m.uid : i + 1] : []));
      session.send(`* SEARCH${found.map((n) => ` ${n}`).join('')}`);
      session.flushUpdates(byUid);
      session.send(`${tag} OK ${byUid ? 'UID SEARCH' : 'SEARCH'} completed`);
    },
  };
}

export const search = searching(false);
export const uidSearch = searching(true);
