import type { SecurityLevel } from '../../../preload/contract/models.js';
import type { Db } from './database.js';

export interface AccountRow {
  id: number;
  apple_id: string;
  full_name: string;
  password_hash: string;
  password_changed_at: number;
  security_level: SecurityLevel;
  recovery_key_hash: Buffer | null;
  failed_attempts: number;
  locked_until: number | null;
  hard_locked: 0 | 1;
  /** Past the unlock path's last chance: nothing signs in any more. */
  disabled: 0 | 1;
  created_at: number;
}

/** What a sign-in's first check needs of an account (read in the same query as an app-specific password). */
export type AccountRef = Pick<AccountRow, 'id' | 'apple_id' | 'security_level' | 'failed_attempts' | 'locked_until' | 'hard_locked' | 'disabled'>;

export class AccountsRepo {
  private readonly byAppleId;
  private readonly byId;
  private readonly insertStmt;
  private readonly setFailuresStmt;
  private readonly setPasswordStmt;
  private readonly setSecurityStmt;

  constructor(private readonly db: Db) {
    this.byAppleId = db.prepare<[string], AccountRow>('SELECT * FROM accounts WHERE apple_id = ?');
    this.byId = db.prepare<[number], AccountRow>('SELECT * FROM accounts WHERE id = ?');
    this.insertStmt = db.prepare(
      `INSERT INTO accounts (apple_id, full_name, password_hash, password_changed_at, security_level, created_at)
       VALUES (@appleId, @fullName, @passwordHash, @now, 'none', @now)`,
    );
    this.setFailuresStmt = db.prepare(
      `UPDATE accounts SET failed_attempts = @failures, locked_until = @lockedUntil, hard_locked = @hardLocked, disabled = @disabled
       WHERE id = @id`,
    );
    this.setPasswordStmt = db.prepare('UPDATE accounts SET password_hash = @hash, password_changed_at = @now WHERE id = @id');
    this.setSecurityStmt = db.prepare(
      'UPDATE accounts SET security_level = @level, recovery_key_hash = @recoveryKeyHash WHERE id = @id',
    );
  }

  /** `appleId` must already be normalized (trimmed, lower case). */
  findByAppleId(appleId: string): AccountRow | undefined {
    return this.byAppleId.get(appleId);
  }

  get(id: number): AccountRow {
    const row = this.byId.get(id);
    if (!row) throw new Error(`account ${id} vanished`);
    return row;
  }

  insert(appleId: string, fullName: string, passwordHash: string, now: number): number {
    return Number(this.insertStmt.run({ appleId, fullName, passwordHash, now }).lastInsertRowid);
  }

  setFailures(id: number, state: { failures: number; lockedUntil: number | null; hardLocked: boolean; disabled: boolean }): void {
    this.setFailuresStmt.run({
      id,
      failures: state.failures,
      lockedUntil: state.lockedUntil,
      hardLocked: state.hardLocked ? 1 : 0,
      disabled: state.disabled ? 1 : 0,
    });
  }

  setPasswordHash(id: number, hash: string, now: number): void {
    this.setPasswordStmt.run({ id, hash, now });
  }

  setSecurity(id: number, level: SecurityLevel, recoveryKeyHash: Buffer | null): void {
    this.setSecurityStmt.run({ id, level, recoveryKeyHash });
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM accounts').get() as { n: number }).n;
  }
}
