import { DAY } from '../clock.js';
import type { Db } from './database.js';

/** How many revoked app-specific passwords an account keeps recognisable, newest first. */
export const REVOKED_KEPT_PER_ACCOUNT = 100;
/** How long a revoked app-specific password stays recognisable. */
export const REVOKED_KEPT_MS = 365 * DAY;

/** A revoked app-specific password, as a sign-in finds it by its keyed hash. */
export interface RevokedAppPassword {
  accountId: number;
  appPasswordId: number;
  label: string;
  /** When a presentation of it was last written to the activity log, or null if never. */
  lastLoggedAt: number | null;
}

/** What View History shows of a revoked password that a client went on presenting. */
export interface PresentedAfterRevocation {
  at: number;
  by: string;
  times: number;
}

type FoundRow = [number, number, string, number | null];

/**
 * `revoked_app_passwords` (migration 40): the keyed hashes of revoked app-specific passwords, so
 * a client's retry of one is recognised rather than judged as a guess. Bounded: the newest
 * REVOKED_KEPT_PER_ACCOUNT of each account, none older than REVOKED_KEPT_MS.
 */
export class RevokedAppPasswordsRepo {
  private readonly keepOneStmt;
  private readonly keepActiveOfAccountStmt;
  private readonly findStmt;
  private readonly presentedStmt;
  private readonly pruneOldStmt;
  private readonly pruneBeyondStmt;
  private readonly presentedForAccountStmt;

  constructor(db: Db) {
    // Both copy the hash of passwords that are still active: the caller revokes them next, in the
    // same transaction (AppPasswordsRepo.revoke / revokeAll), which overwrites the hash there.
    this.keepOneStmt = db.prepare(
      `INSERT INTO revoked_app_passwords (lookup_hash, account_id, app_password_id, revoked_at)
       SELECT lookup_hash, account_id, id, @now FROM app_passwords WHERE id = @id AND revoked_at IS NULL`,
    );
    this.keepActiveOfAccountStmt = db.prepare(
      `INSERT INTO revoked_app_passwords (lookup_hash, account_id, app_password_id, revoked_at)
       SELECT lookup_hash, account_id, id, @now FROM app_passwords WHERE account_id = @accountId AND revoked_at IS NULL`,
    );
    // As the active password's lookup: one indexed probe by hash, joined to its account by the
    // Apple ID given, so another account's revoked password is never recognised here.
    this.findStmt = db
      .prepare<{ hash: Buffer; appleId: string; since: number }, FoundRow>(
        `SELECT r.account_id, r.app_password_id, p.label, r.last_logged_at
         FROM revoked_app_passwords r
         JOIN accounts a ON a.id = r.account_id
         JOIN app_passwords p ON p.id = r.app_password_id
         WHERE r.lookup_hash = @hash AND a.apple_id = @appleId AND r.revoked_at > @since`,
      )
      .raw(true);
    this.presentedStmt = db.prepare(
      `UPDATE revoked_app_passwords
       SET times_presented = times_presented + 1, last_presented_at = @now, last_presented_by = @by,
           last_logged_at = CASE WHEN @logged = 1 THEN @now ELSE last_logged_at END
       WHERE app_password_id = @id`,
    );
    this.pruneOldStmt = db.prepare('DELETE FROM revoked_app_passwords WHERE account_id = @accountId AND revoked_at <= @since');
    this.pruneBeyondStmt = db.prepare(
      `DELETE FROM revoked_app_passwords WHERE account_id = @accountId AND app_password_id NOT IN (
         SELECT app_password_id FROM revoked_app_passwords WHERE account_id = @accountId
         ORDER BY revoked_at DESC, app_password_id DESC LIMIT ${REVOKED_KEPT_PER_ACCOUNT})`,
    );
    this.presentedForAccountStmt = db.prepare<[number], { app_password_id: number; last_presented_at: number; last_presented_by: string; times_presented: number }>(
      `SELECT app_password_id, last_presented_at, last_presented_by, times_presented FROM revoked_app_passwords
       WHERE account_id = ? AND times_presented > 0`,
    );
  }

  /** Keeps the hash of one active password about to be revoked; false if it is not active. */
  keepOne(appPasswordId: number, now: number): boolean {
    return this.keepOneStmt.run({ id: appPasswordId, now }).changes > 0;
  }

  /** Keeps the hashes of every active password of the account, about to be revoked. */
  keepActiveOf(accountId: number, now: number): void {
    this.keepActiveOfAccountStmt.run({ accountId, now });
  }

  /** Drops what falls outside the bound for the account: too old, or beyond the newest ones kept. */
  prune(accountId: number, now: number): void {
    this.pruneOldStmt.run({ accountId, since: now - REVOKED_KEPT_MS });
    this.pruneBeyondStmt.run({ accountId });
  }

  /** The Apple ID's revoked password with this keyed hash, if it is still kept. */
  find(appleId: string, lookupHash: Buffer, now: number): RevokedAppPassword | undefined {
    const row = this.findStmt.get({ hash: lookupHash, appleId, since: now - REVOKED_KEPT_MS });
    if (!row) return undefined;
    return { accountId: row[0], appPasswordId: row[1], label: row[2], lastLoggedAt: row[3] };
  }

  /** One more presentation, by `by`; `logged` when this one went to the activity log. */
  presented(appPasswordId: number, by: string, now: number, logged: boolean): void {
    this.presentedStmt.run({ id: appPasswordId, by, now, logged: logged ? 1 : 0 });
  }

  /** The account's revoked passwords that were presented after their revocation, by password id. */
  presentedForAccount(accountId: number): Map<number, PresentedAfterRevocation> {
    return new Map(
      this.presentedForAccountStmt.all(accountId).map((r) => [r.app_password_id, { at: r.last_presented_at, by: r.last_presented_by, times: r.times_presented }]),
    );
  }
}
