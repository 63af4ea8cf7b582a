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

export class ActivityRepo {
  private readonly insertStmt;
  private readonly recentStmt;

  constructor(db: Db) {
    this.insertStmt = db.prepare(
      `INSERT INTO activity_log (at, apple_id, source, event, outcome, detail)
       VALUES (@at, @appleId, @source, @event, @outcome, @detail)`,
    );
    this.recentStmt = db.prepare<[number], ActivityRow>('SELECT * FROM activity_log ORDER BY id DESC LIMIT ?');
  }

  insert(entry: NewActivity, at: number): ActivityEntry {
    const detail = entry.detail ?? {};
    const id = Number(this.insertStmt.run({ ...entry, at, detail: JSON.stringify(detail) }).lastInsertRowid);
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
