import { hasCapability } from '../imap-context.js';
import { atomText, bytes, text } from '../parsed-command.js';
import { AUTHENTICATED, type CommandHandler } from './handler.js';
import { canonicalFlag, isStorableFlag } from './flags.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * `17-Jul-1996 02:44:25 -0700` (RFC 3501 §9 date-time) → epoch ms, or null — also for a day the
 * month does not have (31-Feb), which Date.UTC would roll over into March.
 */
export function parseDateTime(value: string): number | null {
  const m = /^([ \d]\d)-([A-Za-z]{3})-(\d{4}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2})$/.exec(value);
  const month = m ? MONTHS.findIndex((x) => x.toLowerCase() === m[2]!.toLowerCase()) : -1;
  if (!m || month === -1) return null;
  const [day, year, hour, minute, second] = [m[1]!.trim(), m[3], m[4], m[5], m[6]].map(Number) as [number, number, number, number, number];
  const midnight = new Date(Date.UTC(year, month, day));
  if (midnight.getUTCMonth() !== month || day < 1 || hour > 23 || minute > 59 || second > 60 || Number(m[9]) > 59) return null;
  const offset = (m[7] === '-' ? -1 : 1) * (Number(m[8]) * 60 + Number(m[9])) * 60_000;
  return Date.UTC(year, month, day, hour, minute, Math.min(second, 59)) - offset;
}

/**
 * APPEND (RFC 3501 §6.3.11): a client saving a message it sent (Thunderbird's "Sent") or a
 * draft, into any mailbox of the signed-in account, with system flags and keywords (SELECT's
 * PERMANENTFLAGS has `\*`). With UIDPLUS in the profile the new UID is said (APPENDUID).
 */
export const append: CommandHandler = {
  states: AUTHENTICATED,
  run(session, { tag, args }) {
    const name = text(args[0]);
    const rest = args.slice(1);
    const flagList = Array.isArray(rest[0]) ? (rest.shift() as typeof rest) : [];
    const first = rest[0];
    const dateText = rest.length === 2 && first && !Array.isArray(first) && first.type === 'STRING' ? text(rest.shift()) : null;
    const message = bytes(rest[0]);
    const flags = flagList.map((f) => atomText(f));
    if (name === null || rest.length !== 1 || !message || flags.some((f) => f === null || !isStorableFlag(f))) {
      session.send(`${tag} BAD APPEND takes a mailbox, optional flags (not \\Recent) and date, and a message literal`);
      return;
    }
    const date = dateText === null ? Date.now() : parseDateTime(dateText);
    if (date === null) {
      session.send(`${tag} BAD Invalid date-time`);
      return;
    }
    if (message.length === 0) {
      session.send(`${tag} NO Empty message`);
      return;
    }
    const box = session.mailboxNamed(name);
    if (!box) {
      session.send(`${tag} NO [TRYCREATE] Mailbox doesn't exist`);
      return;
    }
    const uid = session.ctx.mailboxes.deliverTo(box, message, date, [...new Set((flags as string[]).map(canonicalFlag))]);
    session.flushUpdates(true);
    const appendUid = hasCapability(session.ctx.profile(), 'UIDPLUS') ? `[APPENDUID ${box.uid_validity} ${uid}] ` : '';
    session.send(`${tag} OK ${appendUid}APPEND completed`);
  },
};
