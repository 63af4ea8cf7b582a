import { hasCapability } from '../imap-context.js';
import type { ImapSession } from '../imap-session.js';
import { text, type ParsedCommand } from '../parsed-command.js';
import { SELECTED, type CommandHandler } from './handler.js';
import { messagesIn } from './message-set.js';

/** `1:3,5` for COPYUID (RFC 4315 §3): the UIDs in the order of the pairs. */
function uidSet(uids: number[]): string {
  return uids.join(',');
}

/**
 * COPY and UID COPY (RFC 3501 §6.4.7), MOVE and UID MOVE (RFC 6851): into any mailbox of the
 * account, one transaction each, so a MOVE never leaves a message in both or neither. With
 * UIDPLUS in the profile, the new UIDs are said (COPYUID). A destination that does not exist
 * gets [TRYCREATE], so clients offer to make it.
 */
function copying(move: boolean, byUid: boolean): CommandHandler {
  return {
    states: SELECTED,
    run(session, command) {
      run(session, command, move, byUid);
    },
  };
}

function run(session: ImapSession, { tag, args }: ParsedCommand, move: boolean, byUid: boolean): void {
  const name = move ? 'MOVE' : 'COPY';
  const mailbox = session.selected!;
  const set = text(args[0]);
  const destinationName = text(args[1]);
  if (args.length !== 2 || set === null || destinationName === null) {
    session.send(`${tag} BAD ${name} takes a sequence set and a mailbox name`);
    return;
  }
  const messages = messagesIn(mailbox, set, byUid);
  if (!messages) {
    session.send(`${tag} BAD Invalid sequence set`);
    return;
  }
  const destination = session.mailboxNamed(destinationName);
  if (!destination) {
    session.send(`${tag} NO [TRYCREATE] Mailbox doesn't exist`);
    return;
  }
  if (move && mailbox.readOnly) {
    session.send(`${tag} NO [READ-ONLY] The mailbox was opened with EXAMINE`);
    return;
  }
  const store = session.ctx.mailboxes;
  const uids = messages.map((m) => m.message.uid);
  const pairs = move ? store.move(mailbox.box, uids, destination) : store.copy(mailbox.box, uids, destination);
  const copyUid =
    pairs.length > 0 && hasCapability(session.ctx.profile(), 'UIDPLUS')
      ? `[COPYUID ${destination.uid_validity} ${uidSet(pairs.map(([from]) => from))} ${uidSet(pairs.map(([, to]) => to))}] `
      : '';
  if (move) {
    // RFC 6851 §4.3: COPYUID untagged before the EXPUNGEs, then the tagged OK.
    if (copyUid) session.send(`* OK ${copyUid}Moved`);
    for (const line of mailbox.removed(pairs.map(([from]) => from))) session.send(line);
    session.flushUpdates(true);
    session.send(`${tag} OK ${name} completed`);
    return;
  }
  session.flushUpdates(byUid);
  session.send(`${tag} OK ${copyUid}${name} completed`);
}

export const copy = copying(false, false);
export const uidCopy = copying(false, true);
export const move = copying(true, false);
export const uidMove = copying(true, true);
