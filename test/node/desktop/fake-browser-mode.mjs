// Browser mode as start.mjs falls back to it: records that it started, with which arguments, and ends.
import { appendFileSync } from 'node:fs';
appendFileSync(process.env.FAKE_EVENTS_LOG, `${JSON.stringify({ who: 'browser-mode', args: process.argv.slice(2), cwd: process.cwd() })}\n`);
console.log('TwoStep is running (browser mode).');
