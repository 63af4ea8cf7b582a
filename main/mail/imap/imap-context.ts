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

/** The capabilities the profile lists, in its order; before sign-in, STARTTLS (until TLS) and AUTH=PLAIN. */
export function capabilities(profile: MailProfile, state: ImapState, tls: boolean): string {
  const words: string[] = [...profile.imap.capabilities];
  if (state === 'not-authenticated') {
    if (!tls) words.push('STARTTLS');
    words.push('AUTH=PLAIN');
  }
  return words.join(' ');
}
