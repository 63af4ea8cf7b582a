import type { Db } from '../../identity/store/database.js';

/** The mailboxes with a special use (RFC 6154) every account has beside INBOX; each profile names them. */
export const SPECIAL_USES = ['\\Sent', '\\Drafts', '\\Trash', '\\Junk'] as const;
export type SpecialUse = (typeof SPECIAL_USES)[number];

/** How many mailboxes one account may hold (a client creating folders in a loop stops here). */
export const MAX_MAILBOXES = 500;

/** The largest message a mailbox takes, however it comes (SMTP's SIZE, IMAP's APPEND). */
export const MAX_MESSAGE_BYTES = 25 * 1024 * 1024;

export interface MailboxRow {
  id: number;
  account_id: number;
  /** INBOX, a folder's name as the client wrote it (modified UTF-7), or a special use (`\Sent`). */
  name: string;
  special_use: SpecialUse | null;
  uid_validity: number;
  uid_next: number;
  subscribed: number;
  /** UIDs up to this one were announced as \Recent to a session already. */
  recent_through: number;
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

/** A committed change: messages came, went or changed flags; or the mailbox itself was deleted. */
export type MailboxChange = { accountId: number; mailboxId: number; deleted?: true };

/** The flags TwoStep keeps; others that a client sets are kept too, as keywords. */
export function parseFlags(stored: string): string[] {
  return stored === '' ? [] : stored.split(' ');
}

/** A message copied or moved: its UID in the source and in the destination (COPYUID). */
export type UidPair = [source: number, destination: number];

/**
 * The mailbox store: the account's mailboxes and messages in the identity store's SQLite file
 * (migrations 0030 and 0050). Every change is one IMMEDIATE transaction; listeners hear of it
 * after commit, so an IMAP session never announces a message that was rolled back.
 */
export class MailboxStore {
  private readonly listeners = new Set<(change: MailboxChange) => void>();
  private readonly stmts;

  constructor(private readonly db: Db) {
    this.stmts = {
      insertBox: db.prepare<{ accountId: number; name: string; specialUse: string | null; uidValidity: number }, MailboxRow>(
        `INSERT INTO mailboxes (account_id, name, special_use, uid_validity) VALUES (@accountId, @name, @specialUse, @uidValidity) RETURNING *`,
      ),
      nextUidValidity: db.prepare<[number], { v: number }>(
        'UPDATE mail_settings SET last_uid_validity = max(last_uid_validity + 1, ?) WHERE id = 1 RETURNING last_uid_validity AS v',
      ),
      list: db.prepare<[number], MailboxRow>('SELECT * FROM mailboxes WHERE account_id = ? ORDER BY id'),
      count: db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM mailboxes WHERE account_id = ?'),
      byName: db.prepare<[number, string], MailboxRow>('SELECT * FROM mailboxes WHERE account_id = ? AND name = ?'),
      byId: db.prepare<[number], MailboxRow>('SELECT * FROM mailboxes WHERE id = ?'),
      rename: db.prepare('UPDATE mailboxes SET name = ? WHERE id = ?'),
      deleteBox: db.prepare('DELETE FROM mailboxes WHERE id = ?'),
      subscribe: db.prepare('UPDATE mailboxes SET subscribed = ? WHERE id = ?'),
      claimRecent: db.prepare('UPDATE mailboxes SET recent_through = ? WHERE id = ? AND recent_through < ?'),
      metas: db.prepare<[number], { uid: number; internal_date: number; flags: string; size: number }>(
        'SELECT uid, internal_date, flags, length(raw) AS size FROM mail_messages WHERE mailbox_id = ? ORDER BY uid',
      ),
      message: db.prepare<[number, number], { uid: number; internal_date: number; flags: string; raw: Buffer }>(
        'SELECT uid, internal_date, flags, raw FROM mail_messages WHERE mailbox_id = ? AND uid = ?',
      ),
      insert: db.prepare('INSERT INTO mail_messages (mailbox_id, uid, internal_date, flags, raw) VALUES (@mailboxId, @uid, @internalDate, @flags, @raw)'),
      copy: db.prepare(
        `INSERT INTO mail_messages (mailbox_id, uid, internal_date, flags, raw)
         SELECT @to, @uid, internal_date, flags, raw FROM mail_messages WHERE mailbox_id = @from AND uid = @sourceUid`,
      ),
      takeUids: db.prepare<[number, number], { next: number }>('UPDATE mailboxes SET uid_next = uid_next + ? WHERE id = ? RETURNING uid_next AS next'),
      setFlags: db.prepare('UPDATE mail_messages SET flags = @flags WHERE mailbox_id = @mailboxId AND uid = @uid'),
      deleted: db.prepare<[number], { uid: number }>(
        `SELECT uid FROM mail_messages WHERE mailbox_id = ? AND (' ' || flags || ' ') LIKE '% \\Deleted %' ORDER BY uid`,
      ),
      remove: db.prepare('DELETE FROM mail_messages WHERE mailbox_id = ? AND uid = ?'),
      counts: db.prepare<[number], { messages: number; unseen: number; recent: number }>(
        `SELECT count(*) AS messages, coalesce(sum((' ' || m.flags || ' ') NOT LIKE '% \\Seen %'), 0) AS unseen,
                coalesce(sum(m.uid > b.recent_through), 0) AS recent
         FROM mailboxes b LEFT JOIN mail_messages m ON m.mailbox_id = b.id WHERE b.id = ?`,
      ),
    };
  }

  /** Told after every committed change of a mailbox (a delivery, flags, an expunge, a deletion). */
  onChange(listener: (change: MailboxChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * The account's mailboxes: INBOX and one for each special use, made on first use (their
   * UIDVALIDITY is the time they were made, in seconds, never one given before), then the
   * folders its clients made.
   */
  mailboxes(accountId: number, now = Date.now()): MailboxRow[] {
    const existing = this.stmts.list.all(accountId);
    const have = new Set(existing.map((b) => b.special_use ?? b.name));
    if (have.has('INBOX') && SPECIAL_USES.every((use) => have.has(use))) return existing;
    this.db
      .transaction(() => {
        const present = new Set(this.stmts.list.all(accountId).map((b) => b.special_use ?? b.name));
        if (!present.has('INBOX')) this.insertBox(accountId, 'INBOX', null, now);
        for (const use of SPECIAL_USES) if (!present.has(use)) this.insertBox(accountId, use, use, now);
      })
      .immediate();
    return this.stmts.list.all(accountId);
  }

  inbox(accountId: number): MailboxRow {
    return this.mailboxes(accountId).find((b) => b.name === 'INBOX')!;
  }

  specialUse(accountId: number, use: SpecialUse): MailboxRow {
    return this.mailboxes(accountId).find((b) => b.special_use === use)!;
  }

  /** A mailbox by its stored name (INBOX, or a folder a client made), or null. */
  byName(accountId: number, name: string): MailboxRow | null {
    this.mailboxes(accountId);
    return this.stmts.byName.get(accountId, name) ?? null;
  }

  mailboxById(mailboxId: number): MailboxRow | null {
    return this.stmts.byId.get(mailboxId) ?? null;
  }

  /**
   * Makes a folder and any parents it names that do not exist yet (RFC 3501 §6.3.3), in one
   * transaction. `reserved` names exist already as INBOX or a special mailbox (they are the
   * profile's). `exists`: that name is taken; `limit`: the account has MAX_MAILBOXES.
   */
  create(accountId: number, name: string, reserved: (name: string) => boolean, now = Date.now()): MailboxRow | 'exists' | 'limit' {
    this.mailboxes(accountId, now);
    return this.db
      .transaction((): MailboxRow | 'exists' | 'limit' => {
        if (reserved(name) || this.stmts.byName.get(accountId, name)) return 'exists';
        const levels = name.split('/');
        const missing = levels.map((_, i) => levels.slice(0, i + 1).join('/')).filter((n) => !reserved(n) && !this.stmts.byName.get(accountId, n));
        if (this.stmts.count.get(accountId)!.n + missing.length > MAX_MAILBOXES) return 'limit';
        let made: MailboxRow | null = null;
        for (const level of missing) made = this.insertBox(accountId, level, null, now);
        return made!;
      })
      .immediate();
  }

  /**
   * Renames a folder and every folder under it (RFC 3501 §6.3.5), in one transaction. INBOX is
   * not renamed: its messages move to a new folder of that name and INBOX stays, empty.
   * `exists`: the new name (or one of its children's) is taken.
   */
  rename(box: MailboxRow, newName: string, reserved: (name: string) => boolean, now = Date.now()): 'renamed' | 'exists' | 'limit' {
    const outcome = this.db
      .transaction((): 'renamed' | 'exists' | 'limit' => {
        if (box.name === 'INBOX') {
          const made = this.create(box.account_id, newName, reserved, now);
          if (typeof made === 'string') return made;
          const uids = this.stmts.metas.all(box.id).map((m) => m.uid);
          this.copyInside(box, uids, made);
          for (const uid of uids) this.stmts.remove.run(box.id, uid);
          return 'renamed';
        }
        const family = this.stmts.list.all(box.account_id).filter((b) => b.special_use === null && (b.name === box.name || b.name.startsWith(`${box.name}/`)));
        const renamed = family.map((b) => ({ b, name: newName + b.name.slice(box.name.length) }));
        if (renamed.some(({ name }) => reserved(name) || this.stmts.byName.get(box.account_id, name))) return 'exists';
        for (const { b, name } of renamed) this.stmts.rename.run(name, b.id);
        return 'renamed';
      })
      .immediate();
    if (outcome === 'renamed' && box.name === 'INBOX') this.changed({ accountId: box.account_id, mailboxId: box.id });
    return outcome;
  }

  /** Deletes a folder and its messages (RFC 3501 §6.3.4); sessions that have it selected are told. */
  delete(box: MailboxRow): void {
    this.db.transaction(() => this.stmts.deleteBox.run(box.id)).immediate();
    this.changed({ accountId: box.account_id, mailboxId: box.id, deleted: true });
  }

  setSubscribed(box: MailboxRow, subscribed: boolean): void {
    this.db.transaction(() => this.stmts.subscribe.run(subscribed ? 1 : 0, box.id)).immediate();
  }

  /**
   * A session selecting the mailbox read-write is the first told of messages up to `throughUid`
   * (RFC 3501 §2.3.2): returns the UID up to which others were told before, and moves it on.
   */
  claimRecent(box: MailboxRow, throughUid: number): number {
    return this.db
      .transaction(() => {
        const before = this.stmts.byId.get(box.id)?.recent_through ?? throughUid;
        this.stmts.claimRecent.run(throughUid, box.id, throughUid);
        return before;
      })
      .immediate();
  }

  /** Every message's UID, date, flags and size, in UID order: what a SELECT snapshots. */
  listing(mailboxId: number): MessageMeta[] {
    return this.stmts.metas.all(mailboxId).map((r) => ({ uid: r.uid, internalDate: r.internal_date, flags: parseFlags(r.flags), size: r.size }));
  }

  message(mailboxId: number, uid: number): StoredMessage | null {
    const row = this.stmts.message.get(mailboxId, uid);
    return row ? { uid: row.uid, internalDate: row.internal_date, flags: parseFlags(row.flags), size: row.raw.length, raw: row.raw } : null;
  }

  counts(mailboxId: number): { messages: number; unseen: number; recent: number } {
    return this.stmts.counts.get(mailboxId)!;
  }

  /**
   * Appends a message to the account's INBOX; returns its UID. Inside a caller's transaction
   * (the notifier's, which also moves its watermark), `announce: false` leaves telling the
   * sessions to the caller, after its commit.
   */
  deliver(accountId: number, raw: Buffer, internalDate: number, flags: string[] = [], announce = true): number {
    return this.deliverTo(this.inbox(accountId), raw, internalDate, flags, announce);
  }

  /** Appends a message to one mailbox (APPEND, a delivery); returns its UID. */
  deliverTo(box: MailboxRow, raw: Buffer, internalDate: number, flags: string[] = [], announce = true): number {
    const uid = this.db
      .transaction(() => {
        const uid = this.takeUids(box.id, 1);
        this.stmts.insert.run({ mailboxId: box.id, uid, internalDate, flags: flags.join(' '), raw });
        return uid;
      })
      .immediate();
    if (announce) this.changed({ accountId: box.account_id, mailboxId: box.id });
    return uid;
  }

  /** COPY (RFC 3501 §6.4.7): the messages, with their flags and dates, in one transaction. */
  copy(from: MailboxRow, uids: number[], to: MailboxRow): UidPair[] {
    const pairs = this.db.transaction(() => this.copyInside(from, uids, to)).immediate();
    if (pairs.length > 0) this.changed({ accountId: to.account_id, mailboxId: to.id });
    return pairs;
  }

  /** MOVE (RFC 6851): copied and removed from the source in one transaction, so never both or neither. */
  move(from: MailboxRow, uids: number[], to: MailboxRow): UidPair[] {
    const pairs = this.db
      .transaction(() => {
        const copied = this.copyInside(from, uids, to);
        for (const [uid] of copied) this.stmts.remove.run(from.id, uid);
        return copied;
      })
      .immediate();
    if (pairs.length > 0) {
      this.changed({ accountId: to.account_id, mailboxId: to.id });
      this.changed({ accountId: from.account_id, mailboxId: from.id });
    }
    return pairs;
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

  /** Inside a transaction: copies the messages that still exist, each with the next UID of `to`. */
  private copyInside(from: MailboxRow, uids: number[], to: MailboxRow): UidPair[] {
    const present = new Set(this.stmts.metas.all(from.id).map((m) => m.uid));
    const pairs: UidPair[] = [];
    for (const uid of uids) {
      if (!present.has(uid)) continue;
      const next = this.takeUids(to.id, 1);
      this.stmts.copy.run({ to: to.id, uid: next, from: from.id, sourceUid: uid });
      pairs.push([uid, next]);
    }
    return pairs;
  }

  /** Inside a transaction: reserves `n` UIDs of the mailbox; returns the first. */
  private takeUids(mailboxId: number, n: number): number {
    return this.stmts.takeUids.get(n, mailboxId)!.next - n;
  }

  /** Inside a transaction: a new mailbox with a UIDVALIDITY no mailbox of this store had. */
  private insertBox(accountId: number, name: string, specialUse: SpecialUse | null, now: number): MailboxRow {
    const uidValidity = this.stmts.nextUidValidity.get(Math.floor(now / 1000))!.v;
    return this.stmts.insertBox.get({ accountId, name, specialUse, uidValidity })!;
  }
}
