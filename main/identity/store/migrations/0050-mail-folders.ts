import type { Migration } from './migration.js';

/**
 * Folders for the mail servers (main/mail), as real clients expect them:
 * - a mailbox with a special use (Sent, Trash, Drafts, Junk) is known by that use, not by a
 *   name: each server profile shows it under its provider's name ("Deleted Messages",
 *   "[Gmail]/Trash"). Its stored name becomes the use itself (`\Sent`), which no client can
 *   create, so a folder a client makes can never collide with it;
 * - whether a mailbox is subscribed (LSUB; SUBSCRIBE and UNSUBSCRIBE);
 * - the highest UID some session has been told is \Recent (RFC 3501 §2.3.2): what is above it
 *   is new for the next session that selects the mailbox; what exists now is not;
 * - the last UIDVALIDITY given, so a folder deleted and made again never repeats one
 *   (RFC 3501 §2.3.1.1), whatever the clock says.
 */
export const mailFolders: Migration = {
  version: 50,
  name: 'mail-folders',
  up(db) {
    db.exec(`
      ALTER TABLE mailboxes ADD COLUMN subscribed INTEGER NOT NULL DEFAULT 1 CHECK (subscribed IN (0, 1));
      ALTER TABLE mailboxes ADD COLUMN recent_through INTEGER NOT NULL DEFAULT 0;
      UPDATE mailboxes SET recent_through = uid_next - 1;
      UPDATE mailboxes SET name = special_use WHERE special_use IS NOT NULL;
      ALTER TABLE mail_settings ADD COLUMN last_uid_validity INTEGER NOT NULL DEFAULT 0;
      UPDATE mail_settings SET last_uid_validity = (SELECT coalesce(max(uid_validity), 0) FROM mailboxes);
      CREATE UNIQUE INDEX mailboxes_by_special_use ON mailboxes(account_id, special_use) WHERE special_use IS NOT NULL;
    `);
  },
};
