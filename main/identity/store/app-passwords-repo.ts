import type { AppPasswordView } from '../../../preload/contract/models.js';
import type { AccountRef } from './accounts-repo.js';
import type { Db } from './database.js';

/** What a sign-in's first check reads: the account's id and level, the password's id and label. */
type ActiveWithAccountRow = [AccountRef['id'], AccountRef['security_level'], number, string];

/** An active app-specific password as the hot path finds it, with its account. */
export interface ActiveAppPassword {
  account: Pick<AccountRef, 'id' | 'security_level'>;
  appPassword: Pick<AppPasswordView, 'id' | 'label'>;
}

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
    usedAfterRevocation: null,
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
    // The hot path of every app's, IMAP and SMTP sign-in: the password and its account in one
    // indexed lookup, in raw mode (an array, not an object per row), reading only the four
    // columns the check decides on; the transaction that acts on it reads the account (its
    // lock) again. This is the query benchmarks time.
    this.findActiveForAppleIdStmt = db
      .prepare<[Buffer, string], ActiveWithAccountRow>(
        `SELECT a.id, a.security_level, p.id, p.label
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
    // A revoked password's keyed hash is kept only in revoked_app_passwords (bounded there, and
    // copied there first by the caller): here a random value takes its place, the column being
    // NOT NULL UNIQUE.
    this.revokeStmt = db.prepare('UPDATE app_passwords SET revoked_at = @now, lookup_hash = randomblob(32) WHERE id = @id AND revoked_at IS NULL');
    this.revokeAllStmt = db.prepare<{ accountId: number; now: number }, { id: number }>(
      'UPDATE app_passwords SET revoked_at = @now, lookup_hash = randomblob(32) WHERE account_id = @accountId AND revoked_at IS NULL RETURNING id',
    );
  }

  /** The active app-specific password with this keyed hash, with its account, if that is the Apple ID's. */
  findActiveForAppleId(appleId: string, lookupHash: Buffer): ActiveAppPassword | undefined {
    const row = this.findActiveForAppleIdStmt.get(lookupHash, appleId);
    if (!row) return undefined;
    return { account: { id: row[0], security_level: row[1] }, appPassword: { id: row[2], label: row[3] } };
  }

  countActive(accountId: number): number {
    return this.countActiveStmt.get(accountId)!.n;
  }

  insert(accountId: number, label: string, hash: Buffer, now: number): AppPasswordView {
    const id = Number(this.insertStmt.run({ accountId, label, hash, now }).lastInsertRowid);
    return { id, label, createdAt: now, lastUsedAt: null, lastUsedBy: null, revokedAt: null, usedAfterRevocation: null };
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
