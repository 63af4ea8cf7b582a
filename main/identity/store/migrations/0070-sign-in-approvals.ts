import type { Migration } from './migration.js';

/**
 * Allow / Don't Allow (issue 19, two-factor authentication): a verification a trusted iPhone
 * refused keeps that refusal here, so the sign-in attempt stays ended after the app is killed
 * and started again — no code, no further sends, and every asking place is told why. The
 * question itself (the iPhone's alert while nobody has answered) lives in memory with the
 * device's inbox: lost on a restart, it only means the asking side sends again.
 */
export const signInApprovals: Migration = {
  version: 70,
  name: 'sign-in-approvals',
  up(db) {
    db.exec('ALTER TABLE verifications ADD COLUMN denied_at INTEGER');
  },
};
