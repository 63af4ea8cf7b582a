import type { Db } from './database.js';

/**
 * Guesses admitted but not yet judged (their password hash still running). They live in the
 * store, not in memory, so two processes on one store see each other's; a reservation left by a
 * process that died expires on its own.
 */
export class GuessReservationsRepo {
  private readonly insertStmt;
  private readonly deleteStmt;
  private readonly pendingStmt;
  private readonly purgeStmt;

  constructor(db: Db) {
    this.insertStmt = db.prepare('INSERT INTO guess_reservations (id, account_id, expires_at) VALUES (?, ?, ?)');
    this.deleteStmt = db.prepare('DELETE FROM guess_reservations WHERE id = ?');
    this.pendingStmt = db.prepare<[number, number], { n: number }>(
      'SELECT count(*) AS n FROM guess_reservations WHERE account_id = ? AND expires_at > ?',
    );
    this.purgeStmt = db.prepare('DELETE FROM guess_reservations WHERE expires_at <= ?');
  }

  reserve(id: string, accountId: number, expiresAt: number): void {
    this.insertStmt.run(id, accountId, expiresAt);
  }

  release(id: string): void {
    this.deleteStmt.run(id);
  }

  /** Guesses at the account still being judged now. */
  pending(accountId: number, now: number): number {
    return this.pendingStmt.get(accountId, now)!.n;
  }

  purgeExpired(now: number): void {
    this.purgeStmt.run(now);
  }
}
