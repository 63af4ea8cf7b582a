import { DELIMITER, isReservedName, refusedName } from '../mailbox-names.js';
import type { ImapSession } from '../imap-session.js';
import { text } from '../parsed-command.js';
import { AUTHENTICATED, type CommandHandler } from './handler.js';

/** Names that exist already as INBOX or a special mailbox, in the profile in force. */
function reserved(session: ImapSession): (name: string) => boolean {
  const profile = session.ctx.profile();
  return (name) => isReservedName(name, profile);
}

/** CREATE (RFC 3501 §6.3.3): a folder, and the parents its name implies; one transaction. */
export const create: CommandHandler = {
  states: AUTHENTICATED,
  run(session, { tag, args }) {
    const name = text(args[0]);
    if (args.length !== 1 || name === null) {
      session.send(`${tag} BAD CREATE takes a mailbox name`);
      return;
    }
    // A trailing delimiter says the name is meant to have children (§6.3.3): the same folder.
    const wanted = name.endsWith(DELIMITER) && name.length > 1 && !name.endsWith(DELIMITER + DELIMITER) ? name.slice(0, -1) : name;
    if (session.mailboxNamed(wanted)) {
      session.send(`${tag} NO [ALREADYEXISTS] Mailbox already exists`);
      return;
    }
    const refusal = refusedName(wanted);
    if (refusal) {
      session.send(`${tag} NO [CANNOT] ${refusal}`);
      return;
    }
    const made = session.ctx.mailboxes.create(session.grant.accountId, wanted, reserved(session));
    if (made === 'exists') session.send(`${tag} NO [ALREADYEXISTS] Mailbox already exists`);
    else if (made === 'limit') session.send(`${tag} NO [LIMIT] Too many mailboxes`);
    else session.send(`${tag} OK CREATE completed`);
  },
};

/**
 * DELETE (RFC 3501 §6.3.4): a folder without children, and its messages; INBOX and the special
 * mailboxes stay. Another session that has it selected is let go (its numbers mean nothing now).
 */
export const remove: CommandHandler = {
  states: AUTHENTICATED,
  run(session, { tag, args }) {
    const name = text(args[0]);
    if (args.length !== 1 || name === null) {
      session.send(`${tag} BAD DELETE takes a mailbox name`);
      return;
    }
    const box = session.mailboxNamed(name);
    if (!box) {
      session.send(`${tag} NO [NONEXISTENT] Mailbox doesn't exist`);
      return;
    }
    if (box.name === 'INBOX' || box.special_use) {
      session.send(`${tag} NO [CANNOT] ${session.nameOf(box)} is a special mailbox and can't be deleted`);
      return;
    }
    const prefix = `${box.name}${DELIMITER}`;
    if (session.ctx.mailboxes.mailboxes(session.grant.accountId).some((b) => b.special_use === null && b.name.startsWith(prefix))) {
      // Dovecot's choice: RFC 3501 would keep the name as \Noselect, which no client expects.
      session.send(`${tag} NO [INUSE] Mailbox has children; delete them first`);
      return;
    }
    if (session.selected?.box.id === box.id) session.select(null);
    session.ctx.mailboxes.delete(box);
    session.send(`${tag} OK DELETE completed`);
  },
};

/** RENAME (RFC 3501 §6.3.5): a folder with everything under it; INBOX's messages move to the new folder. */
export const rename: CommandHandler = {
  states: AUTHENTICATED,
  run(session, { tag, args }) {
    const from = text(args[0]);
    const to = text(args[1]);
    if (args.length !== 2 || from === null || to === null) {
      session.send(`${tag} BAD RENAME takes two mailbox names`);
      return;
    }
    const box = session.mailboxNamed(from);
    if (!box) {
      session.send(`${tag} NO [NONEXISTENT] Mailbox doesn't exist`);
      return;
    }
    if (box.special_use) {
      session.send(`${tag} NO [CANNOT] ${session.nameOf(box)} is a special mailbox and keeps its name`);
      return;
    }
    if (session.mailboxNamed(to)) {
      session.send(`${tag} NO [ALREADYEXISTS] Mailbox already exists`);
      return;
    }
    const refusal = refusedName(to) ?? (to.startsWith(`${box.name}${DELIMITER}`) ? 'A mailbox cannot move under itself' : null);
    if (refusal) {
      session.send(`${tag} NO [CANNOT] ${refusal}`);
      return;
    }
    const outcome = session.ctx.mailboxes.rename(box, to, reserved(session));
    if (outcome === 'exists') session.send(`${tag} NO [ALREADYEXISTS] Mailbox already exists`);
    else if (outcome === 'limit') session.send(`${tag} NO [LIMIT] Too many mailboxes`);
    else {
      session.flushUpdates(true);
      session.send(`${tag} OK RENAME completed`);
    }
  },
};
