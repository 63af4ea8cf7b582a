import type { Migration } from './migration.js';

export const initialSchema: Migration = {
  version: 10,
  name: 'initial-schema',
  up(db) {
    db.exec(`
      CREATE TABLE install_secret (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        secret BLOB NOT NULL
      ) STRICT;

      CREATE TABLE accounts (
        id INTEGER PRIMARY KEY,
        apple_id TEXT NOT NULL UNIQUE,
        full_name TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        password_changed_at INTEGER NOT NULL,
        security_level TEXT NOT NULL CHECK (security_level IN ('none', 'two-step', 'two-factor')),
        recovery_key_hash BLOB,
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        locked_until INTEGER,
        hard_locked INTEGER NOT NULL DEFAULT 0 CHECK (hard_locked IN (0, 1)),
        created_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE trusted_devices (
        id INTEGER PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('iphone', 'phone')),
        name TEXT NOT NULL,
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX trusted_devices_by_account ON trusted_devices(account_id);

      -- A sign-in waiting for a second factor. At most one live code at a time, hashed.
      CREATE TABLE verifications (
        id TEXT PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        purpose TEXT NOT NULL CHECK (purpose IN ('account-site', 'icloud', 'unlock')),
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        completed_at INTEGER,
        code_hash BLOB,
        code_device_id INTEGER REFERENCES trusted_devices(id) ON DELETE SET NULL,
        code_expires_at INTEGER,
        code_attempts INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX verifications_by_account ON verifications(account_id);

      CREATE TABLE app_passwords (
        id INTEGER PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        label TEXT NOT NULL,
        lookup_hash BLOB NOT NULL UNIQUE,
        created_at INTEGER NOT NULL,
        last_used_at INTEGER,
        last_used_by TEXT,
        revoked_at INTEGER
      ) STRICT;
      CREATE INDEX app_passwords_active_by_account ON app_passwords(account_id) WHERE revoked_at IS NULL;

      CREATE TABLE client_sessions (
        id TEXT PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        client_kind TEXT NOT NULL CHECK (client_kind IN ('messages', 'facetime', 'icloud', 'third-party')),
        app_password_id INTEGER REFERENCES app_passwords(id),
        started_at INTEGER NOT NULL,
        ended_at INTEGER,
        end_reason TEXT
      ) STRICT;
      -- Each simulated app is signed in to at most one account at a time.
      CREATE UNIQUE INDEX client_sessions_one_active_per_client ON client_sessions(client_kind) WHERE ended_at IS NULL;
      CREATE INDEX client_sessions_active_by_account ON client_sessions(account_id) WHERE ended_at IS NULL;
      CREATE INDEX client_sessions_active_by_app_password ON client_sessions(app_password_id) WHERE ended_at IS NULL;

      CREATE TABLE account_site_sessions (
        token_hash BLOB PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        created_at INTEGER NOT NULL,
        last_seen_at INTEGER NOT NULL,
        ended_at INTEGER
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE activity_log (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        apple_id TEXT,
        source TEXT NOT NULL,
        event TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('success', 'failure', 'info')),
        detail TEXT NOT NULL DEFAULT '{}'
      ) STRICT;
    `);
  },
};
