import type { SecureContext } from 'node:tls';
import type { IdentityService } from '../../identity/identity-service.js';
import type { MailProfile } from '../profiles.js';
import type { SessionRegistry } from '../session-registry.js';
import type { MailboxStore } from '../store/mailbox-store.js';

/** What every IMAP session works with. */
export interface ImapContext {
  service: IdentityService;
  mailboxes: MailboxStore;
  registry: SessionRegistry;
  /** The profile in force now (the control center can switch it while the server runs). */
  profile: () => MailProfile;
  tls: SecureContext;
  /** Sessions with a mailbox selected, by mailbox: told of every committed change to it. */
  watchers: Map<number, Set<{ mailboxChanged(): void }>>;
}

export type ImapState = 'not-authenticated' | 'authenticated' | 'selected' | 'logout';

/** The capabilities every profile offers; the profile decides only the order of its words. */
export function capabilities(state: ImapState, tls: boolean): string {
  const words = ['IMAP4rev1', 'LITERAL+', 'SASL-IR', 'ID', 'IDLE', 'NAMESPACE', 'UNSELECT', 'SPECIAL-USE', 'CHILDREN'];
  if (state === 'not-authenticated') {
    if (!tls) words.push('STARTTLS');
    words.push('AUTH=PLAIN');
  }
  return words.join(' ');
}
