import type { Database } from 'better-sqlite3';

/** One schema version: its number (in tens, so a fix can slot in between) and its change. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}
