import type { ActivityEntry, ServiceEvent } from '../../../preload/contract/models.js';
import type { Db } from '../../identity/store/database.js';
import type { MailboxStore } from '../store/mailbox-store.js';
import type { MailSettingsStore } from '../store/mail-settings.js';
import { buildNotificationMail, notificationKind } from './notification-mail.js';

export interface NotifierDeps {
  db: Db;
  mailboxes: MailboxStore;
  settings: MailSettingsStore;
  /** The account of an Apple ID (through the identity service), or null when it is gone. */
  accountOf: (appleId: string) => number | null;
  /** The newest activity entries, newest first (the identity service's log). */
  recentActivity: () => ActivityEntry[];
}

/**
 * Turns the activity log's security changes into notification mails in the account's INBOX.
 *
 * From the log, after commit, rather than inside the identity service's transactions: the
 * mailbox is the mail servers' own store (no arrow back from the identity service to it), and
 * the log entry is already the durable record of the change. A watermark (the last entry turned
 * into mail) moves in the same transaction as each delivery, and the entries past it are caught
 * up at start, so a crash between the change and its mail loses nothing and sends nothing twice.
 */
export class Notifier {
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly deps: NotifierDeps) {}

  /** Catches up the entries logged while no mail server ran, oldest first. */
  start(): Promise<void> {
    const { settings } = this.deps;
    const recent = this.deps.recentActivity();
    const newest = recent[0]?.id ?? 0;
    // The log starts again at 1 after a demo reset: the watermark follows it down.
    if (settings.notifiedThrough() > newest) this.deps.db.transaction(() => settings.setNotifiedThrough(newest)).immediate();
    const through = settings.notifiedThrough();
    for (const entry of recent.filter((e) => e.id > through).reverse()) this.enqueue(entry);
    return this.idle();
  }

  /** For the identity service's bus. */
  onServiceEvent(event: ServiceEvent): void {
    if (event.type === 'activity') this.enqueue(event.entry);
  }

  /** Resolves once every queued entry has been handled. */
  idle(): Promise<void> {
    return this.queue;
  }

  private enqueue(entry: ActivityEntry): void {
    this.queue = this.queue.then(() => this.handle(entry)).catch(() => undefined);
  }

  private async handle(entry: ActivityEntry): Promise<void> {
    const { db, mailboxes, settings } = this.deps;
    if (entry.event === 'demo-reset') {
      db.transaction(() => settings.setNotifiedThrough(entry.id)).immediate();
      return;
    }
    if (entry.id <= settings.notifiedThrough()) return;
    const kind = notificationKind(entry);
    const accountId = kind && entry.appleId ? this.deps.accountOf(entry.appleId) : null;
    if (!kind || accountId === null) return;
    const raw = await buildNotificationMail(kind, entry, settings.get().language);
    const mailboxId = mailboxes.inbox(accountId).id;
    const delivered = db
      .transaction(() => {
        if (entry.id <= settings.notifiedThrough()) return false;
        mailboxes.deliver(accountId, raw, entry.at, [], false);
        settings.setNotifiedThrough(entry.id);
        return true;
      })
      .immediate();
    if (delivered) mailboxes.changed({ accountId, mailboxId });
  }
}
