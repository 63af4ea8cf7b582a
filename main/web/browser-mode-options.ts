import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultStorePath } from '../identity/identity-service.js';
import { MAIL_PROFILES, type MailProfileName } from '../mail/profiles.js';

export interface BrowserModeOptions {
  port: number;
  /** The app server (control center, apps, iPhone): another origin than the account site. */
  appPort: number;
  dataDir: string;
  lang: 'en' | 'ja';
  open: boolean;
  /** The IMAP and SMTP servers (0 = any free port). */
  imapPort: number;
  smtpPort: number;
  /** The implicit-TLS ports: IMAPS and SMTPS (submissions). */
  imapsPort: number;
  smtpsPort: number;
  /** Replaces the stored server profile when given. */
  mailProfile: MailProfileName | undefined;
  /** Test-only: a clock tests can move, and a fast password hash. Never for real use. */
  testMode: boolean;
}

export const USAGE = `Usage: npm run web -- [options]

  --port N        port of the account site on 127.0.0.1 (default 4510; 0 = any free port)
  --app-port N    port of the control center and the apps (default: the next one; 0 = any free port)
  --data DIR      where the account store lives (default: ${dirname(defaultStorePath())})
  --lang ja|en    language the pages start in (default en; any page's switch changes it for all)
  --imap-port N   port of the IMAP server (default 1143; 0 = any free port; with --port 0, 0)
  --smtp-port N   port of the SMTP submission server (default 1587; 0 = any free port; with --port 0, 0)
  --imaps-port N  port of IMAP over TLS from the first byte (default 1993; 0 = any free port; with --port 0, 0)
  --smtps-port N  port of SMTP submission over TLS from the first byte (default 1465; 0 = any free port; with --port 0, 0)
  --mail-profile icloud|gmail|fastmail
                  how the mail servers answer (default: as last chosen, at first icloud)
  --no-open       do not open the default browser
  --test-mode     for automated tests only: movable clock, fast hashing
  --help          this text`;

export class UsageError extends Error {}

export function parseBrowserModeArgs(argv: string[]): BrowserModeOptions | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string', default: '4510' },
        'app-port': { type: 'string' },
        data: { type: 'string' },
        lang: { type: 'string', default: 'en' },
        'imap-port': { type: 'string' },
        'smtp-port': { type: 'string' },
        'imaps-port': { type: 'string' },
        'smtps-port': { type: 'string' },
        'mail-profile': { type: 'string' },
        'no-open': { type: 'boolean', default: false },
        'test-mode': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return 'help';
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0-65535, not "${values.port}"`);
  const appPort = values['app-port'] === undefined ? (port === 0 ? 0 : port + 1) : Number(values['app-port']);
  if (!Number.isInteger(appPort) || appPort < 0 || appPort > 65535 || (appPort === port && port !== 0)) {
    throw new UsageError(`--app-port must be 0-65535 and differ from --port, not "${values['app-port']}"`);
  }
  if (values.lang !== 'en' && values.lang !== 'ja') throw new UsageError(`--lang must be ja or en, not "${values.lang}"`);
  // Tests start many instances at once with --port 0: their mail servers take free ports too.
  const imapPort = mailPort('--imap-port', values['imap-port'], port === 0 ? 0 : 1143);
  const smtpPort = mailPort('--smtp-port', values['smtp-port'], port === 0 ? 0 : 1587);
  const imapsPort = mailPort('--imaps-port', values['imaps-port'], port === 0 ? 0 : 1993);
  const smtpsPort = mailPort('--smtps-port', values['smtps-port'], port === 0 ? 0 : 1465);
  const mailPorts: [string, number][] = [
    ['--imap-port', imapPort],
    ['--smtp-port', smtpPort],
    ['--imaps-port', imapsPort],
    ['--smtps-port', smtpsPort],
  ];
  for (const [i, [flag, value]] of mailPorts.entries()) {
    const others = [port, appPort, ...mailPorts.filter((_, j) => j !== i).map(([, p]) => p)];
    if (value !== 0 && others.includes(value)) throw new UsageError(`${flag} must differ from the other ports`);
  }
  const profile = values['mail-profile'];
  if (profile !== undefined && !(MAIL_PROFILES as readonly string[]).includes(profile)) {
    throw new UsageError(`--mail-profile must be ${MAIL_PROFILES.join(', ')}, not "${profile}"`);
  }
  return {
    port,
    appPort,
    dataDir: values.data ? resolve(values.data) : dirname(defaultStorePath()),
    lang: values.lang,
    open: !values['no-open'],
    imapPort,
    smtpPort,
    imapsPort,
    smtpsPort,
    mailProfile: profile as MailProfileName | undefined,
    testMode: values['test-mode'],
  };
}

export function storePathIn(dataDir: string): string {
  return join(dataDir, 'twostep.sqlite');
}

function mailPort(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new UsageError(`${flag} must be 0-65535, not "${value}"`);
  return port;
}
