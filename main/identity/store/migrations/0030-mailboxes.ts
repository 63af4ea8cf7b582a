import type { Migration } from './migration.js';

/**
 * Real mailboxes for the IMAP and SMTP servers (main/mail): each account's INBOX and
 * "Sent Messages", their messages (the raw RFC 5322 bytes, as delivered), and the mail servers'
 * settings — the server profile, whether open sessions outlive a revocation, the language of
 * the notification mails, and how far the activity log has been turned into those mails.
 * Everything cascades from the account: a demo reset leaves no mail behind.
 */
export const mailboxes: Migration = {
  version: 30,
  name: 'mailboxes',
  up(db) {
    db.exec(`
      CREATE TABLE mailboxes (
        id INTEGER PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        special_use TEXT CHECK (special_use IN ('\\Sent', '\\Trash', '\\Drafts', '\\Junk', '\\Archive')),
        uid_validity INTEGER NOT NULL,
        uid_next INTEGER NOT NULL DEFAULT 1,
        UNIQUE (account_id, name)
      ) STRICT;

      CREATE TABLE mail_messages (
        id INTEGER PRIMARY KEY,
        mailbox_id INTEGER NOT NULL REFERENCES mailboxes(id) ON DELETE CASCADE,
        uid INTEGER NOT NULL,
        internal_date INTEGER NOT NULL,
        -- The flags, space-separated as IMAP writes them ("\\Seen \\Flagged").
        flags TEXT NOT NULL DEFAULT '',
        raw BLOB NOT NULL,
        UNIQUE (mailbox_id, uid)
      ) STRICT;

      CREATE TABLE mail_settings (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        profile TEXT NOT NULL DEFAULT 'icloud' CHECK (profile IN ('icloud', 'gmail', 'fastmail')),
        keep_sessions_on_revoke INTEGER NOT NULL DEFAULT 0 CHECK (keep_sessions_on_revoke IN (0, 1)),
        language TEXT NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'ja')),
        notified_through INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      INSERT INTO mail_settings (id, notified_through) SELECT 1, coalesce(max(id), 0) FROM activity_log;
    `);
  },
};
