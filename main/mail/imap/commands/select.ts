import { SelectedMailbox } from '../selected-mailbox.js';
import { text } from '../parsed-command.js';
import { AUTHENTICATED, type CommandHandler } from './handler.js';

/**
 * SELECT and EXAMINE (RFC 3501 §6.3.1–2), in the profile's words; a failed one leaves no
 * mailbox selected.
 */
function opening(command: 'SELECT' | 'EXAMINE'): CommandHandler {
  return {
    states: AUTHENTICATED,
    run(session, { tag, args }) {
      const name = text(args[0]);
      if (name === null || args.length !== 1) {
        session.send(`${tag} BAD ${command} takes a mailbox name`);
        return;
      }
      const box = session.mailboxNamed(name);
      if (!box) {
        session.select(null);
        session.send(`${tag} NO [NONEXISTENT] Mailbox doesn't exist: ${name.slice(0, 100).replace(/[\r\n]/g, '')}`);
        return;
      }
      const words = session.ctx.profile().imap.select;
      const readOnly = command === 'EXAMINE';
      const mailbox = new SelectedMailbox(box, readOnly, session.ctx.mailboxes);
      session.select(mailbox);
      session.send(`* FLAGS (${words.flags})`);
      session.send(`* OK [PERMANENTFLAGS (${readOnly ? '' : `${words.flags} \\*`})] ${words.flagsPermitted}`);
      session.send(`* ${mailbox.count} EXISTS`);
      session.send(`* ${mailbox.recentCount} RECENT`);
      const unseen = mailbox.firstUnseen();
      if (unseen !== null) session.send(`* OK [UNSEEN ${unseen}] ${words.firstUnseen}`);
      session.send(`* OK [UIDVALIDITY ${box.uid_validity}] ${words.uidsValid}`);
      session.send(`* OK [UIDNEXT ${session.ctx.mailboxes.mailboxById(box.id)!.uid_next}] ${words.predictedUid}`);
      session.send(`${tag} OK [${readOnly ? 'READ-ONLY' : 'READ-WRITE'}] ${words.done(command, session.nameOf(box))}`);
    },
  };
}

export const select = opening('SELECT');
export const examine = opening('EXAMINE');
