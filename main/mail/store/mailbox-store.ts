import type { Db } from '../../identity/store/database.js';

/** The mailboxes every account has; names as iCloud shows them. */
export const MAILBOXES = [
  { name: 'INBOX', specialUse: null },
  { name: 'Sent Messages', specialUse: '\\Sent' },
] as const;

/** The largest message a mailbox takes, however it comes (SMTP's SIZE, IMAP's APPEND). */
export const MAX_MESSAGE_BYTES = 25 * 1024 * 1024;

export interface MailboxRow {
  id: number;
  account_id: number;
  name: string;
  special_use: string | null;
  uid_validity: number;
  uid_next: number;
}

/** A message as a mailbox listing knows it (no body). */
export interface MessageMeta {
  uid: number;
  internalDate: number;
  flags: string[];
  size: number;
}

export interface StoredMessage extends MessageMeta {
  raw: Buffer;
}

export type MailboxChange = { accountId: number; mailboxId: number };

/** The flags TwoStep keeps; others that a client sets are kept too, as keywords. */
export function parseFlags(stored: string): string[] {
  return stored === '' ? [] : stored.split(' ');
}

/**
 * The mailbox store: the account's mailboxes and messages in the identity store's SQLite file
 * (migration 0030). Every change is one IMMEDIATE transaction; listeners hear of it after
 * commit, so an IMAP session never announces a message that was rolled back.
 */
export class MailboxStore {
  private readonly listeners = new Set<(change: MailboxChange) => void>();
  private readonly stmts;

  constructor(private readonly db: Db) {
    this.stmts = {
      ensure: db.prepare(
        `INSERT INTO mailboxes (account_id, name, special_use, uid_validity) VALUES (@accountId, @name, @specialUse, @uidValidity)
         ON CONFLICT (account_id, name) DO NOTHING`,
      ),
      list: db.prepare<[number], MailboxRow>('SELECT * FROM mailboxes WHERE account_id = ? ORDER BY id'),
      byName: db.prepare<[number, string], MailboxRow>('SELECT * FROM mailboxes WHERE account_id = ? AND name = ?'),
      byId: db.prepare<[number], MailboxRow>('SELECT * FROM mailboxes WHERE id = ?'),
      metas: db.prepare<[number], { uid: number; internal_date: number; flags: string; size: number }>(
        'SELECT uid, internal_date, flags, length(raw) AS size FROM mail_messages WHERE mailbox_id = ? ORDER BY uid',
      ),
      message: db.prepare<[number, number], { uid: number; internal_date: number; flags: string; raw: Buffer }>(
        'SELECT uid, internal_date, flags, raw FROM mail_messages WHERE mailbox_id = ? AND uid = ?',
      ),
      insert: db.prepare('INSERT INTO mail_messages (mailbox_id, uid, internal_date, flags, raw) VALUES (@mailboxId, @uid, @internalDate, @flags, @raw)'),
      bumpUid: db.prepare('UPDATE mailboxes SET uid_next = uid_next + 1 WHERE id = ?'),
      setFlags: db.prepare('UPDATE mail_messages SET flags = @flags WHERE mailbox_id = @mailboxId AND uid = @uid'),
      deleted: db.prepare<[number], { uid: number }>(
        `SELECT uid FROM mail_messages WHERE mailbox_id = ? AND (' ' || flags || ' ') LIKE '% \\Deleted %' ORDER BY uid`,
      ),
      remove: db.prepare('DELETE FROM mail_messages WHERE mailbox_id = ? AND uid = ?'),
      counts: db.prepare<[number], { messages: number; unseen: number }>(
        `SELECT count(*) AS messages, coalesce(sum((' ' || flags || ' ') NOT LIKE '% \\Seen %'), 0) AS unseen
         FROM mail_messages WHERE mailbox_id = ?`,
      ),
    };
  }

  /** Told after every committed change of a mailbox (a delivery, flags, an expunge). */
  onChange(listener: (change: MailboxChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The account's mailboxes, made on first use (UIDVALIDITY: the time they were made, in seconds). */
  mailboxes(accountId: number, now = Date.now()): MailboxRow[] {
    const existing = this.stmts.list.all(accountId);
    if (existing.length >= MAILBOXES.length) return existing;
    this.db
      .transaction(() => {
        for (const box of MAILBOXES) this.stmts.ensure.run({ accountId, name: box.name, specialUse: box.specialUse, uidValidity: Math.floor(now / 1000) });
      })
      .immediate();
    return this.stmts.list.all(accountId);
  }

  /** A mailbox by the name a client gave; INBOX in any case (RFC 3501 §5.1). Null: no such mailbox. */
  mailbox(accountId: number, name: string): MailboxRow | null {
    const boxes = this.mailboxes(accountId);
    return boxes.find((b) => (name.toUpperCase() === 'INBOX' ? b.name === 'INBOX' : b.name === name)) ?? null;
  }

  mailboxById(mailboxId: number): MailboxRow | null {
    return this.stmts.byId.get(mailboxId) ?? null;
  }

  /** Every message's UID, date, flags and size, in UID order: what a SELECT snapshots. */
  listing(mailboxId: number): MessageMeta[] {
    return this.stmts.metas.all(mailboxId).map((r) => ({ uid: r.uid, internalDate: r.internal_date, flags: parseFlags(r.flags), size: r.size }));
  }

  message(mailboxId: number, uid: number): StoredMessage | null {
    const row = this.stmts.message.get(mailboxId, uid);
    return row ? { uid: row.uid, internalDate: row.internal_date, flags: parseFlags(row.flags), size: row.raw.length, raw: row.raw } : null;
  }

  counts(mailboxId: number): { messages: number; unseen: number } {
    return this.stmts.counts.get(mailboxId)!;
  }

  /**
   * Appends a message to the account's mailbox; returns its UID. Inside a caller's transaction
   * (the notifier's, which also moves its watermark), `announce: false` leaves telling the
   * sessions to the caller, after its commit.
   */
  deliver(accountId: number, mailboxName: string, raw: Buffer, internalDate: number, flags: string[] = [], announce = true): number {
    const box = this.mailbox(accountId, mailboxName);
    if (!box) throw new Error(`no mailbox ${mailboxName}`);
    const uid = this.db
      .transaction(() => {
        const current = this.stmts.byId.get(box.id)!;
        this.stmts.insert.run({ mailboxId: box.id, uid: current.uid_next, internalDate, flags: flags.join(' '), raw });
        this.stmts.bumpUid.run(box.id);
        return current.uid_next;
      })
      .immediate();
    if (announce) this.changed({ accountId, mailboxId: box.id });
    return uid;
  }

  /** Sets each message's flags (already computed by the caller), in one transaction. */
  setFlags(box: MailboxRow, updates: { uid: number; flags: string[] }[]): void {
    if (updates.length === 0) return;
    this.db
      .transaction(() => {
        for (const u of updates) this.stmts.setFlags.run({ mailboxId: box.id, uid: u.uid, flags: u.flags.join(' ') });
      })
      .immediate();
    this.changed({ accountId: box.account_id, mailboxId: box.id });
  }

  /** Removes the messages flagged \Deleted (limited to `onlyUids` when given); returns their UIDs. */
  expunge(box: MailboxRow, onlyUids?: ReadonlySet<number>): number[] {
    const removed = this.db
      .transaction(() => {
        const uids = this.stmts.deleted.all(box.id).map((r) => r.uid).filter((uid) => !onlyUids || onlyUids.has(uid));
        for (const uid of uids) this.stmts.remove.run(box.id, uid);
        return uids;
      })
      .immediate();
    if (removed.length > 0) this.changed({ accountId: box.account_id, mailboxId: box.id });
    return removed;
  }

  /** Tells the sessions of a change the caller committed. */
  changed(change: MailboxChange): void {
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch {
        // One broken session must not keep the others from hearing of the change.
      }
    }
  }
}
