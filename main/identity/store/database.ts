import Database from 'better-sqlite3';
import { IdentityError } from '../identity-error.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations/index.js';
import type { Migration } from './migrations/migration.js';
import { securePrivateStore } from './private-files.js';

export type Db = Database.Database;

/**
 * Opens (creating if needed) the store at `path`, or an in-memory store for ':memory:'.
 * WAL with synchronous=FULL: a transaction that returned is on disk, whatever kills us next.
 */
export function openDatabase(
  path: string,
  migrations: readonly Migration[] = MIGRATIONS,
  nativeBinding?: string,
  warn: (message: string) => void = (message) => console.warn(`TwoStep: ${message}`),
): Db {
  if (path !== ':memory:') securePrivateStore(path, warn);
  const db = new Database(path, nativeBinding ? { nativeBinding } : {});
  try {
    // Refuse a newer store before touching it at all (even switching it to WAL writes to it).
    refuseNewer(db, migrations);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, migrations);
    // Now that WAL has made its -wal and -shm files, they are checked too.
    if (path !== ':memory:') securePrivateStore(path, warn);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Runs every pending migration in one transaction; refuses a store written by a newer TwoStep. */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): void {
  assertIncreasing(migrations);
  refuseNewer(db, migrations);
  const latest = migrations.at(-1)?.version ?? 0;
  const current = schemaVersion(db);
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return;
  db.transaction(() => {
    for (const migration of pending) migration.up(db);
    db.pragma(`user_version = ${latest}`);
  }).immediate();
}

function refuseNewer(db: Db, migrations: readonly Migration[]): void {
  const latest = migrations.at(-1)?.version ?? 0;
  const current = schemaVersion(db);
  if (current > latest) throw new IdentityError('STORE_TOO_NEW', { found: current, supported: latest });
}

function assertIncreasing(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    const previous = migrations[i - 1];
    if (previous && m.version <= previous.version) {
      throw new Error(`Migration ${m.name} (${m.version}) does not come after ${previous.name} (${previous.version})`);
    }
  });
}

export { LATEST_SCHEMA_VERSION };
