import { join } from 'node:path';
import { startDesktopApp } from './desktop-app.js';

/** The desktop app's entry, bundled to dist/main/electron.cjs. */
startDesktopApp({ appRoot: join(__dirname, '..', '..') }).catch((error: unknown) => {
  console.error('TwoStep could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
