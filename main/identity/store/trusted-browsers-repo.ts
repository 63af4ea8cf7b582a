import type { BrowserKind, BrowserSystem, TrustDecision, TrustPlace } from '../../../preload/contract/trusted-browsers-types.js';
import type { Db } from './database.js';

export interface TrustOfferRow {
  verification_id: string;
  account_id: number;
  place: TrustPlace;
  session_hash: Buffer;
  created_at: number;
  expires_at: number;
  decided_at: number | null;
}

export interface TrustedBrowserRow {
  id: string;
  account_id: number;
  place: TrustPlace;
  browser: BrowserKind;
  os: BrowserSystem;
  created_at: number;
  expires_at: number;
}

export interface OpenTrustedBrowserRow extends TrustedBrowserRow {
  apple_id: string;
}

const COLUMNS = 'id, account_id, place, browser, os, created_at, expires_at';

/**
 * "Trust this browser?": the questions asked after a code (one per verification, answered once)
 * and the browsers trusted, found by the keyed hash of their token as sessions are.
 */
export class TrustedBrowsersRepo {
  private readonly offerStmt;
  private readonly insertOfferStmt;
  private readonly decideStmt;
  private readonly withdrawStmt;
  private readonly getStmt;
  private readonly insertStmt;
  private readonly openStmt;
  private readonly openForAccountStmt;
  private readonly endByIdStmt;

  constructor(db: Db) {
    this.offerStmt = db.prepare<[string], TrustOfferRow>(
      'SELECT verification_id, account_id, place, session_hash, created_at, expires_at, decided_at FROM browser_trust_offers WHERE verification_id = ?',
    );
    this.insertOfferStmt = db.prepare(
      `INSERT INTO browser_trust_offers (verification_id, account_id, place, session_hash, created_at, expires_at)
       VALUES (@verificationId, @accountId, @place, @sessionHash, @now, @expiresAt)`,
    );
    // Only the first answer changes the row: the caller knows by `changes` whether it was first.
    this.decideStmt = db.prepare('UPDATE browser_trust_offers SET decided_at = @now, decision = @decision WHERE verification_id = @id AND decided_at IS NULL');
    this.withdrawStmt = db.prepare("UPDATE browser_trust_offers SET decided_at = @now, decision = 'withdrawn' WHERE account_id = @accountId AND decided_at IS NULL");
    this.getStmt = db.prepare<[Buffer, string], TrustedBrowserRow>(`SELECT ${COLUMNS} FROM trusted_browsers WHERE token_hash = ? AND place = ? AND ended_at IS NULL`);
    this.insertStmt = db.prepare(
      `INSERT INTO trusted_browsers (token_hash, id, account_id, place, browser, os, created_at, expires_at)
       VALUES (@tokenHash, @id, @accountId, @place, @browser, @os, @now, @expiresAt)`,
    );
    const open = `SELECT t.id, t.account_id, t.place, t.browser, t.os, t.created_at, t.expires_at, a.apple_id
      FROM trusted_browsers t JOIN accounts a ON a.id = t.account_id WHERE t.ended_at IS NULL`;
    this.openStmt = db.prepare<[], OpenTrustedBrowserRow>(`${open} ORDER BY t.created_at, t.id`);
    this.openForAccountStmt = db.prepare<[number], OpenTrustedBrowserRow>(`${open} AND t.account_id = ? ORDER BY t.created_at, t.id`);
    this.endByIdStmt = db.prepare('UPDATE trusted_browsers SET ended_at = @now, end_reason = @reason WHERE id = @id AND ended_at IS NULL');
  }

  offer(verificationId: string): TrustOfferRow | undefined {
    return this.offerStmt.get(verificationId);
  }

  insertOffer(row: { verificationId: string; accountId: number; place: TrustPlace; sessionHash: Buffer; now: number; expiresAt: number }): void {
    this.insertOfferStmt.run(row);
  }

  /** True only for the first answer to the question. */
  decide(verificationId: string, decision: TrustDecision, now: number): boolean {
    return this.decideStmt.run({ id: verificationId, decision, now }).changes > 0;
  }

  /** Every unanswered question of the account is withdrawn (a new password, another security level). */
  withdrawOffers(accountId: number, now: number): void {
    this.withdrawStmt.run({ accountId, now });
  }

  /** The trust of `place` behind a token's hash, not ended (it may have run out: the service tells). */
  get(tokenHash: Buffer, place: TrustPlace): TrustedBrowserRow | undefined {
    return this.getStmt.get(tokenHash, place);
  }

  insert(row: { tokenHash: Buffer; id: string; accountId: number; place: TrustPlace; browser: BrowserKind; os: BrowserSystem; now: number; expiresAt: number }): void {
    this.insertStmt.run(row);
  }

  /** Every trust not ended yet, oldest first (some may have run out: the service tells). */
  open(): OpenTrustedBrowserRow[] {
    return this.openStmt.all();
  }

  openForAccount(accountId: number): OpenTrustedBrowserRow[] {
    return this.openForAccountStmt.all(accountId);
  }

  endById(id: string, reason: string, now: number): boolean {
    return this.endByIdStmt.run({ id, reason, now }).changes > 0;
  }
}
