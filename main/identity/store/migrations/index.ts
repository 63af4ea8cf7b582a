import type { Migration } from './migration.js';
import { initialSchema } from './0010-initial-schema.js';
import { failureBudget } from './0020-failure-budget.js';
import { mailboxes } from './0030-mailboxes.js';
import { revokedAppPasswords } from './0040-revoked-app-passwords.js';
import { mailFolders } from './0050-mail-folders.js';
import { places } from './0060-places.js';
import { signInApprovals } from './0070-sign-in-approvals.js';
import { trustedBrowsers } from './0080-trusted-browsers.js';
import { twoFactorApps } from './0090-two-factor-apps.js';

/** Every migration, oldest first. A test checks the versions only increase. */
export const MIGRATIONS: readonly Migration[] = [
  initialSchema,
  failureBudget,
  mailboxes,
  revokedAppPasswords,
  mailFolders,
  places,
  signInApprovals,
  trustedBrowsers,
  twoFactorApps,
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
