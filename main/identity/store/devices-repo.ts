import type { TrustedDeviceKind } from '../../../preload/contract/models.js';
import type { Db } from './database.js';

export interface DeviceRow {
  id: number;
  account_id: number;
  kind: TrustedDeviceKind;
  name: string;
  created_at: number;
}

export class DevicesRepo {
  private readonly forAccountStmt;
  private readonly getStmt;
  private readonly insertStmt;
  private readonly deleteStmt;

  constructor(db: Db) {
    this.forAccountStmt = db.prepare<[number], DeviceRow>('SELECT * FROM trusted_devices WHERE account_id = ? ORDER BY id');
    this.getStmt = db.prepare<[number, number], DeviceRow>('SELECT * FROM trusted_devices WHERE id = ? AND account_id = ?');
    this.insertStmt = db.prepare(
      'INSERT INTO trusted_devices (account_id, kind, name, created_at) VALUES (@accountId, @kind, @name, @now)',
    );
    this.deleteStmt = db.prepare('DELETE FROM trusted_devices WHERE id = ?');
  }

  forAccount(accountId: number): DeviceRow[] {
    return this.forAccountStmt.all(accountId);
  }

  find(accountId: number, deviceId: number): DeviceRow | undefined {
    return this.getStmt.get(deviceId, accountId);
  }

  insert(accountId: number, kind: TrustedDeviceKind, name: string, now: number): number {
    return Number(this.insertStmt.run({ accountId, kind, name, now }).lastInsertRowid);
  }

  delete(deviceId: number): void {
    this.deleteStmt.run(deviceId);
  }
}
