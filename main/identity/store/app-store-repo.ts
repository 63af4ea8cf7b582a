import type { AppStoreAppId } from '../../../preload/contract/app-store-catalog.js';
import type { Db } from './database.js';

export interface ThisMacRow {
  mac_id: string;
  since: number;
}

export interface AppStoreSessionRow {
  id: string;
  account_id: number;
  apple_id: string;
  full_name: string;
  started_at: number;
}

/**
 * The App Store of the Mac the stage stands for: which Mac it is (`this_mac`), which accounts
 * trust it for purchases, who is signed in to the store on it, what each account got and what
 * is installed where.
 */
export class AppStoreRepo {
  private readonly macStmt;
  private readonly newMacStmt;
  private readonly trustedStmt;
  private readonly trustStmt;
  private readonly trustedForMacStmt;
  private readonly sessionStmt;
  private readonly insertSessionStmt;
  private readonly endSessionsForMacStmt;
  private readonly openSessionsOfAccountStmt;
  private readonly endSessionStmt;
  private readonly purchasesStmt;
  private readonly purchaseStmt;
  private readonly installedStmt;
  private readonly installStmt;

  constructor(db: Db) {
    this.macStmt = db.prepare<[], ThisMacRow>('SELECT mac_id, since FROM this_mac WHERE id = 1');
    this.newMacStmt = db.prepare('UPDATE this_mac SET mac_id = @macId, since = @now WHERE id = 1');
    this.trustedStmt = db.prepare<[number, string], { trusted_at: number }>('SELECT trusted_at FROM app_store_trusted_macs WHERE account_id = ? AND mac_id = ?');
    this.trustStmt = db.prepare('INSERT OR IGNORE INTO app_store_trusted_macs (account_id, mac_id, trusted_at) VALUES (?, ?, ?)');
    this.trustedForMacStmt = db.prepare<[string], { apple_id: string; trusted_at: number }>(
      `SELECT a.apple_id, t.trusted_at FROM app_store_trusted_macs t JOIN accounts a ON a.id = t.account_id
       WHERE t.mac_id = ? ORDER BY t.trusted_at, a.apple_id`,
    );
    this.sessionStmt = db.prepare<[string], AppStoreSessionRow>(
      `SELECT s.id, s.account_id, a.apple_id, a.full_name, s.started_at FROM app_store_sessions s JOIN accounts a ON a.id = s.account_id
       WHERE s.mac_id = ? AND s.ended_at IS NULL`,
    );
    this.insertSessionStmt = db.prepare('INSERT INTO app_store_sessions (id, account_id, mac_id, started_at) VALUES (?, ?, ?, ?)');
    this.endSessionsForMacStmt = db.prepare("UPDATE app_store_sessions SET ended_at = ?, end_reason = ? WHERE mac_id = ? AND ended_at IS NULL");
    this.openSessionsOfAccountStmt = db.prepare<[number], { id: string; mac_id: string }>('SELECT id, mac_id FROM app_store_sessions WHERE account_id = ? AND ended_at IS NULL');
    this.endSessionStmt = db.prepare('UPDATE app_store_sessions SET ended_at = ?, end_reason = ? WHERE id = ? AND ended_at IS NULL');
    this.purchasesStmt = db.prepare<[number], { app_id: AppStoreAppId; purchased_at: number }>(
      'SELECT app_id, purchased_at FROM app_store_purchases WHERE account_id = ? ORDER BY purchased_at DESC, app_id',
    );
    this.purchaseStmt = db.prepare('INSERT OR IGNORE INTO app_store_purchases (account_id, app_id, purchased_at) VALUES (?, ?, ?)');
    this.installedStmt = db.prepare<[string], { app_id: AppStoreAppId }>('SELECT app_id FROM app_store_installs WHERE mac_id = ? ORDER BY installed_at, app_id');
    this.installStmt = db.prepare('INSERT OR IGNORE INTO app_store_installs (mac_id, app_id, account_id, installed_at) VALUES (?, ?, ?, ?)');
  }

  thisMac(): ThisMacRow {
    return this.macStmt.get()!;
  }

  replaceMac(macId: string, now: number): void {
    this.newMacStmt.run({ macId, now });
  }

  trustedAt(accountId: number, macId: string): number | null {
    return this.trustedStmt.get(accountId, macId)?.trusted_at ?? null;
  }

  /** Returns whether the Mac was not trusted before. */
  trust(accountId: number, macId: string, now: number): boolean {
    return this.trustStmt.run(accountId, macId, now).changes > 0;
  }

  trustedFor(macId: string): { apple_id: string; trusted_at: number }[] {
    return this.trustedForMacStmt.all(macId);
  }

  session(macId: string): AppStoreSessionRow | undefined {
    return this.sessionStmt.get(macId);
  }

  startSession(id: string, accountId: number, macId: string, now: number): void {
    this.insertSessionStmt.run(id, accountId, macId, now);
  }

  endSessionsOfMac(macId: string, reason: string, now: number): number {
    return this.endSessionsForMacStmt.run(now, reason, macId).changes;
  }

  /** Ends the account's store sessions on every Mac; returns how many. */
  endSessionsOfAccount(accountId: number, reason: string, now: number): number {
    let ended = 0;
    for (const { id } of this.openSessionsOfAccountStmt.all(accountId)) ended += this.endSessionStmt.run(now, reason, id).changes;
    return ended;
  }

  purchases(accountId: number): { app_id: AppStoreAppId; purchased_at: number }[] {
    return this.purchasesStmt.all(accountId);
  }

  /** Returns whether it is a new purchase (getting an app again costs nothing and records nothing). */
  purchase(accountId: number, appId: AppStoreAppId, now: number): boolean {
    return this.purchaseStmt.run(accountId, appId, now).changes > 0;
  }

  installed(macId: string): AppStoreAppId[] {
    return this.installedStmt.all(macId).map((r) => r.app_id);
  }

  install(macId: string, appId: AppStoreAppId, accountId: number, now: number): void {
    this.installStmt.run(macId, appId, accountId, now);
  }
}
