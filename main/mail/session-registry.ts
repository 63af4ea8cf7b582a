import type { OpenMailSessionView } from '../../preload/contract/mail-types.js';
import type { CredentialsRevoked, SessionEndReason } from '../../preload/contract/models.js';
import type { MailProtocol } from '../identity/policy/client-rules.js';
import type { MailGrant } from '../identity/service/mail-sign-in.js';

/** A signed-in IMAP or SMTP connection, as the registry knows it. */
export interface MailSession {
  readonly id: string;
  readonly protocol: MailProtocol;
  readonly grant: MailGrant;
  readonly startedAt: number;
  /** The name the client gave (IMAP ID), if any. */
  clientName(): string | null;
  /** Ends the connection now, telling the client why (IMAP `* BYE`, SMTP `421`). */
  end(reason: string): void;
}

export type { OpenMailSessionView };

/** What a client is told when its credentials are revoked under it. */
export function revocationText(reason: SessionEndReason): string {
  switch (reason) {
    case 'app-password-revoked':
      return 'The app-specific password of this session was revoked.';
    case 'password-changed':
      return 'The Apple ID password was changed; app-specific passwords were revoked.';
    case 'security-changed':
      return 'The security settings of this Apple ID changed; app-specific passwords were revoked.';
    case 'demo-reset':
      return 'The demo was reset.';
    default:
      return 'This session has ended.';
  }
}

/**
 * The open mail sessions, many per account (the client_sessions table holds one per drawn app;
 * these live as long as their connections, so in memory). Indexed by the credential that opened
 * them, so a revocation ends exactly its sessions at once — or, with "keep sessions on revoke",
 * leaves them open (they fail at their next sign-in).
 */
export class SessionRegistry {
  private readonly sessions = new Set<MailSession>();
  private readonly byAppPassword = new Map<number, Set<MailSession>>();
  private readonly byAccount = new Map<number, Set<MailSession>>();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly keepOnRevoke: () => boolean) {}

  add(session: MailSession): () => void {
    this.sessions.add(session);
    const { accountId, appPasswordId } = session.grant;
    index(this.byAccount, accountId).add(session);
    if (appPasswordId !== null) index(this.byAppPassword, appPasswordId).add(session);
    this.changed();
    let removed = false;
    return () => {
      if (removed) return;
      removed = true;
      this.sessions.delete(session);
      unindex(this.byAccount, accountId, session);
      if (appPasswordId !== null) unindex(this.byAppPassword, appPasswordId, session);
      this.changed();
    };
  }

  get size(): number {
    return this.sessions.size;
  }

  list(): OpenMailSessionView[] {
    return [...this.sessions].map((s) => ({
      id: s.id,
      protocol: s.protocol,
      appleId: s.grant.appleId,
      clientName: s.clientName(),
      appPasswordLabel: s.grant.label,
      startedAt: s.startedAt,
    }));
  }

  /** Told whenever a session opens or ends (the control center's list). */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** For the identity service's `credentials-revoked` event: ends the sessions it names. */
  revoked(event: CredentialsRevoked): number {
    if (this.keepOnRevoke()) return 0;
    const doomed = new Set<MailSession>();
    for (const id of event.appPasswordIds) for (const s of this.byAppPassword.get(id) ?? []) doomed.add(s);
    if (event.accountPassword) {
      const candidates = event.accountId === null ? this.sessions : (this.byAccount.get(event.accountId) ?? new Set<MailSession>());
      // A new password ends the sessions opened with the old one; a reset ends every session.
      for (const s of candidates) if (s.grant.appPasswordId === null || event.accountId === null) doomed.add(s);
    }
    const text = revocationText(event.reason);
    for (const session of doomed) session.end(text);
    return doomed.size;
  }

  /** Ends every session (the servers are stopping). */
  endAll(text: string): void {
    for (const session of [...this.sessions]) session.end(text);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}

function index<K>(map: Map<K, Set<MailSession>>, key: K): Set<MailSession> {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  return set;
}

function unindex<K>(map: Map<K, Set<MailSession>>, key: K, session: MailSession): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(session);
  if (set.size === 0) map.delete(key);
}
