import type { Db } from './database.js';

/** What a verification is for: the place that asked for it (the column's CHECK lists the same). */
export const VERIFICATION_PURPOSES = ['account-site', 'icloud', 'unlock', 'add-phone', 'icloud-web', 'app-store', 'support', 'messages', 'facetime'] as const;
export type VerificationPurpose = (typeof VERIFICATION_PURPOSES)[number];

export interface VerificationRow {
  id: string;
  account_id: number;
  purpose: VerificationPurpose;
  /** For 'add-phone': the number being added, which receives the code. */
  phone_number: string | null;
  created_at: number;
  expires_at: number;
  completed_at: number | null;
  code_hash: Buffer | null;
  code_device_id: number | null;
  code_expires_at: number | null;
  code_attempts: number;
  codes_sent: number;
  last_code_sent_at: number | null;
  /** When a trusted iPhone answered Don't Allow: the sign-in attempt ended (migration 0070). */
  denied_at: number | null;
}

export class VerificationsRepo {
  private readonly getStmt;
  private readonly insertStmt;
  private readonly setCodeStmt;
  private readonly attemptStmt;
  private readonly clearCodeStmt;
  private readonly completeStmt;
  private readonly purgeStmt;
  private readonly markSentStmt;
  private readonly denyStmt;
  private readonly liveStmt;

  constructor(db: Db) {
    this.getStmt = db.prepare<[string], VerificationRow>('SELECT * FROM verifications WHERE id = ?');
    this.insertStmt = db.prepare(
      `INSERT INTO verifications (id, account_id, purpose, phone_number, created_at, expires_at)
       VALUES (@id, @accountId, @purpose, @phoneNumber, @now, @expiresAt)`,
    );
    this.setCodeStmt = db.prepare(
      `UPDATE verifications SET code_hash = @codeHash, code_device_id = @deviceId, code_expires_at = @codeExpiresAt,
       code_attempts = 0, codes_sent = codes_sent + 1, last_code_sent_at = @now WHERE id = @id`,
    );
    this.attemptStmt = db.prepare('UPDATE verifications SET code_attempts = code_attempts + 1 WHERE id = ?');
    this.clearCodeStmt = db.prepare('UPDATE verifications SET code_hash = NULL, code_expires_at = NULL WHERE id = ?');
    this.completeStmt = db.prepare('UPDATE verifications SET completed_at = @now, code_hash = NULL WHERE id = @id');
    this.purgeStmt = db.prepare('DELETE FROM verifications WHERE expires_at < ?');
    this.markSentStmt = db.prepare(
      'UPDATE verifications SET code_hash = NULL, code_expires_at = NULL, codes_sent = codes_sent + 1, last_code_sent_at = @now WHERE id = @id',
    );
    this.denyStmt = db.prepare('UPDATE verifications SET denied_at = @now, code_hash = NULL, code_expires_at = NULL WHERE id = @id');
    this.liveStmt = db.prepare<{ accountId: number; purpose: VerificationPurpose; now: number }, VerificationRow>(
      `SELECT * FROM verifications WHERE account_id = @accountId AND purpose = @purpose AND completed_at IS NULL AND expires_at > @now
       ORDER BY created_at DESC, rowid DESC LIMIT 1`,
    );
  }

  get(id: string): VerificationRow | undefined {
    return this.getStmt.get(id);
  }

  insert(id: string, accountId: number, purpose: VerificationPurpose, now: number, expiresAt: number, phoneNumber: string | null = null): void {
    this.insertStmt.run({ id, accountId, purpose, phoneNumber, now, expiresAt });
  }

  /** A new code replaces the one before (its tries start again) and counts as one more sent. */
  setCode(id: string, codeHash: Buffer, deviceId: number | null, codeExpiresAt: number, now: number): void {
    this.setCodeStmt.run({ id, codeHash, deviceId, codeExpiresAt, now });
  }

  /**
   * A sign-in request went to a trusted iPhone instead of a code (two-factor): it counts as a
   * send (the same waits and hourly limit), and the code before it no longer works.
   */
  markSent(id: string, now: number): void {
    this.markSentStmt.run({ id, now });
  }

  /** Don't Allow: the verification is ended for good, its code gone. */
  deny(id: string, now: number): void {
    this.denyStmt.run({ id, now });
  }

  countAttempt(id: string): void {
    this.attemptStmt.run(id);
  }

  clearCode(id: string): void {
    this.clearCodeStmt.run(id);
  }

  complete(id: string, now: number): void {
    this.completeStmt.run({ id, now });
  }

  /** The newest unfinished, unexpired verification of an account for `purpose`, if any. */
  latestLive(accountId: number, purpose: VerificationPurpose, now: number): VerificationRow | undefined {
    return this.liveStmt.get({ accountId, purpose, now });
  }

  /** Drops verifications long past their end: they hold nothing worth keeping. */
  purgeBefore(time: number): void {
    this.purgeStmt.run(time);
  }
}
