import { bytes, text } from '../parsed-command.js';
import { AUTHENTICATED, type CommandHandler } from './handler.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `17-Jul-1996 02:44:25 -0700` → epoch ms, or null. */
function parseDateTime(value: string): number | null {
  const m = /^\s?(\d{1,2})-([A-Za-z]{3})-(\d{4}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2})$/.exec(value);
  const month = m ? MONTHS.findIndex((x) => x.toLowerCase() === m[2]!.toLowerCase()) : -1;
  if (!m || month === -1) return null;
  const offset = (m[7] === '-' ? -1 : 1) * (Number(m[8]) * 60 + Number(m[9])) * 60_000;
  return Date.UTC(Number(m[3]), month, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6])) - offset;
}

const FLAG = /^\\(Seen|Answered|Flagged|Deleted|Draft)$/i;

/**
 * APPEND (RFC 3501 §6.3.11): a client saving a message it sent (Thunderbird's "Sent") or a
 * draft. Only into the signed-in account's own mailboxes.
 */
export const append: CommandHandler = {
  states: AUTHENTICATED,
  run(session, { tag, args }) {
    const name = text(args[0]);
    const rest = args.slice(1);
    const flagList = Array.isArray(rest[0]) ? (rest.shift() as typeof rest) : [];
    const dateText = rest.length === 2 ? text(rest.shift()) : null;
    const message = bytes(rest[0]);
    const flags = flagList.map((f) => text(f as never));
    if (name === null || rest.length !== 1 || !message || flags.some((f) => f === null || !FLAG.test(f))) {
      session.send(`${tag} BAD APPEND takes a mailbox, optional flags and date, and a message literal`);
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
    const box = session.ctx.mailboxes.mailbox(session.grant.accountId, name);
    if (!box) {
      session.send(`${tag} NO [TRYCREATE] Mailbox doesn't exist`);
      return;
    }
    const canonical = (flags as string[]).map((f) => `\\${f.slice(1, 2).toUpperCase()}${f.slice(2).toLowerCase()}`);
    session.ctx.mailboxes.deliver(session.grant.accountId, box.name, message, date, [...new Set(canonical)]);
    session.flushUpdates(true);
    session.send(`${tag} OK APPEND completed`);
  },
};
