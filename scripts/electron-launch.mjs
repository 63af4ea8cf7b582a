// Runs the desktop app in Electron for `npm start` and reports how it ended: quit by the user
// (an exit code to pass on) or a failure with its cause (then start.mjs falls back to browser
// mode). Electron's stderr is passed through as it comes and its tail kept, to recognise the
// sandbox failure of Ubuntu 23.10+ (electron/electron#42510).
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { dirname, join } from 'node:path';

/** What Chromium prints when it refuses to start without its sandbox (setuid_sandbox_host.cc, zygote_host_impl_linux.cc). */
const SANDBOX_FAILURE = /SUID sandbox helper binary was found, but is not configured correctly|No usable sandbox!/;

/** How to let Electron's sandbox start for `npm start`, never by switching it off. */
export function sandboxAdvice(binary) {
  const helper = join(dirname(binary), 'chrome-sandbox');
  const profile =
    `printf 'abi <abi/4.0>,\\ninclude <tunables/global>\\nprofile twostep-electron "%s" flags=(unconfined) {\\n  userns,\\n}\\n' '${binary}' ` +
    '| sudo tee /etc/apparmor.d/twostep-electron && sudo apparmor_parser -r /etc/apparmor.d/twostep-electron';
  return (
    "Electron's sandbox could not start. On Ubuntu 23.10 and later, AppArmor blocks the user namespaces " +
    'the sandbox uses for programs without an AppArmor profile (electron/electron#42510); TwoStep never ' +
    'runs without its sandbox. Allow it once for this Electron, either by giving it an AppArmor profile ' +
    '(what the TwoStep .deb installs for itself):\n' +
    `    ${profile}\n` +
    "or by making Chromium's setuid sandbox helper usable:\n" +
    `    sudo chown root:root '${helper}' && sudo chmod 4755 '${helper}'\n` +
    'Then run `npm start` again (README: "Ubuntu and AppArmor").'
  );
}

function lastLine(text) {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .at(-1);
}

/**
 * Starts `binary . ...args` in `root` and resolves with { exitCode } when the app was quit (or
 * stopped with Ctrl-C / SIGTERM), or { cause } when it could not start or crashed.
 */
export function launchElectron(binary, args, { root }) {
  return new Promise((resolve) => {
    let settled = false;
    let stoppedByUser = false;
    let tail = '';
    const settle = (outcome) => {
      if (settled) return;
      settled = true;
      for (const signal of ['SIGINT', 'SIGTERM']) process.off(signal, forward);
      resolve(outcome);
    };
    const child = spawn(binary, ['.', ...args], { cwd: root, stdio: ['inherit', 'inherit', 'pipe'] });
    function forward(signal) {
      stoppedByUser = true;
      child.kill(signal);
    }
    for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, forward);
    child.stderr.on('data', (chunk) => {
      process.stderr.write(chunk);
      tail = (tail + chunk).slice(-16_384);
    });
    child.on('error', (error) => {
      const hint = error.code === 'EACCES' ? ' (the file is not executable)' : error.code === 'ENOENT' ? ' (no such file)' : '';
      settle({ cause: `Electron could not be started: ${error.code ?? ''} ${error.message}${hint}.`.replace(/\s+/g, ' ') });
    });
    child.on('close', (code, signal) => {
      if (stoppedByUser) return settle({ exitCode: code ?? 128 + (constants.signals[signal] ?? 1) });
      if (SANDBOX_FAILURE.test(tail)) return settle({ cause: sandboxAdvice(binary) });
      if (signal) return settle({ cause: `Electron ended by ${signal} before it was quit${tail ? `: ${lastLine(tail)}` : ''}.` });
      if (code !== 0) return settle({ cause: `the desktop app exited with code ${code}${tail ? `: ${lastLine(tail)}` : ''}.` });
      settle({ exitCode: 0 });
    });
  });
}
