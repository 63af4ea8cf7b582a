import type { Migration } from './migration.js';

/**
 * "Trust this browser?" under two-factor authentication (issue 19, part B).
 * - `browser_trust_offers`: the question asked after a right code at My Apple ID or iCloud.com.
 *   One per completed verification (its id), bound to the session that code opened (the keyed
 *   hash of that session's token), answered once (`decided_at`), and only for a short while.
 * - `trusted_browsers`: a browser trusted for 30 days at one place, found by the keyed hash of
 *   its token (never the token); `id` names it in lists without it. What browser it was is kept
 *   as two words of a fixed list, for the lists to name it in the reader's language.
 * Both cascade from the account: Reset & restart leaves nothing behind.
 */
export const trustedBrowsers: Migration = {
  version: 80,
  name: 'trusted-browsers',
  up(db) {
    db.exec(`
      CREATE TABLE browser_trust_offers (
        verification_id TEXT PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        place TEXT NOT NULL CHECK (place IN ('account-site', 'icloud-web')),
        session_hash BLOB NOT NULL,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        decided_at INTEGER,
        decision TEXT CHECK (decision IN ('trust', 'not-now', 'dont-trust', 'withdrawn'))
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX browser_trust_offers_by_account ON browser_trust_offers(account_id);

      CREATE TABLE trusted_browsers (
        token_hash BLOB PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        place TEXT NOT NULL CHECK (place IN ('account-site', 'icloud-web')),
        browser TEXT NOT NULL CHECK (browser IN ('chrome', 'edge', 'firefox', 'safari', 'other')),
        os TEXT NOT NULL CHECK (os IN ('mac', 'windows', 'linux', 'iphone', 'android', 'other')),
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        ended_at INTEGER,
        end_reason TEXT
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX trusted_browsers_open_by_account ON trusted_browsers(account_id) WHERE ended_at IS NULL;
    `);
  },
};
