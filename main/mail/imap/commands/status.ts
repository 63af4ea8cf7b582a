import { mailboxName } from '../format.js';
import { text } from '../parsed-command.js';
import { AUTHENTICATED, type CommandHandler } from './handler.js';

const ITEMS = new Set(['MESSAGES', 'RECENT', 'UIDNEXT', 'UIDVALIDITY', 'UNSEEN']);

/** STATUS (RFC 3501 §6.3.10): any mailbox of the account, without selecting it. */
export const status: CommandHandler = {
  states: AUTHENTICATED,
  run(session, { tag, args }) {
    const name = text(args[0]);
    const items = args[1];
    const wanted = Array.isArray(items) ? items.map((i) => text(i)?.toUpperCase() ?? '') : [];
    if (name === null || args.length !== 2 || wanted.length === 0 || !wanted.every((w) => ITEMS.has(w))) {
      session.send(`${tag} BAD STATUS takes a mailbox name and a list of MESSAGES RECENT UIDNEXT UIDVALIDITY UNSEEN`);
      return;
    }
    const box = session.mailboxNamed(name);
    if (!box) {
      session.send(`${tag} NO [NONEXISTENT] Mailbox doesn't exist`);
      return;
    }
    const counts = session.ctx.mailboxes.counts(box.id);
    const latest = session.ctx.mailboxes.mailboxById(box.id)!;
    const values: Record<string, number> = { MESSAGES: counts.messages, RECENT: counts.recent, UIDNEXT: latest.uid_next, UIDVALIDITY: box.uid_validity, UNSEEN: counts.unseen };
    session.send(`* STATUS ${mailboxName(session.nameOf(box))} (${wanted.map((w) => `${w} ${values[w]}`).join(' ')})`);
    session.send(`${tag} OK STATUS completed`);
  },
};
