import type { OpenMailSessionView } from '../../preload/contract/mail-types.js';
import type { SignedInClient } from '../../preload/contract/models.js';
import { usedByName, type IdentityService } from '../identity/identity-service.js';

/**
 * Who is signed in where: the Mac apps' sessions as the identity service keeps them, and the
 * mail clients' open IMAP and SMTP connections — each named as View History names the client
 * that used a password (the identity service's `usedByName`: its IMAP ID name, else the
 * protocol), so the control center and My Apple ID never call one client two things. A client
 * with several connections (IMAP and SMTP, or a few IMAP ones) is one row.
 */
export function signedInClients(service: IdentityService, mailSessions: readonly OpenMailSessionView[]): SignedInClient[] {
  const apps: SignedInClient[] = service.clientSessions().map((s) => ({
    kind: 'app',
    clientKind: s.clientKind,
    appleId: s.appleId,
    appPasswordLabel: s.appPasswordLabel,
    startedAt: s.startedAt,
  }));
  const clients = new Map<string, Extract<SignedInClient, { kind: 'mail' }>>();
  for (const s of mailSessions) {
    const name = usedByName(s.protocol, s.clientName);
    const key = JSON.stringify([name, s.appleId, s.appPasswordLabel]);
    const known = clients.get(key);
    if (!known) {
      clients.set(key, { kind: 'mail', name, protocols: [s.protocol], connections: 1, appleId: s.appleId, appPasswordLabel: s.appPasswordLabel, startedAt: s.startedAt });
      continue;
    }
    known.connections += 1;
    known.startedAt = Math.min(known.startedAt, s.startedAt);
    if (!known.protocols.includes(s.protocol)) known.protocols = [...known.protocols, s.protocol].sort();
  }
  return [...apps, ...[...clients.values()].sort((a, b) => a.startedAt - b.startedAt)];
}
