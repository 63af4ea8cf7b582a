import { atomText, text } from '../parsed-command.js';
import { canonicalFlag, isStorableFlag } from './flags.js';
import { SELECTED, type CommandHandler } from './handler.js';
import { messagesIn } from './message-set.js';


/** STORE and UID STORE (RFC 3501 §6.4.6): FLAGS, +FLAGS, -FLAGS, each .SILENT or not. */
function storing(byUid: boolean): CommandHandler {
  return {
    states: SELECTED,
    run(session, { tag, args }) {
      const mailbox = session.selected!;
      const set = text(args[0]);
      const action = text(args[1])?.toUpperCase();
      const flagArgs = args.slice(2).flatMap((a) => (Array.isArray(a) ? a : [a]));
      const flags = flagArgs.map((a) => atomText(a));
      const match = action && /^([+-]?)FLAGS(\.SILENT)?$/.exec(action);
      if (set === null || !match || flags.some((f) => f === null || !isStorableFlag(f))) {
        session.send(`${tag} BAD STORE takes a sequence set, FLAGS / +FLAGS / -FLAGS[.SILENT] and flags`);
        return;
      }
      if (mailbox.readOnly) {
        session.send(`${tag} NO [READ-ONLY] The mailbox was opened with EXAMINE`);
        return;
      }
      const messages = messagesIn(mailbox, set, byUid);
      if (!messages) {
        session.send(`${tag} BAD Invalid sequence set`);
        return;
      }
      const given = [...new Set((flags as string[]).map(canonicalFlag))];
      const updates = messages.map(({ seq, message }) => {
        const current = new Set(message.flags);
        if (match[1] === '+') given.forEach((f) => current.add(f));
        else if (match[1] === '-') given.forEach((f) => current.delete(f));
        const next = match[1] === '' ? given : [...current];
        return { seq, uid: message.uid, flags: next };
      });
      session.ctx.mailboxes.setFlags(mailbox.box, updates);
      for (const u of updates) {
        mailbox.noteFlags(u.uid, u.flags);
        if (!match[2]) session.send(`* ${u.seq} FETCH (${byUid ? `UID ${u.uid} ` : ''}FLAGS (${mailbox.flagsOf(u).join(' ')}))`);
      }
      session.flushUpdates(byUid);
      session.send(`${tag} OK ${byUid ? 'UID STORE' : 'STORE'} completed`);
    },
  };
}

export const store = storing(false);
export const uidStore = storing(true);
