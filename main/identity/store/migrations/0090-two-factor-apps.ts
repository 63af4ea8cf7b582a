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

export const twoFactorApps: Migration = {
  version: 90,
  name: 'two-factor-apps',
  up(db) {
    widenVerificationPurposes(db);
  },
};
