import type { ActivityEntry, ActivityEvent, ActivityOutcome } from '../../../preload/contract/models.js';
import type { Db } from './database.js';

interface ActivityRow {
  id: number;
  at: number;
  apple_id: string | null;
  source: string;
  event: ActivityEvent;
  outcome: ActivityOutcome;
  detail: string;
}

export type NewActivity = Omit<ActivityEntry, 'id' | 'at' | 'detail'> & { detail?: ActivityEntry['detail'] };

/** The log keeps this many newest entries; older ones are dropped as new ones come. */
export const ACTIVITY_LOG_LIMIT = 10_000;

export class ActivityRepo {
  private readonly insertStmt;
  private readonly recentStmt;
  private readonly pruneStmt;

  constructor(
    db: Db,
    private readonly limit = ACTIVITY_LOG_LIMIT,
  ) {
    this.insertStmt = db.prepare(
      `INSERT INTO activity_log (at, apple_id, source, event, outcome, detail)
       VALUES (@at, @appleId, @source, @event, @outcome, @detail)`,
    );
    this.recentStmt = db.prepare<[number], ActivityRow>('SELECT * FROM activity_log ORDER BY id DESC LIMIT ?');
    this.pruneStmt = db.prepare('DELETE FROM activity_log WHERE id <= ?');
  }

  /**
   * Adds an entry and, in the same transaction as the caller's change, drops what falls off the
   * end: the log is bounded however long an attack goes on. Ids only grow, so the newest
   * `limit` entries are those above `id - limit`.
   */
  insert(entry: NewActivity, at: number): ActivityEntry {
    const detail = entry.detail ?? {};
    const id = Number(this.insertStmt.run({ ...entry, at, detail: JSON.stringify(detail) }).lastInsertRowid);
    if (id > this.limit) this.pruneStmt.run(id - this.limit);
    return { ...entry, id, at, detail };
  }

  /** Newest first. */
  recent(limit: number): ActivityEntry[] {
    return this.recentStmt.all(limit).map((row) => ({
      id: row.id,
      at: row.at,
      appleId: row.apple_id,
      source: row.source,
      event: row.event,
      outcome: row.outcome,
      detail: JSON.parse(row.detail) as ActivityEntry['detail'],
    }));
  }
}
