import { SelectedMailbox } from '../selected-mailbox.js';
import { text } from '../parsed-command.js';
import { AUTHENTICATED, type CommandHandler } from './handler.js';

const FLAGS = '\\Answered \\Flagged \\Deleted \\Seen \\Draft';

/** SELECT and EXAMINE (RFC 3501 §6.3.1–2); a failed one leaves no mailbox selected. */
function opening(command: 'SELECT' | 'EXAMINE'): CommandHandler {
  return {
    states: AUTHENTICATED,
    run(session, { tag, args }) {
      const name = text(args[0]);
      if (name === null || args.length !== 1) {
        session.send(`${tag} BAD ${command} takes a mailbox name`);
        return;
      }
      const box = session.ctx.mailboxes.mailbox(session.grant.accountId, name);
      if (!box) {
        session.select(null);
        session.send(`${tag} NO [NONEXISTENT] Mailbox doesn't exist: ${name.slice(0, 100).replace(/[\r\n]/g, '')}`);
        return;
      }
      const readOnly = command === 'EXAMINE';
      const mailbox = new SelectedMailbox(box, readOnly, session.ctx.mailboxes);
      session.select(mailbox);
      session.send(`* FLAGS (${FLAGS})`);
      session.send(`* OK [PERMANENTFLAGS (${readOnly ? '' : `${FLAGS} \\*`})] Flags permitted`);
      session.send(`* ${mailbox.count} EXISTS`);
      session.send('* 0 RECENT');
      const unseen = mailbox.firstUnseen();
      if (unseen !== null) session.send(`* OK [UNSEEN ${unseen}] First unseen`);
      session.send(`* OK [UIDVALIDITY ${box.uid_validity}] UIDs valid`);
      session.send(`* OK [UIDNEXT ${box.uid_next}] Predicted next UID`);
      session.send(`${tag} OK [${readOnly ? 'READ-ONLY' : 'READ-WRITE'}] ${command} completed`);
    },
  };
}

export const select = opening('SELECT');
export const examine = opening('EXAMINE');
