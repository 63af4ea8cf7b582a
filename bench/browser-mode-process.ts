import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { round } from './stats.js';

/** Browser mode in a process of its own, as a user starts it (production scrypt cost, a new store). */
export interface BrowserModeProcess {
  child: ChildProcess;
  site: string;
  apps: string;
  launchKey: string;
  imapPort: number;
  smtpPort: number;
  /** Resident memory now, MB (/proc/<pid>/status: Linux, where the README's figures come from). */
  rssMb(): number;
  stop(): void;
}

export async function startBrowserMode(extraArgs: string[] = []): Promise<BrowserModeProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'twostep-bench-'));
  const child = spawn(process.execPath, ['dist/main/browser-mode.mjs', '--port', '0', '--imap-port', '0', '--smtp-port', '0', '--data', dataDir, '--no-open', ...extraArgs], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  const found = await new Promise<Omit<BrowserModeProcess, 'child' | 'rssMb' | 'stop'>>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const site = /Account site \(My Apple ID\): (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      const apps = /Control center: +(http:\/\/127\.0\.0\.1:\d+)\/control#key=([\w-]+)/.exec(output);
      const imap = /IMAP server: +127\.0\.0\.1:(\d+)/.exec(output)?.[1];
      const smtp = /SMTP submission: +127\.0\.0\.1:(\d+)/.exec(output)?.[1];
      if (site && apps && imap && smtp) resolve({ site, apps: apps[1]!, launchKey: apps[2]!, imapPort: Number(imap), smtpPort: Number(smtp) });
    });
    child.once('exit', () => reject(new Error(`browser mode exited:\n${output}`)));
  });
  return {
    child,
    ...found,
    rssMb: () => round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]) / 1024, 1),
    stop() {
      child.kill('SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
