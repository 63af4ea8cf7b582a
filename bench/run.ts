import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { appPasswordCheck } from './app-password-check.bench.js';
import { availability } from './availability.bench.js';
import { browserMode } from './browser-mode.bench.js';
import { bundleSizes } from './bundle-size.bench.js';
import { eventLoopUnderSignIns } from './event-loop.bench.js';
import { hashingPool, hashLoadChild } from './hashing-pool.bench.js';
import { mailServerChild } from './mail-server-child.js';
import { mailServers } from './mail-servers.bench.js';
import { passwordSignIn } from './password-sign-in.bench.js';

/** This bundle, for the benchmarks that need a process of their own. */
const BUNDLE = fileURLToPath(import.meta.url);

/** `npm run bench`: every figure the README quotes, as a table and as bench/results.json. */
async function main() {
  const quick = process.argv.includes('--quick');
  const dir = mkdtempSync(join(tmpdir(), 'twostep-bench-'));
  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    date: new Date().toISOString(),
  };
  console.log(`Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GiB, Node ${machine.node}\n`);
  try {
    console.log('1. Sign-in with the normal password (production scrypt) vs bare crypto.scrypt…');
    const signIn = await passwordSignIn(quick ? 6 : 40);
    console.log('2. App-specific password check, 100,000 stored across 4,000 accounts…');
    const appPassword = appPasswordCheck(join(dir, 'asp.sqlite'), quick ? 5_000 : 50_000);
    console.log('3. Event-loop delay while 50 sign-ins run at once…');
    const eventLoop = await eventLoopUnderSignIns(join(dir, 'loop.sqlite'), 50);
    console.log('4. Browser mode: start-up and memory…');
    const browser = await browserMode(50);
    console.log('5. Peak memory while 50 sign-ins hash at once: libuv\'s four threads, then the hashing pool…');
    const pool = await hashingPool(BUNDLE, 50);
    console.log('6. The mail servers: LOGIN+SELECT+LOGOUT with 50 clients, 1,000 idle connections, revocation to BYE…');
    const mail = await mailServers(BUNDLE, quick);
    console.log('7. Under attack: 25 MB literals before sign-in, 20,000 connections, 50 unknown Apple IDs…');
    const attack = await availability(quick);
    console.log('8. Built front ends…\n');
    const bundles = bundleSizes();
    const results = { machine, signIn, appPassword, eventLoop, browser, pool, mail, attack, bundles };

    const rows: [string, string, string][] = [
      ['sign-in (normal password), p50 / p99', `${signIn.serviceMs.p50} / ${signIn.serviceMs.p99} ms`, `bare scrypt ${signIn.bareScryptMs.p50} / ${signIn.bareScryptMs.p99} ms; ratio ${signIn.ratioP50} (p50) ${signIn.met ? '✓' : '✗'} ≤ 1.10`],
      ['app-specific password check, p50 / p99', `${appPassword.serviceUs.p50} / ${appPassword.serviceUs.p99} µs`, `bare HMAC+SELECT ${appPassword.bareHmacSelectUs.p50} / ${appPassword.bareHmacSelectUs.p99} µs; ratio ${appPassword.ratioP50} ${appPassword.met ? '✓' : '✗'} (p99 < 1 ms, ≤ 1.5)`],
      ['event-loop delay, 50 sign-ins at once', `p99 ${eventLoop.delayMs.p99} ms`, `max ${eventLoop.delayMs.max} ms; ${eventLoop.wallSeconds} s in all ${eventLoop.met ? '✓' : '✗'} < 20 ms`],
      ['browser mode: start to first answer', `${browser.firstAnswerMs} ms`, 'includes opening the store and hashing the demo password'],
      ['browser mode: resident memory', `${browser.rssMb.idle} MB idle`, `${browser.rssMb.underLoad} MB peak under ${browser.load}`],
      [
        'peak memory, 50 sign-ins hashing at once',
        `${pool.pool.peakMb} MB (pool of ${pool.pool.poolSize})`,
        `libuv's 4: ${pool.libuvFour.peakMb} MB; sign-ins/s ${pool.pool.perSecond} vs ${pool.libuvFour.perSecond} ${pool.met ? '✓' : '✗'} ≤ 350 MB, same rate`,
      ],
      [
        'IMAP LOGIN+SELECT+LOGOUT, 50 clients at once',
        `${mail.flows.perSecond}/s (p50 ${mail.flows.latencyMs.p50} ms, p99 ${mail.flows.latencyMs.p99} ms)`,
        `the service's check alone: ${mail.flows.bareServiceChecksPerSecond}/s`,
      ],
      ['IMAP: 1,000 idle connections', `+${mail.idleConnections.addedMb} MB`, `${mail.idleConnections.rssBeforeMb} → ${mail.idleConnections.rssAfterMb} MB ${mail.idleConnections.met ? '✓' : '✗'} < 50 MB more`],
      [
        `RSS after ${attack.memory.connections} × 25 MB LITERAL+ LOGIN`,
        `+${attack.memory.addedMb} MB`,
        `${attack.memory.rssMb.idle} → peak ${attack.memory.rssMb.peak} MB ${attack.memory.met ? '✓' : '✗'} < 50 MB more`,
      ],
      [
        `site sign-in after ${attack.descriptors.attempts.toLocaleString('en')} IMAP connections`,
        `${attack.descriptors.signInMs.whileHeld} ms (unloaded ${attack.descriptors.signInMs.unloaded})`,
        `ratio ${attack.descriptors.ratio}; ${attack.descriptors.heldOpen} held open ${attack.descriptors.met ? '✓' : '✗'} < 2×`,
      ],
      [
        `site sign-in while ${attack.cpu.unknownIdSignIns} unknown IDs sign in`,
        `${attack.cpu.signInMs.whileTheyRun} ms (unloaded ${attack.cpu.signInMs.unloaded})`,
        `ratio ${attack.cpu.ratio}; the last unknown ID answered after ${attack.cpu.lastUnknownIdAnsweredAfterS} s ${attack.cpu.met ? '✓' : '✗'} ≤ 2×`,
      ],
      ['revocation to BYE, 500 open sessions', `p50 ${mail.revocationToBye.p50Ms} ms, p99 ${mail.revocationToBye.p99Ms} ms`, `${mail.revocationToBye.sessions} sessions ${mail.revocationToBye.met ? '✓' : '✗'} p99 < 50 ms`],
      ...Object.entries(bundles.pages).map(([page, b]): [string, string, string] => [`JavaScript of the ${page} page (gzip)`, `${b.gzipKb} KB`, `${b.files} file(s) ${b.gzipKb < 150 ? '✓' : '✗'} < 150 KB`]),
    ];
    const width = Math.max(...rows.map((r) => r[0].length));
    const width2 = Math.max(...rows.map((r) => r[1].length));
    for (const [what, figure, note] of rows) console.log(`${what.padEnd(width)}  ${figure.padEnd(width2)}  ${note}`);
    mkdirSync('bench', { recursive: true });
    writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
    console.log('\nWritten to bench/results.json');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The same bundle runs the benchmarks' child processes. */
function childMode(): Promise<void> | null {
  const args = process.argv.slice(2);
  if (args[0] === '--hash-load') return hashLoadChild(Number(args[1]), Number(args[2]));
  if (args[0] === '--mail-server') return mailServerChild();
  return null;
}

(childMode() ?? main()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
