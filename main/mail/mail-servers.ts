import type { MailServersView } from '../../preload/contract/mail-types.js';
import type { ServiceEvent } from '../../preload/contract/models.js';
import type { IdentityService } from '../identity/identity-service.js';
import { startImapServer, type RunningMailServer } from './imap/imap-server.js';
import type { ImapContext } from './imap/imap-context.js';
import { Notifier } from './notifications/notifier.js';
import { MAIL_PROFILE, type MailProfileName } from './profiles.js';
import { SessionRegistry } from './session-registry.js';
import { startSmtpServer } from './smtp/smtp-submission.js';
import { MailSettingsStore, type MailSettings } from './store/mail-settings.js';
import { MailboxStore } from './store/mailbox-store.js';
import { loadOrCreateCertificate } from './tls-certificate.js';
import type { ConnectionLimits } from '../net/connection-guard.js';
import { LISTENER_LIMITS } from '../net/listener-budget.js';

/** The mail listeners' limits, where they differ from LISTENER_LIMITS (browser mode fits them to the process's descriptors). */
export interface MailListenerLimits {
  imap?: Partial<ConnectionLimits>;
  imaps?: Partial<ConnectionLimits>;
  smtp?: Partial<ConnectionLimits>;
  smtps?: Partial<ConnectionLimits>;
}

export interface MailServersOptions {
  service: IdentityService;
  /** Where the STARTTLS certificate is kept (the store's folder). */
  dataDir: string;
  imapPort: number;
  smtpPort: number;
  /** The implicit-TLS ports (IMAPS, submissions; RFC 8314). */
  imapsPort: number;
  smtpsPort: number;
  /** Given on the command line: replaces the stored profile. */
  profile?: MailProfileName;
  limits?: MailListenerLimits;
}

export type { MailServersView };

export interface MailServers {
  imapPort: number;
  smtpPort: number;
  imapsPort: number;
  smtpsPort: number;
  view(): MailServersView;
  settings(): MailSettings;
  updateSettings(change: Partial<MailSettings>): MailSettings;
  /** Told when the view changes (a session opened or ended, a setting changed). */
  onChange(listener: () => void): () => void;
  registry: SessionRegistry;
  mailboxes: MailboxStore;
  /** Resolves once the notification mails of changes so far are in their INBOXes. */
  notificationsDelivered(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts the IMAP and SMTP servers on 127.0.0.1 (each on a plain port with STARTTLS and on an
 * implicit-TLS port) beside the identity service: one mailbox store
 * in the same SQLite file, one registry of open sessions that revocations end, the notifier
 * that turns security changes into mail. Browser mode and the desktop app both start it.
 */
export async function startMailServers(options: MailServersOptions): Promise<MailServers> {
  const { service } = options;
  const db = service.database;
  const mailboxes = new MailboxStore(db);
  const settingsStore = new MailSettingsStore(db);
  if (options.profile) settingsStore.update({ profile: options.profile });
  const certificate = await loadOrCreateCertificate(options.dataDir);
  const listeners = new Set<() => void>();
  const changed = () => listeners.forEach((l) => l());
  const registry = new SessionRegistry(() => settingsStore.get().keepSessionsOnRevoke);
  registry.onChange(changed);
  const profile = () => MAIL_PROFILE[settingsStore.get().profile];

  const imapContext: ImapContext = { service, mailboxes, registry, profile, tls: certificate.context, watchers: new Map() };
  const smtpContext = { service, mailboxes, registry, profile, key: certificate.key, cert: certificate.cert };
  const started: RunningMailServer[] = [];
  const start = async <T extends RunningMailServer>(server: Promise<T>): Promise<T> => {
    const running = await server;
    started.push(running);
    return running;
  };
  let imap: RunningMailServer, imaps: RunningMailServer, smtp: RunningMailServer & { profileChanged(): void }, smtps: RunningMailServer & { profileChanged(): void };
  try {
    imap = await start(startImapServer(imapContext, options.imapPort, { ...LISTENER_LIMITS.imap, ...options.limits?.imap }));
    imaps = await start(startImapServer(imapContext, options.imapsPort, { ...LISTENER_LIMITS.imaps, ...options.limits?.imaps }, true));
    smtp = await start(startSmtpServer({ ...smtpContext, limits: { ...LISTENER_LIMITS.smtp, ...options.limits?.smtp } }, options.smtpPort));
    smtps = await start(startSmtpServer({ ...smtpContext, limits: { ...LISTENER_LIMITS.smtps, ...options.limits?.smtps } }, options.smtpsPort, true));
  } catch (error) {
    await Promise.all(started.map((server) => server.close()));
    throw error;
  }

  const notifier = new Notifier({
    db,
    mailboxes,
    settings: settingsStore,
    accountOf: (appleId) => service.mailAccount(appleId)?.accountId ?? null,
    recentActivity: () => service.activity({ limit: 500 }),
  });
  const stopEnding = service.endSessionsWith((event) => registry.revoked(event));
  const unsubscribe = service.subscribe((event: ServiceEvent) => notifier.onServiceEvent(event));
  await notifier.start();

  const running = { imap, imaps, smtp, smtps };
  return {
    imapPort: imap.port,
    smtpPort: smtp.port,
    imapsPort: imaps.port,
    smtpsPort: smtps.port,
    registry,
    mailboxes,
    settings: () => settingsStore.get(),
    updateSettings(change) {
      const next = settingsStore.update(change);
      running.smtp.profileChanged();
      running.smtps.profileChanged();
      changed();
      return next;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    view: () => ({
      imap: { host: '127.0.0.1', port: running.imap.port, security: 'STARTTLS, or none (loopback only)' },
      imaps: { host: '127.0.0.1', port: running.imaps.port, security: 'SSL/TLS from the first byte' },
      smtp: { host: '127.0.0.1', port: running.smtp.port, security: 'STARTTLS, or none (loopback only); AUTH PLAIN or LOGIN' },
      smtps: { host: '127.0.0.1', port: running.smtps.port, security: 'SSL/TLS from the first byte; AUTH PLAIN or LOGIN' },
      userName: 'your Apple ID (e.g. demo@twostep.example)',
      password: 'an app-specific password',
      certificateFingerprint: certificate.fingerprint,
      settings: settingsStore.get(),
      sessions: registry.list(),
    }),
    notificationsDelivered: () => notifier.idle(),
    async close() {
      unsubscribe();
      stopEnding();
      registry.endAll('Server shutting down');
      await Promise.all([running.imap.close(), running.imaps.close(), running.smtp.close(), running.smtps.close()]);
    },
  };
}
