import { mailboxName } from '../format.js';
import { text } from '../parsed-command.js';
import { AUTHENTICATED, type CommandHandler } from './handler.js';

/** `*` matches anything, `%` anything but the hierarchy delimiter (RFC 3501 §6.3.8). */
function matcher(pattern: string, ignoreCase: boolean): RegExp {
  const source = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/%/g, '[^/]*');
  return new RegExp(`^${source}$`, ignoreCase ? 'i' : '');
}

function listing(command: 'LIST' | 'LSUB'): CommandHandler {
  return {
    states: AUTHENTICATED,
    run(session, { tag, args }) {
      const reference = text(args[0]);
      const pattern = text(args[1]);
      if (args.length !== 2 || reference === null || pattern === null) {
        session.send(`${tag} BAD ${command} takes a reference and a mailbox pattern`);
        return;
      }
      if (pattern === '' && command === 'LIST') {
        // The hierarchy delimiter and root (RFC 3501 §6.3.8).
        session.send('* LIST (\\Noselect) "/" ""');
        session.send(`${tag} OK LIST completed`);
        return;
      }
      // INBOX is matched in any case (RFC 3501 §5.1); other names exactly.
      const exact = matcher(reference + pattern, false);
      const anyCase = matcher(reference + pattern, true);
      for (const box of session.ctx.mailboxes.mailboxes(session.grant.accountId)) {
        if (!(box.name === 'INBOX' ? anyCase : exact).test(box.name)) continue;
        const attributes = ['\\HasNoChildren', ...(box.special_use && command === 'LIST' ? [box.special_use] : [])];
        session.send(`* ${command} (${attributes.join(' ')}) "/" ${mailboxName(box.name)}`);
      }
      session.send(`${tag} OK ${command} completed`);
    },
  };
}

export const list = listing('LIST');
export const lsub = listing('LSUB');
