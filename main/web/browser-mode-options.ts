import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultStorePath } from '../identity/identity-service.js';

export interface BrowserModeOptions {
  port: number;
  dataDir: string;
  lang: 'en' | 'ja';
  open: boolean;
  /** Test-only: a clock tests can move, and a fast password hash. Never for real use. */
  testMode: boolean;
}

export const USAGE = `Usage: npm run web -- [options]

  --port N        port of the account site on 127.0.0.1 (default 4510; 0 = any free port)
  --data DIR      where the account store lives (default: ${dirname(defaultStorePath())})
  --lang ja|en    language of the pages (default en; each page can switch)
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
  if (values.lang !== 'en' && values.lang !== 'ja') throw new UsageError(`--lang must be ja or en, not "${values.lang}"`);
  return {
    port,
    dataDir: values.data ? resolve(values.data) : dirname(defaultStorePath()),
    lang: values.lang,
    open: !values['no-open'],
    testMode: values['test-mode'],
  };
}

export function storePathIn(dataDir: string): string {
  return join(dataDir, 'twostep.sqlite');
}
