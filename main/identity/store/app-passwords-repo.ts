import type { AppPasswordView } from '../../../preload/contract/models.js';
import type { AccountRef } from './accounts-repo.js';
import type { Db } from './database.js';

type ActiveWithAccountRow = [
  ...[
    AccountRef['id'],
    AccountRef['apple_id'],
    AccountRef['security_level'],
    AccountRef['failed_attempts'],
    AccountRef['locked_until'],
    AccountRef['hard_locked'],
    AccountRef['disabled'],
  ],
  ...[number, string, number, number | null, string | null],
];

interface AppPasswordRow {
  id: number;
  account_id: number;
  label: string;
  created_at: number;
  last_used_at: number | null;
  last_used_by: string | null;
  revoked_at: number | null;
}

function toView(row: AppPasswordRow): AppPasswordView {
  return {
    id: row.id,
    label: row.label,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    lastUsedBy: row.last_used_by,
    revokedAt: row.revoked_at,
  };
}

export class AppPasswordsRepo {
  private readonly findActiveForAppleIdStmt;
  private readonly countActiveStmt;
  private readonly insertStmt;
  private readonly listStmt;
  private readonly getStmt;
  private readonly markUsedStmt;
  private readonly revokeStmt;
  private readonly revokeAllStmt;

  constructor(db: Db) {
    // The hot path of an app's sign-in: the password and its account in one indexed lookup,
    // in raw mode (an array, not an object per row): this is the query benchmarks time.
    this.findActiveForAppleIdStmt = db
      .prepare<[Buffer, string], ActiveWithAccountRow>(
        `SELECT a.id, a.apple_id, a.security_level, a.failed_attempts, a.locked_until, a.hard_locked, a.disabled,
                p.id, p.label, p.created_at, p.last_used_at, p.last_used_by
         FROM app_passwords p JOIN accounts a ON a.id = p.account_id
         WHERE p.lookup_hash = ? AND p.revoked_at IS NULL AND a.apple_id = ?`,
      )
      .raw(true);
    this.countActiveStmt = db.prepare<[number], { n: number }>(
      'SELECT count(*) AS n FROM app_passwords WHERE account_id = ? AND revoked_at IS NULL',
    );
    this.insertStmt = db.prepare(
      'INSERT INTO app_passwords (account_id, label, lookup_hash, created_at) VALUES (@accountId, @label, @hash, @now)',
    );
    this.listStmt = db.prepare<[number], AppPasswordRow>(
      'SELECT * FROM app_passwords WHERE account_id = ? ORDER BY created_at DESC, id DESC',
    );
    this.getStmt = db.prepare<[number, number], AppPasswordRow>('SELECT * FROM app_passwords WHERE id = ? AND account_id = ?');
    this.markUsedStmt = db.prepare('UPDATE app_passwords SET last_used_at = @now, last_used_by = @client WHERE id = @id');
    this.revokeStmt = db.prepare('UPDATE app_passwords SET revoked_at = @now WHERE id = @id AND revoked_at IS NULL');
    this.revokeAllStmt = db.prepare<{ accountId: number; now: number }, { id: number }>(
      'UPDATE app_passwords SET revoked_at = @now WHERE account_id = @accountId AND revoked_at IS NULL RETURNING id',
    );
  }

  /** The active app-specific password with this keyed hash, with its account, if that is the Apple ID's. */
  findActiveForAppleId(appleId: string, lookupHash: Buffer): { account: AccountRef; appPassword: AppPasswordView } | undefined {
    const row = this.findActiveForAppleIdStmt.get(lookupHash, appleId);
    if (!row) return undefined;
    const [id, apple_id, security_level, failed_attempts, locked_until, hard_locked, disabled, apId, label, createdAt, lastUsedAt, lastUsedBy] = row;
    return {
      account: { id, apple_id, security_level, failed_attempts, locked_until, hard_locked, disabled },
      appPassword: { id: apId, label, createdAt, lastUsedAt, lastUsedBy, revokedAt: null },
    };
  }

  countActive(accountId: number): number {
    return this.countActiveStmt.get(accountId)!.n;
  }

  insert(accountId: number, label: string, hash: Buffer, now: number): AppPasswordView {
    const id = Number(this.insertStmt.run({ accountId, label, hash, now }).lastInsertRowid);
    return { id, label, createdAt: now, lastUsedAt: null, lastUsedBy: null, revokedAt: null };
  }

  list(accountId: number): AppPasswordView[] {
    return this.listStmt.all(accountId).map(toView);
  }

  get(accountId: number, id: number): AppPasswordView | undefined {
    const row = this.getStmt.get(id, accountId);
    return row && toView(row);
  }

  markUsed(id: number, client: string, now: number): void {
    this.markUsedStmt.run({ id, client, now });
  }

  revoke(id: number, now: number): boolean {
    return this.revokeStmt.run({ id, now }).changes > 0;
  }

  /** Revokes every active one of the account; returns their ids. */
  revokeAll(accountId: number, now: number): number[] {
    return this.revokeAllStmt.all({ accountId, now }).map((r) => r.id);
  }
}
