import type { Db } from './database.js';

/** When each verification code was sent, per account: for the hourly send limit. */
export class CodeSendsRepo {
  private readonly insertStmt;
  private readonly sinceStmt;
  private readonly oldestSinceStmt;
  private readonly purgeStmt;

  constructor(db: Db) {
    this.insertStmt = db.prepare('INSERT INTO code_sends (account_id, sent_at) VALUES (?, ?)');
    this.sinceStmt = db.prepare<[number, number], { n: number }>('SELECT count(*) AS n FROM code_sends WHERE account_id = ? AND sent_at > ?');
    this.oldestSinceStmt = db.prepare<[number, number], { at: number | null }>(
      'SELECT min(sent_at) AS at FROM code_sends WHERE account_id = ? AND sent_at > ?',
    );
    this.purgeStmt = db.prepare('DELETE FROM code_sends WHERE sent_at <= ?');
  }

  record(accountId: number, now: number): void {
    this.insertStmt.run(accountId, now);
  }

  countSince(accountId: number, since: number): number {
    return this.sinceStmt.get(accountId, since)!.n;
  }

  /** The oldest send after `since`: when it leaves the window, one more code may go. */
  oldestSince(accountId: number, since: number): number | null {
    return this.oldestSinceStmt.get(accountId, since)!.at;
  }

  /** Sends older than every window they count in hold nothing worth keeping. */
  purgeBefore(time: number): void {
    this.purgeStmt.run(time);
  }
}
