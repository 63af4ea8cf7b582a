import type { Db } from '../../identity/store/database.js';
import type { MailProfileName, MailSettings } from '../../../preload/contract/mail-types.js';

export type { MailSettings };

/** The mail servers' settings (one row of mail_settings), each change one transaction. */
export class MailSettingsStore {
  private readonly getStmt;
  private readonly setStmt;
  private readonly watermarkStmt;
  private readonly setWatermarkStmt;

  constructor(private readonly db: Db) {
    this.getStmt = db.prepare<[], { profile: MailProfileName; keep_sessions_on_revoke: number; language: 'en' | 'ja' }>(
      'SELECT profile, keep_sessions_on_revoke, language FROM mail_settings WHERE id = 1',
    );
    this.setStmt = db.prepare('UPDATE mail_settings SET profile = @profile, keep_sessions_on_revoke = @keep, language = @language WHERE id = 1');
    this.watermarkStmt = db.prepare<[], { notified_through: number }>('SELECT notified_through FROM mail_settings WHERE id = 1');
    this.setWatermarkStmt = db.prepare('UPDATE mail_settings SET notified_through = ? WHERE id = 1');
  }

  get(): MailSettings {
    const row = this.getStmt.get()!;
    return { profile: row.profile, keepSessionsOnRevoke: row.keep_sessions_on_revoke === 1, language: row.language };
  }

  update(change: Partial<MailSettings>): MailSettings {
    return this.db
      .transaction(() => {
        const next = { ...this.get(), ...change };
        this.setStmt.run({ profile: next.profile, keep: next.keepSessionsOnRevoke ? 1 : 0, language: next.language });
        return next;
      })
      .immediate();
  }

  /** The last activity entry already turned into a notification mail (or skipped). */
  notifiedThrough(): number {
    return this.watermarkStmt.get()!.notified_through;
  }

  /** Inside the caller's transaction, with the mail it delivered: exactly once. */
  setNotifiedThrough(activityId: number): void {
    this.setWatermarkStmt.run(activityId);
  }
}
