import { text } from '../parsed-command.js';
import { SELECTED, type CommandHandler } from './handler.js';
import { messagesIn } from './message-set.js';
import { noArguments } from './no-arguments.js';

/** EXPUNGE: removes the messages flagged \Deleted, saying `* n EXPUNGE` for each. */
export const expunge: CommandHandler = {
  states: SELECTED,
  run(session, command) {
    const { tag } = command;
    if (!noArguments(session, command)) return;
    const mailbox = session.selected!;
    if (mailbox.readOnly) {
      session.send(`${tag} NO [READ-ONLY] The mailbox was opened with EXAMINE`);
      return;
    }
    session.flushUpdates(true);
    const removed = session.ctx.mailboxes.expunge(mailbox.box);
    for (const line of mailbox.removed(removed)) session.send(line);
    session.send(`${tag} OK EXPUNGE completed`);
  },
};

/** UID EXPUNGE (RFC 4315, UIDPLUS): removes only the \\Deleted messages of the UID set, so another client's deletions stay. */
export const uidExpunge: CommandHandler = {
  states: SELECTED,
  run(session, { tag, args }) {
    const mailbox = session.selected!;
    const set = text(args[0]);
    const messages = set === null || args.length !== 1 ? null : messagesIn(mailbox, set, true);
    if (!messages) {
      session.send(`${tag} BAD UID EXPUNGE takes a UID set`);
      return;
    }
    if (mailbox.readOnly) {
      session.send(`${tag} NO [READ-ONLY] The mailbox was opened with EXAMINE`);
      return;
    }
    session.flushUpdates(true);
    const removed = session.ctx.mailboxes.expunge(mailbox.box, new Set(messages.map((m) => m.message.uid)));
    for (const line of mailbox.removed(removed)) session.send(line);
    session.send(`${tag} OK UID EXPUNGE completed`);
  },
};

/** CLOSE: expunges silently (unless read-only) and leaves the Selected state. */
export const close: CommandHandler = {
  states: SELECTED,
  run(session, command) {
    const { tag } = command;
    if (!noArguments(session, command)) return;
    const mailbox = session.selected!;
    if (!mailbox.readOnly) session.ctx.mailboxes.expunge(mailbox.box);
    session.select(null);
    session.send(`${tag} OK CLOSE completed`);
  },
};

/** UNSELECT (RFC 3691): leaves the Selected state, expunging nothing. */
export const unselect: CommandHandler = {
  states: SELECTED,
  run(session, command) {
    const { tag } = command;
    if (!noArguments(session, command)) return;
    session.select(null);
    session.send(`${tag} OK UNSELECT completed`);
  },
};
