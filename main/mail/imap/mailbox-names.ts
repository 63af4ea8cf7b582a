import iconv from 'iconv-lite';
import type { MailProfile } from '../profiles.js';
import { MAX_MAILBOXES, type MailboxRow, type MailboxStore } from '../store/mailbox-store.js';

/** The hierarchy delimiter (RFC 3501 §5.1.1), the same in every profile. */
export const DELIMITER = '/';
const MAX_NAME_LENGTH = 200;
const MAX_LEVELS = 16;

/**
 * Mailbox names as clients see them. INBOX is INBOX in any case (RFC 3501 §5.1); a mailbox
 * with a special use has the name its profile gives it; a client's folder has the name the
 * client gave, kept as written (modified UTF-7, §5.1.3). Names are resolved per request, so a
 * profile switched in the control center renames the special mailboxes at once.
 */
export function wireName(box: MailboxRow, profile: MailProfile): string {
  return box.special_use ? profile.imap.folders[box.special_use] : box.name;
}

/** The mailbox a client means by `name`, or null. A special mailbox's name wins over a folder's. */
export function findMailbox(store: MailboxStore, accountId: number, name: string, profile: MailProfile): MailboxRow | null {
  const boxes = store.mailboxes(accountId);
  if (name.toUpperCase() === 'INBOX') return boxes.find((b) => b.name === 'INBOX') ?? null;
  return boxes.find((b) => b.special_use !== null && profile.imap.folders[b.special_use] === name) ?? boxes.find((b) => b.special_use === null && b.name === name) ?? null;
}

/** Every name a LIST may show: the mailboxes, and the parents their names imply that are no mailbox (\Noselect). */
export function listedNames(boxes: MailboxRow[], profile: MailProfile): { name: string; box: MailboxRow | null }[] {
  const byName = new Map<string, MailboxRow | null>();
  for (const box of boxes) {
    const name = wireName(box, profile);
    // A folder a client made under a name this profile gives a special mailbox is hidden by it.
    if (!byName.get(name)) byName.set(name, box);
  }
  for (const name of [...byName.keys()]) {
    const levels = name.split(DELIMITER);
    for (let i = 1; i < levels.length; i++) {
      const parent = levels.slice(0, i).join(DELIMITER);
      if (!byName.has(parent)) byName.set(parent, null);
    }
  }
  // INBOX first, then in the order of the names' characters (as Gmail and Dovecot list them).
  return [...byName]
    .map(([name, box]) => ({ name, box }))
    .sort((a, b) => (a.name === 'INBOX' ? -1 : b.name === 'INBOX' ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Why a client may not make (or rename to) this name, or null when it may: empty levels,
 * wildcards, what is not modified UTF-7 in its one spelling, `\` at the start (the store's own
 * names), INBOX, a special mailbox's name, too long or too deep.
 */
export function refusedName(name: string): string | null {
  if (name === '' || name.length > MAX_NAME_LENGTH) return `A mailbox name has 1 to ${MAX_NAME_LENGTH} characters`;
  if (/[^\x20-\x7e]/.test(name)) return 'Mailbox names are 7-bit: write other characters in modified UTF-7 (RFC 3501 §5.1.3)';
  if (/[*%]/.test(name)) return 'A mailbox name may not contain * or %';
  if (name.startsWith('\\')) return 'A mailbox name may not start with \\';
  const levels = name.split(DELIMITER);
  if (levels.some((l) => l === '')) return 'A mailbox name may not have an empty level';
  if (levels.length > MAX_LEVELS) return `A mailbox name has at most ${MAX_LEVELS} levels`;
  if (iconv.encode(iconv.decode(Buffer.from(name, 'latin1'), 'utf-7-imap'), 'utf-7-imap').toString('latin1') !== name) {
    return 'The name is not in modified UTF-7 (RFC 3501 §5.1.3)';
  }
  return null;
}

/** Whether the name is INBOX or a special mailbox's in this profile (it exists already). */
export function isReservedName(name: string, profile: MailProfile): boolean {
  return name.toUpperCase() === 'INBOX' || Object.values(profile.imap.folders).includes(name);
}

export { MAX_MAILBOXES };
