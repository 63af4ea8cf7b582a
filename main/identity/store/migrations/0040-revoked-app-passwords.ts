import type { Migration } from './migration.js';

/**
 * Revoked app-specific passwords, recognised when a client presents one again (issue 15): a
 * mail client keeps its saved password after a revocation and retries it, and such a retry is no
 * guess. Each row holds the revoked password's keyed hash (the HMAC the active one was found by,
 * never the password) and what was last seen of it: when, by which client, how often.
 *
 * The hash moves here at revocation: `app_passwords` keeps the row for View History, with a
 * random value where its hash was (the column is NOT NULL UNIQUE), so this table alone decides
 * what is recognised, and it is bounded — the newest REVOKED_KEPT_PER_ACCOUNT per account, for
 * REVOKED_KEPT_MS (see the repository). Passwords revoked before this version move here too,
 * the newest 100 of each account.
 */
export const revokedAppPasswords: Migration = {
  version: 40,
  name: 'revoked-app-passwords',
  up(db) {
    db.exec(`
      CREATE TABLE revoked_app_passwords (
        lookup_hash BLOB PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        app_password_id INTEGER NOT NULL UNIQUE REFERENCES app_passwords(id) ON DELETE CASCADE,
        revoked_at INTEGER NOT NULL,
        times_presented INTEGER NOT NULL DEFAULT 0,
        last_presented_at INTEGER,
        last_presented_by TEXT,
        -- When a presentation was last written to the activity log (retries every few seconds
        -- are counted here, and logged only now and then).
        last_logged_at INTEGER
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX revoked_app_passwords_by_account ON revoked_app_passwords(account_id, revoked_at);

      INSERT INTO revoked_app_passwords (lookup_hash, account_id, app_password_id, revoked_at)
        SELECT lookup_hash, account_id, id, revoked_at FROM (
          SELECT lookup_hash, account_id, id, revoked_at,
                 row_number() OVER (PARTITION BY account_id ORDER BY revoked_at DESC, id DESC) AS newest
          FROM app_passwords WHERE revoked_at IS NOT NULL
        ) WHERE newest <= 100;
      UPDATE app_passwords SET lookup_hash = randomblob(32) WHERE revoked_at IS NOT NULL;
    `);
  },
};
