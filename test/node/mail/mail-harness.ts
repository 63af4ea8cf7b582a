import { execFile } from 'node:child_process';
import { dirname } from 'node:path';
import { onTestFinished } from 'vitest';
import type { MailProfileName } from '../../../preload/contract/mail-types.js';
import { startMailServers, type MailListenerLimits, type MailServers } from '../../../main/mail/mail-servers.js';
import { DEMO_ACCOUNT, openService, signInSite, type TestService } from '../helpers/identity.js';
import { tempStorePath } from '../helpers/temp-store.js';

export { DEMO_ACCOUNT };

export interface MailHarness extends TestService {
  mail: MailServers;
  token: string;
  dataDir: string;
  /** An app-specific password of the demo account, as the portal showed it (with dashes). */
  appPassword: string;
  appPasswordId: number;
}

/**
 * The demo account with an app-specific password, and the IMAP and SMTP servers on free ports of
 * 127.0.0.1 over a store in a temporary folder — what `npm run web` starts, in-process.
 */
export async function openMail(
  options: { profile?: MailProfileName; label?: string; limits?: MailListenerLimits; decoyHashesPerSecond?: number } = {},
): Promise<MailHarness> {
  const path = tempStorePath();
  const opened = await openService({ path, ...(options.decoyHashesPerSecond ? { decoyHashesPerSecond: options.decoyHashesPerSecond } : {}) });
  const dataDir = dirname(path);
  const mail = await startMailServers({
    service: opened.service,
    dataDir,
    imapPort: 0,
    smtpPort: 0,
    imapsPort: 0,
    smtpsPort: 0,
    ...(options.profile ? { profile: options.profile } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
  });
  onTestFinished(() => mail.close());
  const token = await signInSite(opened.service);
  const created = opened.service.createAppPassword(token, { label: options.label ?? 'Thunderbird' });
  await mail.notificationsDelivered();
  return { ...opened, mail, token, dataDir, appPassword: created.password, appPasswordId: created.appPassword.id };
}

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a real client (curl, python3, swaks, mbsync) and resolves with how it ended; never rejects. */
export function run(command: string, args: string[], options: { input?: string; timeoutMs?: number; cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      command,
      args,
      { timeout: options.timeoutMs ?? 15_000, cwd: options.cwd, env: options.env ?? process.env, maxBuffer: 8 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout: String(stdout), stderr: String(stderr) });
      },
    );
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}

/** A python3 script run with the ports and credentials as environment variables. */
export function python(script: string, env: Record<string, string | number>): Promise<Run> {
  return run('python3', ['-c', script], { env: { ...process.env, ...Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v)])) } });
}
