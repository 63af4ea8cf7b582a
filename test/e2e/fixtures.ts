import { test as base, expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A browser-mode TwoStep of the test's own: a temporary store, a free port, test mode. */
export interface TwoStep {
  /** The account site (My Apple ID). */
  origin: string;
  /** The control center, the apps and the iPhone (another origin). */
  appOrigin: string;
  /** This launch's key to the app server, from the address browser mode printed. */
  launchKey: string;
  /** A page of the app server as the printed address opens it: with the launch key in the fragment. */
  appUrl(path: string): string;
  /** The half of the account site's session the site's page keeps, once `signInViaApi` signed in. */
  siteSessionKey?: string;
  dataDir: string;
  /** The IMAP and SMTP servers' ports, as browser mode printed them. */
  imapPort: number;
  /** The implicit-TLS ports (IMAPS, SMTPS). */
  imapsPort: number;
  smtpsPort: number;
  smtpPort: number;
  /** Moves the service's clock forward (test mode only). */
  advanceClock(ms: number): Promise<void>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export async function startTwoStep(extraArgs: string[] = [], dataDir = mkdtempSync(join(tmpdir(), 'twostep-e2e-'))): Promise<TwoStep & { process: ChildProcess }> {
  const args = ['--port', '0', '--imap-port', '0', '--smtp-port', '0', '--data', dataDir, '--no-open', '--test-mode', ...extraArgs];
  const child = spawn(process.execPath, ['dist/main/browser-mode.mjs', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const [origin, appOrigin, launchKey, imapPort, smtpPort, imapsPort, smtpsPort] = await new Promise<[string, string, string, number, number, number, number]>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser mode did not start:\n${output}`)), 15_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const site = /Account site \(My Apple ID\): (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      const apps = /Control center: +(http:\/\/127\.0\.0\.1:\d+)\/control#key=([\w-]+)/.exec(output);
      const imap = /IMAP server: +127\.0\.0\.1:(\d+)/.exec(output);
      const smtp = /SMTP submission: +127\.0\.0\.1:(\d+)/.exec(output);
      const imaps = /IMAPS server: +127\.0\.0\.1:(\d+)/.exec(output);
      const smtps = /SMTPS submission: +127\.0\.0\.1:(\d+)/.exec(output);
      if (site && apps && imap && smtp && imaps && smtps) {
        clearTimeout(timer);
        resolve([site[1]!, apps[1]!, apps[2]!, Number(imap[1]), Number(smtp[1]), Number(imaps[1]), Number(smtps[1])]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`browser mode exited (${code}):\n${output}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    origin,
    appOrigin,
    launchKey,
    appUrl: (path) => `${appOrigin}${path}#key=${launchKey}`,
    dataDir,
    imapPort,
    smtpPort,
    imapsPort,
    smtpsPort,
    process: child,
    async advanceClock(ms) {
      const response = await fetch(`${origin}/api/test/advance-clock`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin },
        body: JSON.stringify({ ms }),
      });
      expect(response.status).toBe(200);
    },
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}

export const test = base.extend<{ twostep: TwoStep }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies by destructuring.
  twostep: async ({}, use) => {
    const twostep = await startTwoStep();
    await use(twostep);
    await twostep.stop();
    rmSync(twostep.dataDir, { recursive: true, force: true });
  },
});

export { expect };
