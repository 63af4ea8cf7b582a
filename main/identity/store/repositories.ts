import { AccountRecoveriesRepo } from './account-recoveries-repo.js';
import { AccountSiteSessionsRepo } from './account-site-sessions-repo.js';
import { AccountsRepo } from './accounts-repo.js';
import { AppStoreRepo } from './app-store-repo.js';
import { ActivityRepo } from './activity-repo.js';
import { AppPasswordsRepo } from './app-passwords-repo.js';
import { ClientSessionsRepo } from './client-sessions-repo.js';
import { CodeSendsRepo } from './code-sends-repo.js';
import type { Db } from './database.js';
import { DevicesRepo } from './devices-repo.js';
import { GuessReservationsRepo } from './guess-reservations-repo.js';
import { RevokedAppPasswordsRepo } from './revoked-app-passwords-repo.js';
import { SupportCasesRepo } from './support-cases-repo.js';
import { TrustedBrowsersRepo } from './trusted-browsers-repo.js';
import { VerificationsRepo } from './verifications-repo.js';
import { WebSessionsRepo } from './web-sessions-repo.js';

/** One repository per domain, each holding its prepared statements. */
export class Repositories {
  readonly accounts: AccountsRepo;
  readonly devices: DevicesRepo;
  readonly verifications: VerificationsRepo;
  readonly appPasswords: AppPasswordsRepo;
  readonly revokedAppPasswords: RevokedAppPasswordsRepo;
  readonly clientSessions: ClientSessionsRepo;
  readonly accountSiteSessions: AccountSiteSessionsRepo;
  readonly activity: ActivityRepo;
  readonly guessReservations: GuessReservationsRepo;
  readonly codeSends: CodeSendsRepo;
  // The places of issue 19.
  readonly webSessions: WebSessionsRepo;
  readonly appStore: AppStoreRepo;
  readonly supportCases: SupportCasesRepo;
  // Two-factor authentication's "Trust this browser?".
  readonly trustedBrowsers: TrustedBrowsersRepo;
  // Account recovery under two-factor authentication (issue 19 part B).
  readonly accountRecoveries: AccountRecoveriesRepo;

  constructor(readonly db: Db) {
    this.accounts = new AccountsRepo(db);
    this.devices = new DevicesRepo(db);
    this.verifications = new VerificationsRepo(db);
    this.appPasswords = new AppPasswordsRepo(db);
    this.revokedAppPasswords = new RevokedAppPasswordsRepo(db);
    this.clientSessions = new ClientSessionsRepo(db);
    this.accountSiteSessions = new AccountSiteSessionsRepo(db);
    this.activity = new ActivityRepo(db);
    this.guessReservations = new GuessReservationsRepo(db);
    this.codeSends = new CodeSendsRepo(db);
    this.webSessions = new WebSessionsRepo(db);
    this.appStore = new AppStoreRepo(db);
    this.supportCases = new SupportCasesRepo(db);
    this.trustedBrowsers = new TrustedBrowsersRepo(db);
    this.accountRecoveries = new AccountRecoveriesRepo(db);
  }
}
