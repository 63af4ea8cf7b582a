import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { round } from './stats.js';

function rssMb(pid: number): number {
  // /proc/<pid>/status: VmRSS in kB (Linux, where the figures in the README come from).
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return round(Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024, 1);
}

/**
 * Browser mode as a user starts it (production scrypt cost, a new store): time until the
 * account site first answers, resident memory when idle and while 50 sign-ins run at once.
 */
export async function browserMode(concurrent: number) {
  const dataDir = mkdtempSync(join(tmpdir(), 'twostep-bench-'));
  const started = performance.now();
  const child = spawn(process.execPath, ['dist/main/browser-mode.mjs', '--port', '0', '--data', dataDir, '--no-open'], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    let output = '';
    const origin = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /Account site \(My Apple ID\): (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (match) resolve(match[1]!);
      });
      child.once('exit', () => reject(new Error(`browser mode exited:\n${output}`)));
    });
    let firstAnswerMs = 0;
    for (;;) {
      try {
        const response = await fetch(`${origin}/account`);
        if (response.ok) {
          firstAnswerMs = performance.now() - started;
          break;
        }
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    await new Promise((r) => setTimeout(r, 1000));
    const idle = rssMb(child.pid!);
    let peak = idle;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb(child.pid!))), 20);
    const signIn = () =>
      fetch(`${origin}/api/site/signIn`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin },
        body: JSON.stringify({ appleId: 'demo@twostep.example', password: 'Twostep-Demo-2015' }),
      }).then((r) => r.json());
    const loadStart = performance.now();
    await Promise.all(Array.from({ length: concurrent }, signIn));
    const loadSeconds = (performance.now() - loadStart) / 1000;
    clearInterval(sampler);
    return {
      firstAnswerMs: round(firstAnswerMs, 0),
      rssMb: { idle, underLoad: peak },
      load: `${concurrent} account-site sign-ins at once (production scrypt cost): ${round(loadSeconds, 1)} s`,
    };
  } finally {
    child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}
