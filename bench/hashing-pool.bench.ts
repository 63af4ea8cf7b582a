import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { IdentityService } from '../main/identity/identity-service.js';
import { round } from './stats.js';

/**
 * In a child process of its own (so its resident memory is its alone): 50 accounts sign in at
 * once at the production scrypt cost, each with its own password, so 50 hashes are wanted at
 * the same moment; resident memory is sampled every 10 ms. Prints one JSON line.
 */
export async function hashLoadChild(poolSize: number, concurrent: number): Promise<void> {
  const service = await IdentityService.open({ path: ':memory:', seedDemo: false, hashingPoolSize: poolSize });
  await service.createAccount({ appleId: 'user0@twostep.example', password: 'Bench-Password-1', fullName: 'Bench' });
  // The same hash for every account (made once above): what matters is 50 checks at once.
  const db = service.database;
  const hash = (db.prepare("SELECT password_hash FROM accounts WHERE apple_id = 'user0@twostep.example'").get() as { password_hash: string }).password_hash;
  const insert = db.prepare(`INSERT INTO accounts (apple_id, full_name, password_hash, password_changed_at, security_level, created_at) VALUES (?, 'Bench', ?, 0, 'none', 0)`);
  for (let i = 1; i < concurrent; i++) insert.run(`user${i}@twostep.example`, hash);
  global.gc?.();
  await new Promise((r) => setTimeout(r, 200));
  const before = process.memoryUsage.rss();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10);
  const started = performance.now();
  const results = await Promise.all(
    Array.from({ length: concurrent }, (_, i) => service.signInClient({ clientKind: 'third-party', appleId: `user${i}@twostep.example`, password: 'Bench-Password-1' })),
  );
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  service.close();
  if (!results.every((r) => r.status === 'SIGNED_IN')) throw new Error('a sign-in failed');
  console.log(JSON.stringify({ poolSize, beforeMb: round(before / 2 ** 20, 0), peakMb: round(peak / 2 ** 20, 0), seconds: round(seconds, 1), perSecond: round(concurrent / seconds, 2) }));
}

interface HashLoad {
  poolSize: number;
  beforeMb: number;
  peakMb: number;
  seconds: number;
  perSecond: number;
}

function child(bundle: string, poolSize: number, concurrent: number): Promise<HashLoad> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [bundle, '--hash-load', String(poolSize), String(concurrent)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
    proc.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1)!) as HashLoad) : reject(new Error(`hash-load child exited ${code}`))));
  });
}

/**
 * Peak memory while 50 sign-ins hash at once: libuv's four threads (as before the pool) beside
 * the pool as wide as the cores, each in a fresh process, with their sign-ins per second.
 */
export async function hashingPool(bundle: string, concurrent: number) {
  const before = await child(bundle, 4, concurrent);
  const after = await child(bundle, availableParallelism(), concurrent);
  return {
    concurrent,
    libuvFour: before,
    pool: after,
    goal: 'peak at most 350 MB, with the same sign-ins per second (within 10%)',
    met: after.peakMb <= 350 && after.perSecond >= before.perSecond * 0.9,
  };
}
