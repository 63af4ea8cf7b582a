import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultStorePath } from '../identity/identity-service.js';

export interface BrowserModeOptions {
  port: number;
  /** The app server (control center, apps, iPhone): another origin than the account site. */
  appPort: number;
  dataDir: string;
  lang: 'en' | 'ja';
  open: boolean;
  /** Test-only: a clock tests can move, and a fast password hash. Never for real use. */
  testMode: boolean;
}

export const USAGE = `Usage: npm run web -- [options]

  --port N        port of the account site on 127.0.0.1 (default 4510; 0 = any free port)
  --app-port N    port of the control center and the apps (default: the next one; 0 = any free port)
  --data DIR      where the account store lives (default: ${dirname(defaultStorePath())})
  --lang ja|en    language the pages start in (default en; any page's switch changes it for all)
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
  return {
    port,
    appPort,
    dataDir: values.data ? resolve(values.data) : dirname(defaultStorePath()),
    lang: values.lang,
    open: !values['no-open'],
    testMode: values['test-mode'],
  };
}

export function storePathIn(dataDir: string): string {
  return join(dataDir, 'twostep.sqlite');
}
