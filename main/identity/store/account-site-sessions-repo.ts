import type { Db } from './database.js';

export interface AccountSiteSessionRow {
  account_id: number;
  created_at: number;
  last_seen_at: number;
}

/** Sessions of the account site, found by the keyed hash of the cookie's token. */
export class AccountSiteSessionsRepo {
  private readonly getStmt;
  private readonly insertStmt;
  private readonly touchStmt;
  private readonly endStmt;
  private readonly endAllStmt;

  constructor(db: Db) {
    this.getStmt = db.prepare<[Buffer], AccountSiteSessionRow>(
      'SELECT account_id, created_at, last_seen_at FROM account_site_sessions WHERE token_hash = ? AND ended_at IS NULL',
    );
    this.insertStmt = db.prepare(
      'INSERT INTO account_site_sessions (token_hash, account_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)',
    );
    this.touchStmt = db.prepare('UPDATE account_site_sessions SET last_seen_at = ? WHERE token_hash = ?');
    this.endStmt = db.prepare('UPDATE account_site_sessions SET ended_at = ? WHERE token_hash = ? AND ended_at IS NULL');
    this.endAllStmt = db.prepare(
      'UPDATE account_site_sessions SET ended_at = ? WHERE account_id = ? AND token_hash != ? AND ended_at IS NULL',
    );
  }

  get(tokenHash: Buffer): AccountSiteSessionRow | undefined {
    return this.getStmt.get(tokenHash);
  }

  insert(tokenHash: Buffer, accountId: number, now: number): void {
    this.insertStmt.run(tokenHash, accountId, now, now);
  }

  touch(tokenHash: Buffer, now: number): void {
    this.touchStmt.run(now, tokenHash);
  }

  end(tokenHash: Buffer, now: number): void {
    this.endStmt.run(now, tokenHash);
  }

  /** Ends every other session of the account (after a password change). */
  endOthers(accountId: number, keep: Buffer, now: number): void {
    this.endAllStmt.run(now, accountId, keep);
  }
}
