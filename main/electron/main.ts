import { join } from 'node:path';
import { startDesktopApp } from './desktop-app.js';
import { reportStartupFailure } from './startup-failure.js';

/** The desktop app's entry, bundled to dist/main/electron.cjs. Whatever stops it starting is shown to the user. */
startDesktopApp({ appRoot: join(__dirname, '..', '..') }).catch(reportStartupFailure);
