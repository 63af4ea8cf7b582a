import { SELECTED, type CommandHandler } from './handler.js';
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
