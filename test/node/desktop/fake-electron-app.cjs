/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS, like the Electron files it stands in for */
// The desktop app as the fake Electron binary runs it (it is Node running package.json's main).
// It records how it was started, then does what FAKE_APP says, the way Electron ends in each case:
// - quit (default): the user quit; exit code 0.
// - sandbox: what Chromium does on Ubuntu 23.10+ without an AppArmor profile (electron/electron#42510):
//   a FATAL line from setuid_sandbox_host.cc, then SIGTRAP (Chromium's CHECK failure).
// - killed: ended by a signal from outside (the OOM killer, kill -9): SIGKILL.
// - fail: main failed to start and said so (main/electron/main.ts): exit code 1.
const { appendFileSync } = require('node:fs');
appendFileSync(process.env.FAKE_EVENTS_LOG, `${JSON.stringify({ who: 'electron-app', args: process.argv.slice(2), cwd: process.cwd() })}\n`);
switch (process.env.FAKE_APP) {
  case 'sandbox':
    process.stderr.write(
      "[4317:0206/185050.022641:FATAL:sandbox/linux/suid/client/setuid_sandbox_host.cc:166] The SUID sandbox helper binary was found, but is not configured correctly. Rather than run without sandboxing I'm aborting now. You need to make sure that /x/node_modules/electron/dist/chrome-sandbox is owned by root and has mode 4755.\n",
    );
    process.kill(process.pid, 'SIGTRAP');
    break;
  case 'killed':
    process.kill(process.pid, 'SIGKILL');
    break;
  case 'fail':
    console.error('TwoStep could not start: the store is locked by another program');
    process.exit(1);
    break;
  default:
    process.exit(0);
}
