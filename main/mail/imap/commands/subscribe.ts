import { text } from '../parsed-command.js';
import { AUTHENTICATED, type CommandHandler } from './handler.js';

/** SUBSCRIBE and UNSUBSCRIBE (RFC 3501 §6.3.6–7): what LSUB lists; a mailbox is subscribed when made. */
function subscription(command: 'SUBSCRIBE' | 'UNSUBSCRIBE'): CommandHandler {
  return {
    states: AUTHENTICATED,
    run(session, { tag, args }) {
      const name = text(args[0]);
      if (args.length !== 1 || name === null) {
        session.send(`${tag} BAD ${command} takes a mailbox name`);
        return;
      }
      const box = session.mailboxNamed(name);
      if (!box) {
        session.send(`${tag} NO [NONEXISTENT] Mailbox doesn't exist`);
        return;
      }
      session.ctx.mailboxes.setSubscribed(box, command === 'SUBSCRIBE');
      session.send(`${tag} OK ${command} completed`);
    },
  };
}

export const subscribe = subscription('SUBSCRIBE');
export const unsubscribe = subscription('UNSUBSCRIBE');
