import type { Database } from 'better-sqlite3';
import type { Migration } from './migration.js';

/** Purposes this version adds to `verifications.purpose`'s CHECK. */
const NEW_PURPOSES = ['messages', 'facetime'] as const;

/**
 * Two-factor authentication in Messages and FaceTime (issue 19 part B): on a Mac of OS X 10.11
 * or later the app asks for the code itself, on 10.10 the code is typed after the password —
 * either way a verification of that app, never accepted at another place.
 *
 * The table is made anew to widen its CHECK, as 0020 and 0060 did — but from the schema it has
 * now rather than from a copy written here: migrations of the same release (0070, 0080) may have
 * changed `verifications` too, and a fixed copy would drop what they added. Every column, row
 * and index is kept as it is.
 */
function widenVerificationPurposes(db: Database): void {
  const table = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'verifications'").get() as { sql: string };
  const list = /purpose IN \(([^)]*)\)/.exec(table.sql);
  if (!list) throw new Error('verifications.purpose has no CHECK list to widen');
  const widened = table.sql
    .replace(list[0], `purpose IN (${list[1]}, ${NEW_PURPOSES.map((p) => `'${p}'`).join(', ')})`)
    .replace(/^CREATE TABLE\s+("verifications"|verifications)/, 'CREATE TABLE verifications_new');
  const indexes = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'verifications' AND sql IS NOT NULL").all() as { sql: string }[];
  db.exec(widened);
  db.exec('INSERT INTO verifications_new SELECT * FROM verifications; DROP TABLE verifications; ALTER TABLE verifications_new RENAME TO verifications;');
  for (const index of indexes) db.exec(index.sql);
}

/**
 * Account recovery under two-factor authentication (no recovery key): a request waits until
 * `ready_at`, when the user is contacted at the trusted phone number and may set a new password
 * with a code sent there. A sign-in with the account meanwhile cancels it.
 */
const ACCOUNT_RECOVERIES = `
  CREATE TABLE account_recoveries (
    id TEXT PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    phone_device_id INTEGER NOT NULL REFERENCES trusted_devices(id) ON DELETE CASCADE,
    requested_at INTEGER NOT NULL,
    ready_at INTEGER NOT NULL,
    verification_id TEXT,
    cancelled_at INTEGER,
    completed_at INTEGER,
    CHECK (ready_at > requested_at),
    CHECK (cancelled_at IS NULL OR completed_at IS NULL)
  ) STRICT;
  CREATE INDEX account_recoveries_pending ON account_recoveries(account_id) WHERE cancelled_at IS NULL AND completed_at IS NULL;
`;

export const twoFactorApps: Migration = {
  version: 90,
  name: 'two-factor-apps',
  up(db) {
    widenVerificationPurposes(db);
    db.exec(ACCOUNT_RECOVERIES);
  },
};
