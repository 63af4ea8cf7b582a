import { mailboxName } from '../format.js';
import { DELIMITER, listedNames } from '../mailbox-names.js';
import { atomText, text, type ImapArg } from '../parsed-command.js';
import { AUTHENTICATED, type CommandHandler } from './handler.js';

/** `*` matches anything, `%` anything but the hierarchy delimiter (RFC 3501 §6.3.8). */
function matcher(pattern: string, ignoreCase: boolean): RegExp {
  const source = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/%/g, '[^/]*');
  return new RegExp(`^${source}$`, ignoreCase ? 'i' : '');
}

/** A list of atoms, upper-cased (`(SPECIAL-USE)`), or null when it is something else. */
function options(arg: ImapArg | undefined): string[] | null {
  if (!Array.isArray(arg)) return null;
  const words = arg.map((a) => atomText(a)?.toUpperCase() ?? null);
  return words.every((w): w is string => w !== null) ? words : null;
}

/**
 * LIST and LSUB (RFC 3501 §6.3.8–9), with RFC 6154's `LIST (SPECIAL-USE) "" "*"` selection
 * and `RETURN (SPECIAL-USE)` for clients that send them. Names the hierarchy implies but no
 * mailbox has (Gmail's `[Gmail]`) are listed \Noselect; every name says whether it has children
 * (CHILDREN, RFC 3348). LSUB lists the subscribed mailboxes.
 */
function listing(command: 'LIST' | 'LSUB'): CommandHandler {
  return {
    states: AUTHENTICATED,
    run(session, { tag, args }) {
      let rest = args;
      let onlySpecialUse = false;
      if (command === 'LIST' && Array.isArray(rest[0])) {
        const selection = options(rest[0]);
        if (!selection || !selection.every((o) => o === 'SPECIAL-USE')) {
          session.send(`${tag} BAD LIST takes only the SPECIAL-USE selection option`);
          return;
        }
        onlySpecialUse = selection.length > 0;
        rest = rest.slice(1);
      }
      if (command === 'LIST' && rest.length === 4 && atomText(rest[2])?.toUpperCase() === 'RETURN') {
        const returned = options(rest[3]);
        if (!returned || !returned.every((o) => o === 'SPECIAL-USE')) {
          session.send(`${tag} BAD LIST takes only the SPECIAL-USE return option`);
          return;
        }
        rest = rest.slice(0, 2);
      }
      const reference = text(rest[0]);
      const pattern = text(rest[1]);
      if (rest.length !== 2 || reference === null || pattern === null) {
        session.send(`${tag} BAD ${command} takes a reference and a mailbox pattern`);
        return;
      }
      if (pattern === '' && command === 'LIST') {
        // The hierarchy delimiter and root (RFC 3501 §6.3.8).
        session.send(`* LIST (\\Noselect) "${DELIMITER}" ""`);
        session.send(`${tag} OK LIST completed`);
        return;
      }
      // INBOX is matched in any case (RFC 3501 §5.1); other names exactly.
      const exact = matcher(reference + pattern, false);
      const anyCase = matcher(reference + pattern, true);
      const names = listedNames(session.ctx.mailboxes.mailboxes(session.grant.accountId), session.ctx.profile());
      const parents = new Set(names.flatMap(({ name }) => name.split(DELIMITER).slice(0, -1).map((_, i, levels) => levels.slice(0, i + 1).join(DELIMITER))));
      for (const { name, box } of names) {
        if (!(name === 'INBOX' ? anyCase : exact).test(name)) continue;
        if (command === 'LSUB' && (!box || box.subscribed === 0)) continue;
        if (onlySpecialUse && !box?.special_use) continue;
        const attributes = [parents.has(name) ? '\\HasChildren' : '\\HasNoChildren'];
        if (!box) attributes.push('\\Noselect');
        if (box?.special_use && command === 'LIST') attributes.push(box.special_use);
        session.send(`* ${command} (${attributes.join(' ')}) "${DELIMITER}" ${mailboxName(name)}`);
      }
      session.send(`${tag} OK ${command} completed`);
    },
  };
}

export const list = listing('LIST');
export const lsub = listing('LSUB');
