import type { Migration } from './migration.js';

/**
 * The account-wide failure budget and step-up (SPEC §3):
 * - guesses in flight are reserved before the slow hash (`guess_reservations`), so requests
 *   that arrive at once are judged no more often than one by one, across processes too;
 * - every code sent is recorded per account (`code_sends`) for the hourly send limit, and each
 *   verification counts its own sends;
 * - a verification can be for a phone number being added (`add-phone`, the number in
 *   `phone_number`), which becomes trusted only once its code is typed;
 * - an account past the unlock path's last chance is disabled;
 * - sessions of the account site now travel in two halves (a cookie and a value only the
 *   site's own page holds); a session from before lived in the cookie alone, so it ends now.
 */
export const failureBudget: Migration = {
  version: 20,
  name: 'failure-budget',
  up(db) {
    db.exec(`
      CREATE TABLE guess_reservations (
        id TEXT PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        expires_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX guess_reservations_by_account ON guess_reservations(account_id, expires_at);

      CREATE TABLE code_sends (
        id INTEGER PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        sent_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX code_sends_by_account ON code_sends(account_id, sent_at);

      -- SQLite cannot change a CHECK constraint in place: the table is made anew and refilled.
      CREATE TABLE verifications_new (
        id TEXT PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        purpose TEXT NOT NULL CHECK (purpose IN ('account-site', 'icloud', 'unlock', 'add-phone')),
        phone_number TEXT,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        completed_at INTEGER,
        code_hash BLOB,
        code_device_id INTEGER REFERENCES trusted_devices(id) ON DELETE SET NULL,
        code_expires_at INTEGER,
        code_attempts INTEGER NOT NULL DEFAULT 0,
        codes_sent INTEGER NOT NULL DEFAULT 0,
        last_code_sent_at INTEGER,
        CHECK ((purpose = 'add-phone') = (phone_number IS NOT NULL))
      ) STRICT;
      INSERT INTO verifications_new (id, account_id, purpose, created_at, expires_at, completed_at, code_hash,
                                     code_device_id, code_expires_at, code_attempts, codes_sent, last_code_sent_at)
        SELECT id, account_id, purpose, created_at, expires_at, completed_at, code_hash,
               code_device_id, code_expires_at, code_attempts,
               CASE WHEN code_expires_at IS NULL THEN 0 ELSE 1 END,
               CASE WHEN code_expires_at IS NULL THEN NULL ELSE code_expires_at - 600000 END
        FROM verifications;
      DROP TABLE verifications;
      ALTER TABLE verifications_new RENAME TO verifications;
      CREATE INDEX verifications_by_account ON verifications(account_id);
      CREATE INDEX verifications_by_expiry ON verifications(expires_at);

      ALTER TABLE accounts ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1));

      UPDATE account_site_sessions SET ended_at = last_seen_at WHERE ended_at IS NULL;
    `);
  },
};
