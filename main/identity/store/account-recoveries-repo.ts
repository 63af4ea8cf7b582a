import type { Db } from './database.js';

export interface AccountRecoveryRow {
  id: string;
  account_id: number;
  phone_device_id: number;
  requested_at: number;
  ready_at: number;
  /** The phone number's code step, once the waiting period is over. */
  verification_id: string | null;
  cancelled_at: number | null;
  completed_at: number | null;
}

/** Account recovery requests (two-factor authentication): one pending per account at most. */
export class AccountRecoveriesRepo {
  private readonly getStmt;
  private readonly pendingStmt;
  private readonly insertStmt;
  private readonly verificationStmt;
  private readonly completeStmt;
  private readonly cancelStmt;

  constructor(db: Db) {
    this.getStmt = db.prepare<[string], AccountRecoveryRow>('SELECT * FROM account_recoveries WHERE id = ?');
    this.pendingStmt = db.prepare<[number], AccountRecoveryRow>(
      'SELECT * FROM account_recoveries WHERE account_id = ? AND cancelled_at IS NULL AND completed_at IS NULL',
    );
    this.insertStmt = db.prepare(
      `INSERT INTO account_recoveries (id, account_id, phone_device_id, requested_at, ready_at)
       VALUES (@id, @accountId, @phoneDeviceId, @now, @readyAt)`,
    );
    this.verificationStmt = db.prepare('UPDATE account_recoveries SET verification_id = @verificationId WHERE id = @id');
    this.completeStmt = db.prepare('UPDATE account_recoveries SET completed_at = @now WHERE id = @id');
    this.cancelStmt = db.prepare(
      'UPDATE account_recoveries SET cancelled_at = @now WHERE account_id = @accountId AND cancelled_at IS NULL AND completed_at IS NULL',
    );
  }

  get(id: string): AccountRecoveryRow | undefined {
    return this.getStmt.get(id);
  }

  pending(accountId: number): AccountRecoveryRow | undefined {
    return this.pendingStmt.get(accountId);
  }

  insert(id: string, accountId: number, phoneDeviceId: number, now: number, readyAt: number): void {
    this.insertStmt.run({ id, accountId, phoneDeviceId, now, readyAt });
  }

  setVerification(id: string, verificationId: string): void {
    this.verificationStmt.run({ id, verificationId });
  }

  complete(id: string, now: number): void {
    this.completeStmt.run({ id, now });
  }

  /** Every pending request of the account ends (a sign-in with it); how many did. */
  cancelPending(accountId: number, now: number): number {
    return this.cancelStmt.run({ accountId, now }).changes;
  }
}
