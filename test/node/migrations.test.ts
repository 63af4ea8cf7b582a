import Database from 'better-sqlite3';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IdentityService } from '../../main/identity/identity-service.js';
import { KeyedHash } from '../../main/identity/crypto/keyed-hash.js';
import { TEST_SCRYPT_COST } from '../../main/identity/crypto/password-hasher.js';
import { LATEST_SCHEMA_VERSION, migrate, openDatabase, schemaVersion } from '../../main/identity/store/database.js';
import { MIGRATIONS } from '../../main/identity/store/migrations/index.js';
import type { Migration } from '../../main/identity/store/migrations/migration.js';
import { identityError, openService, signInApp, signInSite } from './helpers/identity.js';
import { tempStorePath } from './helpers/temp-store.js';

const TABLES = [
  'account_recoveries',
  'account_site_sessions',
  'accounts',
  'activity_log',
  'app_passwords',
  'app_store_installs',
  'app_store_purchases',
  'app_store_sessions',
  'app_store_trusted_macs',
  'browser_trust_offers',
  'client_sessions',
  'code_sends',
  'guess_reservations',
  'install_secret',
  'mail_messages',
  'mail_settings',
  'mailboxes',
  'revoked_app_passwords',
  'support_cases',
  'this_mac',
  'trusted_browsers',
  'trusted_devices',
  'verifications',
  'web_sessions',
];

function userTables(db: Database.Database): { name: string; strict: number }[] {
  return (db.pragma('table_list') as { schema: string; name: string; type: string; strict: number }[])
    .filter((t) => t.schema === 'main' && t.type === 'table' && !t.name.startsWith('sqlite_'))
    .sort((a, b) => a.name.localeCompare(b.name));
}

function tableNames(db: Database.Database): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
}

const failing = (version: number, before?: (db: Database.Database) => void): Migration => ({
  version,
  name: 'broken',
  up(db) {
    before?.(db);
    throw new Error('migration failed half-way');
  },
});

describe('migrations', () => {
  it('only ever increase in version, and the latest is what LATEST_SCHEMA_VERSION says', () => {
    expect(MIGRATIONS.length).toBeGreaterThan(0);
    const versions = MIGRATIONS.map((m) => m.version);
    versions.slice(1).forEach((v, i) => expect(v).toBeGreaterThan(versions[i]!));
    expect(LATEST_SCHEMA_VERSION).toBe(versions.at(-1));
    expect(new Set(MIGRATIONS.map((m) => m.name)).size).toBe(MIGRATIONS.length);
  });

  it('bring an empty file to the latest version: STRICT tables, foreign keys on, WAL', () => {
    const path = tempStorePath();
    const db = openDatabase(path);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
      const tables = userTables(db);
      expect(tables.map((t) => t.name)).toEqual(TABLES);
      for (const table of tables) expect({ table: table.name, strict: table.strict }).toEqual({ table: table.name, strict: 1 });
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
      expect(db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('foreign keys are enforced', () => {
    const db = openDatabase(':memory:');
    try {
      expect(() => db.prepare("INSERT INTO trusted_devices (account_id, kind, name, created_at) VALUES (999, 'phone', 'x', 0)").run()).toThrow(
        /FOREIGN KEY/,
      );
      expect(() =>
        db.prepare("INSERT INTO accounts (apple_id, full_name, password_hash, password_changed_at, security_level, created_at) VALUES ('a', 'b', 'c', 'soon', 'none', 0)").run(),
      ).toThrow(/cannot store TEXT value in INTEGER column/);
    } finally {
      db.close();
    }
  });

  it('reopening a store changes nothing and keeps every account, app-specific password and the install secret', async () => {
    const path = tempStorePath();
    const first = await openService({ path });
    const token = await signInSite(first.service);
    const { password } = first.service.createAppPassword(token, { label: 'Mail' });
    first.service.close();

    const second = await openService({ path });
    expect(schemaVersion(second.service.database)).toBe(LATEST_SCHEMA_VERSION);
    expect((second.service.database.prepare('SELECT count(*) AS n FROM accounts').get() as { n: number }).n).toBe(1);
    expect((await signInApp(second.service, 'third-party', password)).appPasswordLabel).toBe('Mail');
  });

  it('leave a newer store in rollback-journal mode byte for byte as it was (not even switched to WAL)', () => {
    const path = tempStorePath();
    const raw = new Database(path);
    raw.exec('CREATE TABLE future (x INTEGER) STRICT');
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 10}`);
    raw.close();
    const before = readFileSync(path);
    expect(() => openDatabase(path)).toThrow(expect.objectContaining({ code: 'STORE_TOO_NEW' }));
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('refuse a store written by a newer TwoStep with STORE_TOO_NEW, and leave it untouched', async () => {
    const path = tempStorePath();
    const db = openDatabase(path);
    db.prepare("INSERT INTO activity_log (at, source, event, outcome) VALUES (1, 'future', 'demo-reset', 'info')").run();
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 10}`);
    db.close();
    const before = readFileSync(path);

    const error = await identityError(() => IdentityService.open({ path, scryptCost: TEST_SCRYPT_COST }));
    expect(error.code).toBe('STORE_TOO_NEW');
    expect(error.params).toEqual({ found: LATEST_SCHEMA_VERSION + 10, supported: LATEST_SCHEMA_VERSION });
    expect(() => openDatabase(path)).toThrow(expect.objectContaining({ code: 'STORE_TOO_NEW' }));

    expect(readFileSync(path).equals(before)).toBe(true);
    expect(existsSync(`${path}-wal`) ? readFileSync(`${path}-wal`).length : 0).toBe(0);
    const check = new Database(path, { readonly: true });
    try {
      expect(check.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION + 10);
      expect(check.prepare('SELECT count(*) AS n FROM accounts').get()).toEqual({ n: 0 });
      expect(check.prepare('SELECT source FROM activity_log').all()).toEqual([{ source: 'future' }]);
    } finally {
      check.close();
    }
  });

  it('run all pending migrations in one transaction: a failure leaves an empty file at version 0', () => {
    const path = tempStorePath();
    expect(() => openDatabase(path, [...MIGRATIONS, failing(LATEST_SCHEMA_VERSION + 10)])).toThrow('migration failed half-way');
    const db = new Database(path);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(0);
      expect(tableNames(db)).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('a failing later migration leaves an existing store at its version, with its data and schema', async () => {
    const path = tempStorePath();
    const { service } = await openService({ path });
    const accountsBefore = service.database.prepare('SELECT * FROM accounts').all();
    service.close();

    const addsThenFails = failing(LATEST_SCHEMA_VERSION + 10, (db) => {
      db.exec('ALTER TABLE accounts ADD COLUMN nickname TEXT');
      db.exec('CREATE TABLE half_done (id INTEGER PRIMARY KEY) STRICT');
      db.exec('DELETE FROM accounts');
    });
    const next: Migration = { version: LATEST_SCHEMA_VERSION + 20, name: 'never-reached', up: (db) => db.exec('CREATE TABLE never (id INTEGER) STRICT') };
    expect(() => openDatabase(path, [...MIGRATIONS, addsThenFails, next])).toThrow('migration failed half-way');

    const db = new Database(path);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      expect(tableNames(db)).toEqual(TABLES);
      expect((db.pragma('table_info(accounts)') as { name: string }[]).map((c) => c.name)).not.toContain('nickname');
      expect(db.prepare('SELECT * FROM accounts').all()).toEqual(accountsBefore);
    } finally {
      db.close();
    }
  });

  it('a new migration runs once, on the next open', () => {
    const db = new Database(':memory:');
    try {
      migrate(db);
      let runs = 0;
      const addNote: Migration = {
        version: LATEST_SCHEMA_VERSION + 10,
        name: 'add-note',
        up(d) {
          runs++;
          d.exec("ALTER TABLE accounts ADD COLUMN note TEXT NOT NULL DEFAULT ''");
        },
      };
      migrate(db, [...MIGRATIONS, addNote]);
      migrate(db, [...MIGRATIONS, addNote]);
      expect(runs).toBe(1);
      expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION + 10);
    } finally {
      db.close();
    }
  });

  it('a list of migrations out of order is refused before anything is written', () => {
    const db = new Database(':memory:');
    try {
      const a: Migration = { version: 20, name: 'b', up: (d) => d.exec('CREATE TABLE b (x INTEGER) STRICT') };
      const b: Migration = { version: 20, name: 'c', up: (d) => d.exec('CREATE TABLE c (x INTEGER) STRICT') };
      expect(() => migrate(db, [...MIGRATIONS, a, b])).toThrow(/does not come after/);
      expect(schemaVersion(db)).toBe(0);
      expect(tableNames(db)).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('finds an app-specific password by index, never by scanning the table', () => {
    const db = openDatabase(':memory:');
    try {
      const plan = db
        .prepare('EXPLAIN QUERY PLAN SELECT * FROM app_passwords WHERE lookup_hash = ? AND account_id = ? AND revoked_at IS NULL')
        .all(Buffer.alloc(32), 1) as { detail: string }[];
      const details = plan.map((row) => row.detail);
      // Straight to the one row by its keyed hash, not through every password of the account.
      expect(details.some((d) => /^SEARCH app_passwords USING (COVERING )?INDEX \S+ \(lookup_hash=\?/.test(d))).toBe(true);
      expect(details.filter((d) => /^SCAN app_passwords/.test(d))).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('finds a revoked app-specific password by its keyed hash, never by scanning', () => {
    const db = openDatabase(':memory:');
    try {
      const plan = db
        .prepare('EXPLAIN QUERY PLAN SELECT * FROM revoked_app_passwords r JOIN accounts a ON a.id = r.account_id WHERE r.lookup_hash = ? AND a.apple_id = ?')
        .all(Buffer.alloc(32), 'x@y.example') as { detail: string }[];
      const details = plan.map((row) => row.detail);
      expect(details.some((d) => /^SEARCH r USING (PRIMARY KEY|INDEX \S+) \(lookup_hash=\?\)/.test(d)), details.join('; ')).toBe(true);
      expect(details.filter((d) => /^SCAN/.test(d))).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('version 40 moves the hashes of passwords revoked before it, the newest 100 of each account, and none stays in app_passwords', async () => {
    const path = tempStorePath();
    const old = openDatabase(path, MIGRATIONS.filter((m) => m.version <= 30));
    const keyed = KeyedHash.forStore(old);
    old.prepare("INSERT INTO accounts (id, apple_id, full_name, password_hash, password_changed_at, security_level, created_at) VALUES (1, 'old@twostep.example', 'Old', 'x', 0, 'two-step', 0)").run();
    const insert = old.prepare('INSERT INTO app_passwords (account_id, label, lookup_hash, created_at, revoked_at) VALUES (1, ?, ?, 0, ?)');
    const password = (i: number) => `revoked-password-${i}`;
    for (let i = 0; i < 101; i++) insert.run(`Revoked ${i}`, keyed.digest('app-password', password(i)), 1_000 + i);
    insert.run('Active', keyed.digest('app-password', 'stillactivepassw'), null);
    old.close();

    const { service } = await openService({ path });
    const db = service.database;
    expect((db.prepare('SELECT count(*) AS n FROM revoked_app_passwords').get() as { n: number }).n).toBe(100);
    // The oldest one is no longer kept; the newest is.
    const kept = (i: number) => db.prepare('SELECT count(*) AS n FROM revoked_app_passwords WHERE lookup_hash = ?').get(keyed.digest('app-password', password(i))) as { n: number };
    expect([kept(0).n, kept(100).n]).toEqual([0, 1]);
    const leftInPasswords = db.prepare('SELECT count(*) AS n FROM app_passwords WHERE lookup_hash IN (SELECT lookup_hash FROM revoked_app_passwords)').get() as { n: number };
    expect(leftInPasswords.n).toBe(0);
    expect((db.prepare('SELECT count(*) AS n FROM app_passwords WHERE lookup_hash = ?').get(keyed.digest('app-password', 'stillactivepassw')) as { n: number }).n).toBe(1);
  });

  it('counts pending guesses and recent code sends by index, never by scanning', () => {
    const db = openDatabase(':memory:');
    try {
      const plans = [
        'SELECT count(*) FROM guess_reservations WHERE account_id = 1 AND expires_at > 0',
        'SELECT count(*) FROM code_sends WHERE account_id = 1 AND sent_at > 0',
      ].map((sql) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail));
      for (const details of plans) {
        expect(details.some((d) => /^SEARCH \S+ USING (COVERING )?INDEX/.test(d)), details.join('; ')).toBe(true);
        expect(details.filter((d) => /^SCAN/.test(d))).toEqual([]);
      }
    } finally {
      db.close();
    }
  });

  it('the store file lives where it was asked to be, creating its directory', () => {
    const path = join(tempStorePath('nested'), 'deeper', 'store.sqlite');
    const db = openDatabase(path);
    db.close();
    expect(existsSync(path)).toBe(true);
  });
});

describe('migration 0030 (mailboxes)', () => {
  it('gives a store of version 20 its mail tables, keeps every account, and starts the notification watermark at the log as it was', () => {
    const path = tempStorePath();
    const db = openDatabase(path, MIGRATIONS.filter((m) => m.version <= 20));
    db.prepare("INSERT INTO activity_log (at, apple_id, source, event, outcome) VALUES (1, 'a@b.example', 'account-site', 'password-changed', 'success')").run();
    const accounts = db.prepare('SELECT id, apple_id FROM accounts').all();
    db.close();
    const upgraded = openDatabase(path);
    try {
      expect(schemaVersion(upgraded)).toBe(LATEST_SCHEMA_VERSION);
      expect(upgraded.prepare('SELECT id, apple_id FROM accounts').all()).toEqual(accounts);
      // A change made before mail existed is not mailed now, years later.
      expect(upgraded.prepare('SELECT notified_through, profile, keep_sessions_on_revoke FROM mail_settings').get()).toEqual({
        notified_through: 1,
        profile: 'icloud',
        keep_sessions_on_revoke: 0,
      });
      const plan = upgraded.prepare('EXPLAIN QUERY PLAN SELECT uid FROM mail_messages WHERE mailbox_id = 1 AND uid = 2').all() as { detail: string }[];
      expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING (COVERING )?INDEX/);
    } finally {
      upgraded.close();
    }
  });
});

describe('migration 0070 (sign-in approvals)', () => {
  it("keeps a version 60 store's pending verification usable, with no refusal recorded", () => {
    const path = tempStorePath();
    const db = openDatabase(path, MIGRATIONS.filter((m) => m.version <= 60));
    db.prepare("INSERT INTO accounts (id, apple_id, full_name, password_hash, password_changed_at, security_level, created_at) VALUES (1, 'old@twostep.example', 'Old', 'x', 0, 'two-factor', 0)").run();
    db.prepare("INSERT INTO verifications (id, account_id, purpose, created_at, expires_at, code_hash, code_expires_at) VALUES ('v1', 1, 'support', 5, 99, x'0102', 60)").run();
    db.close();

    const upgraded = openDatabase(path);
    try {
      expect(upgraded.prepare("SELECT purpose, code_hash IS NOT NULL AS has_code, denied_at FROM verifications WHERE id = 'v1'").get()).toEqual({ purpose: 'support', has_code: 1, denied_at: null });
    } finally {
      upgraded.close();
    }
  });
});

describe('migration 0060 (places)', () => {
  it('keeps every verification of a version 40 store, a pending code included, and lets a verification be for iCloud.com, the App Store or support', () => {
    const path = tempStorePath();
    const db = openDatabase(path, MIGRATIONS.filter((m) => m.version <= 40));
    db.prepare("INSERT INTO accounts (id, apple_id, full_name, password_hash, password_changed_at, security_level, created_at) VALUES (1, 'old@twostep.example', 'Old', 'x', 0, 'two-step', 0)").run();
    db.prepare("INSERT INTO verifications (id, account_id, purpose, created_at, expires_at, code_hash, code_expires_at, code_attempts, codes_sent, last_code_sent_at) VALUES ('v1', 1, 'account-site', 5, 99, x'0102', 60, 2, 1, 5)").run();
    db.prepare("INSERT INTO verifications (id, account_id, purpose, phone_number, created_at, expires_at) VALUES ('v2', 1, 'add-phone', '+1 202 555 0100', 6, 99)").run();
    const before = db.prepare('SELECT * FROM verifications ORDER BY id').all();
    expect(() => db.prepare("INSERT INTO verifications (id, account_id, purpose, created_at, expires_at) VALUES ('v3', 1, 'icloud-web', 0, 1)").run()).toThrow(/CHECK/);
    db.close();

    const upgraded = openDatabase(path);
    try {
      // 0070 adds only whether the trusted iPhone answered Don't Allow: none had.
      expect(upgraded.prepare('SELECT * FROM verifications ORDER BY id').all()).toEqual(before.map((row) => ({ ...(row as object), denied_at: null })));
      for (const [i, purpose] of ['icloud-web', 'app-store', 'support'].entries()) {
        upgraded.prepare('INSERT INTO verifications (id, account_id, purpose, created_at, expires_at) VALUES (?, 1, ?, 0, 1)').run(`p${i}`, purpose);
      }
      expect(() => upgraded.prepare("INSERT INTO verifications (id, account_id, purpose, created_at, expires_at) VALUES ('x', 1, 'elsewhere', 0, 1)").run()).toThrow(/CHECK/);
      // The Mac the stage stands for has an identity from the start.
      const mac = upgraded.prepare('SELECT mac_id FROM this_mac').get() as { mac_id: string };
      expect(mac.mac_id).toMatch(/^[0-9a-f]{32}$/);
      expect(upgraded.pragma('foreign_key_check')).toEqual([]);
    } finally {
      upgraded.close();
    }
  });

  it('finds a browser session by its keyed hash and an account\'s open sessions by index, never by scanning', () => {
    const db = openDatabase(':memory:');
    try {
      const plans = [
        "SELECT * FROM web_sessions WHERE token_hash = x'00' AND place = 'icloud-web' AND ended_at IS NULL",
        'SELECT * FROM web_sessions WHERE account_id = 1 AND ended_at IS NULL',
        "SELECT * FROM app_store_sessions WHERE mac_id = 'm' AND ended_at IS NULL",
        "SELECT * FROM app_store_trusted_macs WHERE account_id = 1 AND mac_id = 'm'",
      ].map((sql) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail));
      for (const details of plans) {
        expect(details.some((d) => /^SEARCH \S+ USING (COVERING |PRIMARY KEY|INDEX)/.test(d)), details.join('; ')).toBe(true);
        expect(details.filter((d) => /^SCAN/.test(d))).toEqual([]);
      }
    } finally {
      db.close();
    }
  });

  it('finds a trusted browser by its keyed hash, an account\'s trusts and its open questions by index, never by scanning', () => {
    const db = openDatabase(':memory:');
    try {
      const plans = [
        "SELECT * FROM trusted_browsers WHERE token_hash = x'00' AND place = 'account-site' AND ended_at IS NULL",
        'SELECT * FROM trusted_browsers WHERE account_id = 1 AND ended_at IS NULL',
        "SELECT * FROM browser_trust_offers WHERE verification_id = 'v'",
        'UPDATE browser_trust_offers SET decided_at = 1 WHERE account_id = 1 AND decided_at IS NULL',
      ].map((sql) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail));
      for (const details of plans) {
        expect(details.some((d) => /^SEARCH \S+ USING (COVERING |PRIMARY KEY|INDEX)/.test(d)), details.join('; ')).toBe(true);
        expect(details.filter((d) => /^SCAN/.test(d))).toEqual([]);
      }
    } finally {
      db.close();
    }
  });
});

describe('migration 0090 (two-factor apps)', () => {
  it('keeps every verification, column and index of the store before it (denied_at of 0070 among them), and lets a verification be for Messages or FaceTime', () => {
    const path = tempStorePath();
    const db = openDatabase(path, MIGRATIONS.filter((m) => m.version < 90));
    db.prepare("INSERT INTO accounts (id, apple_id, full_name, password_hash, password_changed_at, security_level, created_at) VALUES (1, 'old@twostep.example', 'Old', 'x', 0, 'two-factor', 0)").run();
    db.prepare("INSERT INTO verifications (id, account_id, purpose, created_at, expires_at, code_hash, code_expires_at, code_attempts, codes_sent, last_code_sent_at) VALUES ('v1', 1, 'support', 5, 99, x'0102', 60, 2, 1, 5)").run();
    const before = db.prepare('SELECT * FROM verifications ORDER BY id').all();
    const indexes = (d: Database.Database) => d.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'verifications' ORDER BY name").all();
    const indexesBefore = indexes(db);
    expect(() => db.prepare("INSERT INTO verifications (id, account_id, purpose, created_at, expires_at) VALUES ('v2', 1, 'messages', 0, 1)").run()).toThrow(/CHECK/);
    db.close();

    const upgraded = openDatabase(path);
    try {
      expect(upgraded.prepare('SELECT * FROM verifications ORDER BY id').all()).toEqual(before);
      expect(indexes(upgraded)).toEqual(indexesBefore);
      for (const purpose of ['messages', 'facetime', 'support']) {
        upgraded.prepare('INSERT INTO verifications (id, account_id, purpose, created_at, expires_at) VALUES (?, 1, ?, 0, 1)').run(`p-${purpose}`, purpose);
      }
      expect(() => upgraded.prepare("INSERT INTO verifications (id, account_id, purpose, phone_number, created_at, expires_at) VALUES ('x', 1, 'messages', '+1 202 555 0100', 0, 1)").run()).toThrow(/CHECK/);
      expect(() => upgraded.prepare("INSERT INTO verifications (id, account_id, purpose, created_at, expires_at) VALUES ('y', 1, 'elsewhere', 0, 1)").run()).toThrow(/CHECK/);
      expect(upgraded.pragma('foreign_key_check')).toEqual([]);
    } finally {
      upgraded.close();
    }
  });
});
