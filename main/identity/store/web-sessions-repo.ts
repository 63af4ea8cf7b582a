import type { WebSessionPlace } from '../../../preload/contract/places-types.js';
import type { Db } from './database.js';

export interface WebSessionRow {
  id: string;
  account_id: number;
  place: WebSessionPlace;
  keep_signed_in: 0 | 1;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
}

export interface OpenWebSessionRow extends WebSessionRow {
  apple_id: string;
}

const COLUMNS = 'id, account_id, place, keep_signed_in, created_at, last_seen_at, expires_at';

/**
 * Browser sessions of iCloud.com and of the support page, found by the keyed hash of their token
 * (as My Apple ID's are: account-site-sessions-repo.ts); `id` names one without its token.
 */
export class WebSessionsRepo {
  private readonly getStmt;
  private readonly insertStmt;
  private readonly touchStmt;
  private readonly endStmt;
  private readonly openStmt;
  private readonly openByIdStmt;
  private readonly openForAccountStmt;
  private readonly endByIdStmt;

  constructor(db: Db) {
    this.getStmt = db.prepare<[Buffer, string], WebSessionRow>(`SELECT ${COLUMNS} FROM web_sessions WHERE token_hash = ? AND place = ? AND ended_at IS NULL`);
    this.insertStmt = db.prepare(
      `INSERT INTO web_sessions (token_hash, id, account_id, place, keep_signed_in, created_at, last_seen_at, expires_at)
       VALUES (@tokenHash, @id, @accountId, @place, @keep, @now, @now, @expiresAt)`,
    );
    this.touchStmt = db.prepare('UPDATE web_sessions SET last_seen_at = ? WHERE token_hash = ?');
    this.endStmt = db.prepare('UPDATE web_sessions SET ended_at = @now, end_reason = @reason WHERE token_hash = @tokenHash AND ended_at IS NULL');
    this.endByIdStmt = db.prepare('UPDATE web_sessions SET ended_at = @now, end_reason = @reason WHERE id = @id AND ended_at IS NULL');
    const open = `SELECT w.id, w.account_id, w.place, w.keep_signed_in, w.created_at, w.last_seen_at, w.expires_at, a.apple_id
      FROM web_sessions w JOIN accounts a ON a.id = w.account_id WHERE w.ended_at IS NULL`;
    this.openStmt = db.prepare<[], OpenWebSessionRow>(`${open} ORDER BY w.created_at, w.id`);
    this.openByIdStmt = db.prepare<[string], OpenWebSessionRow>(`${open} AND w.id = ?`);
    this.openForAccountStmt = db.prepare<[number], OpenWebSessionRow>(`${open} AND w.account_id = ?`);
  }

  /** The open session of `place` behind a token's hash (a session of another place is none). */
  get(tokenHash: Buffer, place: WebSessionPlace): WebSessionRow | undefined {
    return this.getStmt.get(tokenHash, place);
  }

  insert(row: { tokenHash: Buffer; id: string; accountId: number; place: WebSessionPlace; keepSignedIn: boolean; now: number; expiresAt: number }): void {
    this.insertStmt.run({ ...row, keep: row.keepSignedIn ? 1 : 0 });
  }

  touch(tokenHash: Buffer, now: number): void {
    this.touchStmt.run(now, tokenHash);
  }

  end(tokenHash: Buffer, reason: string, now: number): boolean {
    return this.endStmt.run({ tokenHash, reason, now }).changes > 0;
  }

  /** Every session not ended yet (some may have lapsed: the service tells), oldest first. */
  open(): OpenWebSessionRow[] {
    return this.openStmt.all();
  }

  openById(id: string): OpenWebSessionRow | undefined {
    return this.openByIdStmt.get(id);
  }

  openForAccount(accountId: number): OpenWebSessionRow[] {
    return this.openForAccountStmt.all(accountId);
  }

  endById(id: string, reason: string, now: number): boolean {
    return this.endByIdStmt.run({ id, reason, now }).changes > 0;
  }
}
