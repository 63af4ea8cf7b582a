import open from 'open';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { ManualClock, systemClock } from '../identity/clock.js';
import { TEST_SCRYPT_COST } from '../identity/crypto/password-hasher.js';
import { IdentityError } from '../identity/identity-error.js';
import { IdentityService } from '../identity/identity-service.js';
import { Presenter } from '../presenter/presenter.js';
import { PresenterClock } from '../presenter/presenter-clock.js';
import { startAccountSite } from '../server/account-site-server.js';
import { MailWindowClient } from '../mail/drawn-client/mail-window-client.js';
import { startMailServers } from '../mail/mail-servers.js';
import { printMailSettings } from '../mail/print-settings.js';
import { startAppServer } from '../server/app-server.js';
import { limitsForThisProcess } from '../net/listener-budget.js';
import { parseBrowserModeArgs, storePathIn, UsageError, USAGE } from './browser-mode-options.js';

/**
 * Browser mode: the identity service, the account site and the trusted iPhone, with no
 * Electron at all. This is how TwoStep runs on a machine without Electron, and how its UI is
 * tested. Built to dist/main/browser-mode.mjs beside dist/renderer.
 */
async function main(): Promise<void> {
  let options;
  try {
    options = parseBrowserModeArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${USAGE}`);
      process.exit(2);
    }
    throw error;
  }
  if (options === 'help') {
    console.log(USAGE);
    return;
  }

  // Before any listener: the descriptor limit raised where it can be, every listener's caps fitted to it.
  const listeners = limitsForThisProcess();
  const testClock = options.testMode ? new ManualClock(Date.now()) : undefined;
  // The presenter can skip the service's clock ahead (to show a code expiring), from the stage.
  const presenter = new Presenter(new PresenterClock(testClock ?? systemClock), options.lang);
  let service: IdentityService;
  try {
    service = await IdentityService.open({
      path: storePathIn(options.dataDir),
      clock: presenter.clock,
      ...(testClock ? { scryptCost: TEST_SCRYPT_COST } : {}),
    });
  } catch (error) {
    if (error instanceof IdentityError && error.code === 'STORE_TOO_NEW') {
      console.error(`The store in ${options.dataDir} was written by a newer TwoStep (schema ${error.params?.found}); this one reads up to ${error.params?.supported}. Use a newer TwoStep or another --data folder.`);
      process.exit(1);
    }
    throw error;
  }

  const staticRoot = join(dirname(fileURLToPath(import.meta.url)), '..', 'renderer');
  let appOrigin = '';
  const site = await startAccountSite({
    service,
    staticRoot,
    port: options.port,
    presenter,
    devicePageUrl: () => `${appOrigin}/iphone`,
    ...(testClock ? { testClock } : {}),
    limits: listeners.limits.accountSite,
  });
  // This launch's key to the app server (codes, scenarios, reset): only the addresses printed
  // and opened below carry it, in the fragment, which the browser never sends to any server.
  const launchKey = randomBytes(24).toString('base64url');
  let mail;
  try {
    mail = await startMailServers({
      service,
      dataDir: options.dataDir,
      imapPort: options.imapPort,
      smtpPort: options.smtpPort,
      imapsPort: options.imapsPort,
      smtpsPort: options.smtpsPort,
      ...(options.mailProfile ? { profile: options.mailProfile } : {}),
      limits: { imap: listeners.limits.imap, imaps: listeners.limits.imaps, smtp: listeners.limits.smtp, smtps: listeners.limits.smtps },
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
      console.error(
        `The mail servers could not listen on 127.0.0.1:${options.imapPort} (IMAP), ${options.smtpPort} (SMTP), ${options.imapsPort} (IMAPS) and ${options.smtpsPort} (SMTPS): ${code}. Choose others with --imap-port, --smtp-port, --imaps-port and --smtps-port (0 = any free port).`,
      );
      process.exit(1);
    }
    throw error;
  }
  const mailWindow = new MailWindowClient(() => mail.imapPort);
  const apps = await startAppServer({
    service,
    staticRoot,
    port: options.appPort,
    presenter,
    accountSiteOrigin: () => site.origin,
    launchKey,
    mail: { servers: mail, window: mailWindow },
    limits: listeners.limits.appServer,
  });
  appOrigin = apps.origin;
  const withKey = (path: string) => `${apps.origin}${path}#key=${launchKey}`;

  console.log(`TwoStep is running (browser mode${options.testMode ? ', TEST MODE' : ''}). A simulation, not affiliated with Apple.`);
  console.log(`  Stage (the whole demo):     ${withKey('/stage')}`);
  console.log(`  Control center:             ${withKey('/control')}`);
  console.log(`  Messages:                   ${withKey('/messages')}`);
  console.log(`  FaceTime:                   ${withKey('/facetime')}`);
  console.log(`  iCloud (System Preferences): ${withKey('/icloud')}`);
  console.log(`  Tern Mail (third-party):    ${withKey('/mail')}`);
  console.log(`  Trusted iPhone:             ${withKey('/iphone')}`);
  console.log(`  Account site (My Apple ID): ${site.origin}/account`);
  console.log(`  Store:                      ${storePathIn(options.dataDir)}`);
  printMailSettings(mail.view(), (line) => console.log(line));
  if (listeners.fitted) {
    const { imap, imaps, smtp, smtps, accountSite } = listeners.limits;
    console.log(
      `  Connections:                this process may open ${listeners.descriptors?.soft} files (its hard limit), so the servers take fewer than usual: IMAP ${imap.maxConnections}, IMAPS ${imaps.maxConnections}, SMTP ${smtp.maxConnections}, SMTPS ${smtps.maxConnections}, each web server ${accountSite.maxConnections}`,
    );
  }
  console.log('The addresses of the stage, the control center and the apps carry this launch\'s key: keep them to yourself.');
  console.log('Press Ctrl-C to stop.');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    await mailWindow.close();
    await Promise.all([site.close(), apps.close(), mail.close()]);
    service.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  if (options.open) {
    try {
      await open(withKey('/stage'));
    } catch {
      console.log('Could not open a browser: open the address above by hand.');
    }
  }
}

main().catch((error: unknown) => {
  console.error('TwoStep could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
