import { parseMime, type MimeNode } from '../../mime/mime-tree.js';
import { bodyText, headerText, headerValues } from '../../mime/search-text.js';
import type { MessageMeta } from '../../store/mailbox-store.js';
import type { ImapSession } from '../imap-session.js';
import type { SelectedMailbox } from '../selected-mailbox.js';
import { parseSequenceSet } from '../sequence-set.js';
import { atomText, text, type ImapArg } from '../parsed-command.js';
import { SELECTED, type CommandHandler } from './handler.js';

/** One message as the keys see it; its text is read from the store only when a key needs it. */
interface Candidate {
  meta: MessageMeta;
  seq: number;
  recent: boolean;
  mime(): MimeNode | null;
}

type Test = (c: Candidate) => boolean;

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAY = 24 * 60 * 60 * 1000;
const dayOf = (ms: number) => Math.floor(ms / DAY) * DAY;

/** `1-Feb-1994` (RFC 3501 §9 date, quoted or not) → midnight UTC of that day; null for a day the month lacks. */
function parseDate(value: string | null): number | null {
  const match = value ? /^(\d{1,2})-([A-Za-z]{3})-(\d{4})$/.exec(value) : null;
  if (!match) return null;
  const month = MONTHS.indexOf(match[2]!.toUpperCase());
  const day = Number(match[1]);
  const ms = Date.UTC(Number(match[3]), month, day);
  return month === -1 || day < 1 || new Date(ms).getUTCMonth() !== month ? null : ms;
}

/** The day a Date: header names, as written (RFC 3501: "disregarding time and timezone"). */
function sentDay(c: Candidate): number {
  const value = c.mime() ? headerValues(c.mime()!, 'date')[0] : undefined;
  const match = value ? /(\d{1,2})\s+([A-Za-z]{3})\s+(\d{2,4})/.exec(value) : null;
  const month = match ? MONTHS.indexOf(match[2]!.toUpperCase()) : -1;
  if (!match || month === -1) return dayOf(c.meta.internalDate);
  let year = Number(match[3]);
  if (year < 100) year += year < 50 ? 2000 : 1900;
  return Date.UTC(year, month, Number(match[1]));
}

const contains = (haystack: string, needle: string) => haystack.toLowerCase().includes(needle.toLowerCase());

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

const ADDRESS_KEYS = new Set(['FROM', 'TO', 'CC', 'BCC', 'SUBJECT']);
const KEYWORD = /^[A-Za-z0-9$_.+-]{1,64}$/;

/**
 * Reads search keys (RFC 3501 §6.4.4, every one of them) into tests. Null: a key that is not
 * in the grammar, or an argument of the wrong form (BAD).
 */
function parseKeys(args: ImapArg[], mailbox: SelectedMailbox): Test[] | null {
  const tests: Test[] = [];
  let i = 0;
  const take = (): string | null => text(args[i++]);
  const next = (depth: number): Test | null => {
    if (depth > 32 || i >= args.length) return null;
    const arg = args[i++];
    if (Array.isArray(arg)) {
      const inner = arg.length > 0 ? parseKeys(arg, mailbox) : null;
      return inner && ((c) => inner.every((t) => t(c)));
    }
    const key = atomText(arg)?.toUpperCase();
    if (!key) return null;
    if (key === 'ALL') return () => true;
    const flag = FLAG_KEYS[key];
    if (flag) return (c) => c.meta.flags.includes(flag[0]) === flag[1];
    if (key === 'NEW') return (c) => c.recent && !c.meta.flags.includes('\\Seen');
    if (key === 'OLD') return (c) => !c.recent;
    if (key === 'RECENT') return (c) => c.recent;
    if (key === 'KEYWORD' || key === 'UNKEYWORD') {
      const keyword = atomText(args[i++]);
      if (!keyword || !KEYWORD.test(keyword)) return null;
      return (c) => c.meta.flags.includes(keyword) === (key === 'KEYWORD');
    }
    if (key === 'SINCE' || key === 'BEFORE' || key === 'ON' || key === 'SENTSINCE' || key === 'SENTBEFORE' || key === 'SENTON') {
      const day = parseDate(take());
      if (day === null) return null;
      const dayOfMessage = key.startsWith('SENT') ? sentDay : (c: Candidate) => dayOf(c.meta.internalDate);
      if (key.endsWith('SINCE')) return (c) => dayOfMessage(c) >= day;
      if (key.endsWith('BEFORE')) return (c) => dayOfMessage(c) < day;
      return (c) => dayOfMessage(c) === day;
    }
    if (key === 'LARGER' || key === 'SMALLER') {
      const size = take();
      if (size === null || !/^\d{1,10}$/.test(size)) return null;
      const n = Number(size);
      return key === 'LARGER' ? (c) => c.meta.size > n : (c) => c.meta.size < n;
    }
    if (ADDRESS_KEYS.has(key)) {
      const needle = take();
      if (needle === null) return null;
      const field = key.toLowerCase();
      return (c) => !!c.mime() && headerValues(c.mime()!, field).some((v) => contains(v, needle));
    }
    if (key === 'HEADER') {
      const field = take();
      const needle = take();
      if (field === null || needle === null || !/^[\x21-\x39\x3b-\x7e]+$/.test(field)) return null;
      return (c) => !!c.mime() && headerValues(c.mime()!, field).some((v) => contains(v, needle));
    }
    if (key === 'BODY') {
      const needle = take();
      return needle === null ? null : (c) => !!c.mime() && contains(bodyText(c.mime()!), needle);
    }
    if (key === 'TEXT') {
      const needle = take();
      return needle === null ? null : (c) => !!c.mime() && (contains(headerText(c.mime()!), needle) || contains(bodyText(c.mime()!), needle));
    }
    if (key === 'UID') {
      const set = atomText(args[i++]);
      const inSet = set === null ? null : parseSequenceSet(set, mailbox.largestUid());
      return inSet && ((c) => inSet(c.meta.uid));
    }
    if (key === 'NOT') {
      const inner = next(depth + 1);
      return inner && ((c) => !inner(c));
    }
    if (key === 'OR') {
      const a = next(depth + 1);
      const b = next(depth + 1);
      return a && b && ((c) => a(c) || b(c));
    }
    const inSet = parseSequenceSet(key, mailbox.count);
    return inSet && ((c) => inSet(c.seq));
  };
  while (i < args.length) {
    const test = next(0);
    if (!test) return null;
    tests.push(test);
  }
  return tests;
}

/** SEARCH and UID SEARCH: the numbers (or UIDs) of the messages every key matches; CHARSET UTF-8 or US-ASCII. */
function searching(byUid: boolean): CommandHandler {
  return {
    states: SELECTED,
    run(session, { tag, args }) {
      const mailbox = session.selected!;
      let keys = args;
      if (atomText(keys[0])?.toUpperCase() === 'CHARSET') {
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
      const found = mailbox.all.flatMap((meta, i) => (tests.every((t) => t(candidate(session, mailbox, meta, i + 1))) ? [byUid ? meta.uid : i + 1] : []));
      session.send(`* SEARCH${found.map((n) => ` ${n}`).join('')}`);
      session.flushUpdates(byUid);
      session.send(`${tag} OK ${byUid ? 'UID SEARCH' : 'SEARCH'} completed`);
    },
  };
}

function candidate(session: ImapSession, mailbox: SelectedMailbox, meta: MessageMeta, seq: number): Candidate {
  let tree: MimeNode | null | undefined;
  return {
    meta,
    seq,
    recent: mailbox.isRecent(meta.uid),
    mime() {
      if (tree === undefined) {
        const stored = session.ctx.mailboxes.message(mailbox.box.id, meta.uid);
        tree = stored ? parseMime(stored.raw) : null;
      }
      return tree;
    },
  };
}

export const search = searching(false);
export const uidSearch = searching(true);
