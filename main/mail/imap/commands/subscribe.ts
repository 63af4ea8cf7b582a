import { text } from '../parsed-command.js';
import { AUTHENTICATED, type CommandHandler } from './handler.js';

/** Every mailbox is always subscribed (LSUB lists them all): SUBSCRIBE of one that exists is a no-op. */
function subscription(command: 'SUBSCRIBE' | 'UNSUBSCRIBE'): CommandHandler {
  return {
    states: AUTHENTICATED,
    run(session, { tag, args }) {
      const name = text(args[0]);
      if (args.length !== 1 || name === null) {
        session.send(`${tag} BAD ${command} takes a mailbox name`);
        return;
      }
      if (!session.ctx.mailboxes.mailbox(session.grant.accountId, name)) {
        session.send(`${tag} NO [NONEXISTENT] Mailbox doesn't exist`);
        return;
      }
      session.send(`${tag} OK ${command} completed`);
    },
  };
}

export const subscribe = subscription('SUBSCRIBE');
export const unsubscribe = subscription('UNSUBSCRIBE');
