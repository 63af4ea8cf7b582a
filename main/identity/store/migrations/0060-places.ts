import type { Migration } from './migration.js';

/**
 * The seed's remaining places (issue 19): iCloud.com, the App Store on a new Mac, Apple ID
 * support.
 * - Verifications may be for each of them: a code asked at one place is never accepted at
 *   another (the table is made anew to widen its CHECK, as 0020 did).
 * - `web_sessions`: the browser sessions of iCloud.com and of the support page, found by the
 *   keyed hash of their token as My Apple ID's are; `id` is what the control center names one
 *   by (never the token). "Keep me signed in" makes an iCloud.com session live up to 30 days
 *   (`expires_at`) with no idle timeout.
 * - The Mac the stage and the App Store window stand for (`this_mac`): "New Mac" gives it a new
 *   identity. The App Store trusts a Mac for an account's purchases once a code was typed on it
 *   (`app_store_trusted_macs`); `app_store_sessions` is who is signed in to the store on which
 *   Mac; purchases belong to the account, installs to a Mac.
 * - `support_cases`: what a verified user asked Apple ID support.
 * Everything of an account cascades from it: Reset & restart leaves nothing behind.
 */
export const places: Migration = {
  version: 60,
  name: 'places',
  up(db) {
    db.exec(`
      CREATE TABLE verifications_new (
        id TEXT PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        purpose TEXT NOT NULL CHECK (purpose IN ('account-site', 'icloud', 'unlock', 'add-phone', 'icloud-web', 'app-store', 'support')),
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
      INSERT INTO verifications_new (id, account_id, purpose, phone_number, created_at, expires_at, completed_at, code_hash,
                                     code_device_id, code_expires_at, code_attempts, codes_sent, last_code_sent_at)
        SELECT id, account_id, purpose, phone_number, created_at, expires_at, completed_at, code_hash,
               code_device_id, code_expires_at, code_attempts, codes_sent, last_code_sent_at
        FROM verifications;
      DROP TABLE verifications;
      ALTER TABLE verifications_new RENAME TO verifications;
      CREATE INDEX verifications_by_account ON verifications(account_id);
      CREATE INDEX verifications_by_expiry ON verifications(expires_at);

      CREATE TABLE web_sessions (
        token_hash BLOB PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        place TEXT NOT NULL CHECK (place IN ('icloud-web', 'support')),
        keep_signed_in INTEGER NOT NULL CHECK (keep_signed_in IN (0, 1)),
        created_at INTEGER NOT NULL,
        last_seen_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        ended_at INTEGER,
        end_reason TEXT,
        CHECK (keep_signed_in = 0 OR place = 'icloud-web')
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX web_sessions_open_by_account ON web_sessions(account_id, place) WHERE ended_at IS NULL;

      CREATE TABLE this_mac (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        mac_id TEXT NOT NULL,
        since INTEGER NOT NULL
      ) STRICT;
      INSERT INTO this_mac (id, mac_id, since) VALUES (1, lower(hex(randomblob(16))), CAST(unixepoch('subsec') * 1000 AS INTEGER));

      CREATE TABLE app_store_trusted_macs (
        account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        mac_id TEXT NOT NULL,
        trusted_at INTEGER NOT NULL,
        PRIMARY KEY (account_id, mac_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE app_store_sessions (
        id TEXT PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        mac_id TEXT NOT NULL,
        started_at INTEGER NOT NULL,
        ended_at INTEGER,
        end_reason TEXT
      ) STRICT;
      -- One Apple ID signed in to the store of a Mac at a time.
      CREATE UNIQUE INDEX app_store_sessions_one_per_mac ON app_store_sessions(mac_id) WHERE ended_at IS NULL;
      CREATE INDEX app_store_sessions_open_by_account ON app_store_sessions(account_id) WHERE ended_at IS NULL;

      CREATE TABLE app_store_purchases (
        account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        app_id TEXT NOT NULL,
        purchased_at INTEGER NOT NULL,
        PRIMARY KEY (account_id, app_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE app_store_installs (
        mac_id TEXT NOT NULL,
        app_id TEXT NOT NULL,
        account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        installed_at INTEGER NOT NULL,
        PRIMARY KEY (mac_id, app_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX app_store_installs_by_account ON app_store_installs(account_id);

      CREATE TABLE support_cases (
        id INTEGER PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        topic TEXT NOT NULL CHECK (topic IN ('password', 'two-step', 'app-passwords', 'purchases', 'other')),
        description TEXT NOT NULL,
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX support_cases_by_account ON support_cases(account_id, created_at);
    `);
  },
};
