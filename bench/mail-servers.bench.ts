import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { IdentityService } from '../main/identity/identity-service.js';
import { BenchImap } from './imap-client.js';
import { round, summarize } from './stats.js';

const USER = 'demo@twostep.example';
/** Alternately 127.0.0.1 and 127.0.0.2 (Linux routes all of 127/8 to the loopback interface). */
const loopback = (i: number) => `127.0.0.${1 + (i % 2)}`;

interface ChildInfo {
  pid: number;
  imapPort: number;
  passwords: { id: number; password: string }[];
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

function startChild(bundle: string): Promise<{ child: ChildProcess; info: ChildInfo; lines: string[] }> {
  const child = spawn(process.execPath, [bundle, '--mail-server'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines: string[] = [];
  let buffer = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      let newline;
      while ((newline = buffer.indexOf('\n')) !== -1) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        if (lines.length === 0 && line.startsWith('{"pid"')) resolve({ child, info: JSON.parse(line) as ChildInfo, lines });
        lines.push(line);
      }
    });
    child.once('exit', (code) => reject(new Error(`mail server child exited ${code}`)));
  });
}

/** The identity service's check alone (no IMAP): signInMail with an app-specific password, 50 at a time. */
async function bareChecksPerSecond(total: number): Promise<number> {
  // A store on disk, as the servers' own (each sign-in writes "last used", fsync'd).
  const dir = mkdtempSync(join(tmpdir(), 'twostep-bench-check-'));
  const service = await IdentityService.open({ path: join(dir, 'twostep.sqlite') });
  const signIn = await service.signInAccountSite({ appleId: USER, password: 'Twostep-Demo-2015' });
  if (signIn.status !== 'VERIFICATION_REQUIRED') throw new Error('expected a code');
  const device = signIn.devices[0]!.id;
  service.sendAccountSiteCode({ verificationId: signIn.verificationId, deviceId: device });
  const { token } = service.completeAccountSiteSignIn({ verificationId: signIn.verificationId, code: service.deviceNotifications(device)[0]!.code });
  const { password } = service.createAppPassword(token, { label: 'Bench' });
  let done = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: 50 }, async () => {
      while (done < total) {
        done += 1;
        const result = await service.signInMail({ protocol: 'imap', appleId: USER, password, clientName: null });
        if (result.status !== 'SIGNED_IN') throw new Error('refused');
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  service.close();
  rmSync(dir, { recursive: true, force: true });
  return total / seconds;
}

/**
 * The mail servers under load, from another process as real clients are: LOGIN + SELECT +
 * LOGOUT flows with 50 clients at once (beside the identity service's check alone), resident
 * memory with 1,000 idle IMAP connections, and revocation to BYE with 500 open sessions.
 */
export async function mailServers(bundle: string, quick: boolean) {
  const { child, info, lines } = await startChild(bundle);
  const pw = (i: number) => info.passwords[i % info.passwords.length]!;
  try {
    // 1. Throughput: 50 clients, each connecting, signing in, selecting and logging out in turn.
    const flows = quick ? 300 : 2_000;
    let started = 0;
    const latencies: number[] = [];
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: 50 }, async (_, worker) => {
        while (started < flows) {
          started += 1;
          const begin = performance.now();
          const client = await BenchImap.signedIn(info.imapPort, USER, pw(worker).password);
          await client.command('c', 'LOGOUT');
          client.close();
          latencies.push(performance.now() - begin);
        }
      }),
    );
    const flowSeconds = (performance.now() - t0) / 1000;
    const flowsPerSecond = flows / flowSeconds;
    const checksPerSecond = await bareChecksPerSecond(flows);
    const flow = summarize(latencies);

    // 2. Memory: 1,000 idle connections, signed in with the INBOX selected, from two loopback
    //    addresses (one address may hold at most half of the listener's 1,000).
    await new Promise((r) => setTimeout(r, 500));
    const idleBefore = rssMb(info.pid);
    const idle: BenchImap[] = [];
    for (let i = 0; i < 1_000; i += 50) {
      idle.push(...(await Promise.all(Array.from({ length: 50 }, (_, j) => BenchImap.signedIn(info.imapPort, USER, pw(i + j).password, loopback(i + j))))));
    }
    await new Promise((r) => setTimeout(r, 1000));
    const idleAfter = rssMb(info.pid);
    for (const c of idle) c.close();
    await new Promise((r) => setTimeout(r, 500));

    // 3. Revocation to BYE: 500 sessions open (20 on each of the 25 passwords); each password is
    //    revoked in turn and every one of its sessions timed from the revocation to its BYE.
    const sessions = new Map<number, BenchImap[]>();
    for (let i = 0; i < 500; i += 50) {
      const batch = await Promise.all(
        Array.from({ length: 50 }, (_, j) => BenchImap.signedIn(info.imapPort, USER, pw(i + j).password, loopback(i + j)).then((c) => ({ c, id: pw(i + j).id }))),
      );
      for (const { c, id } of batch) sessions.set(id, [...(sessions.get(id) ?? []), c]);
    }
    const byeMs: number[] = [];
    for (const { id } of info.passwords) {
      const clients = sessions.get(id) ?? [];
      child.stdin!.write(`revoke ${id}\n`);
      await Promise.all(clients.map((c) => c.ended()));
      let line: string | undefined;
      while (!(line = lines.find((l) => l.startsWith(`{"revoked":${id},`)))) await new Promise((r) => setTimeout(r, 2));
      const revokedAt = (JSON.parse(line) as { at: number }).at;
      for (const c of clients) byeMs.push(c.byeAt! - revokedAt);
    }
    const bye = summarize(byeMs);
    return {
      flows: {
        clients: 50,
        total: flows,
        perSecond: round(flowsPerSecond, 0),
        latencyMs: { p50: round(flow.p50, 1), p99: round(flow.p99, 1) },
        bareServiceChecksPerSecond: round(checksPerSecond, 0),
      },
      idleConnections: { count: 1_000, rssBeforeMb: round(idleBefore, 1), rssAfterMb: round(idleAfter, 1), addedMb: round(idleAfter - idleBefore, 1), goal: 'under 50 MB more', met: idleAfter - idleBefore < 50 },
      revocationToBye: { sessions: byeMs.length, p50Ms: round(bye.p50, 2), p99Ms: round(bye.p99, 2), goal: 'p99 under 50 ms', met: bye.p99 < 50 },
    };
  } finally {
    child.kill('SIGTERM');
  }
}
