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
  watchers: Map<number, Set<{ mailboxChanged(): void; mailboxDeleted(): void }>>;
}

export type ImapState = 'not-authenticated' | 'authenticated' | 'selected' | 'logout';

/**
 * The capabilities the profile lists for the state, in its order: before sign-in its shorter
 * list, then STARTTLS (on the plain port, until TLS is on) and AUTH=PLAIN; after sign-in its
 * full list.
 */
export function capabilities(profile: MailProfile, state: ImapState, tls: boolean): string {
  if (state !== 'not-authenticated') return profile.imap.capabilities.join(' ');
  return [...profile.imap.capabilitiesBeforeLogin, ...(tls ? [] : ['STARTTLS']), 'AUTH=PLAIN'].join(' ');
}

/** Whether the profile in force lists a capability once signed in (COPYUID and APPENDUID follow UIDPLUS). */
export function hasCapability(profile: MailProfile, capability: MailProfile['imap']['capabilities'][number]): boolean {
  return profile.imap.capabilities.includes(capability);
}
