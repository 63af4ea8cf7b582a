import { connect, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { startBrowserMode, type BrowserModeProcess } from './browser-mode-process.js';
import { round, summarize } from './stats.js';

const DEMO = { appleId: 'demo@twostep.example', password: 'Twostep-Demo-2015' };
const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One sign-in at the account site with the right password (production scrypt), timed at the client. */
async function siteSignIn(running: BrowserModeProcess): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${running.site}/api/site/signIn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: running.site },
    body: JSON.stringify(DEMO),
  });
  const answer = (await response.json()) as { ok: boolean; value?: { status: string } };
  if (!answer.ok || answer.value?.status !== 'VERIFICATION_REQUIRED') throw new Error(`sign-in refused: ${JSON.stringify(answer)}`);
  return performance.now() - started;
}

async function signInTimes(running: BrowserModeProcess, n: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) times.push(await siteSignIn(running));
  return times;
}

const median = (samples: number[]) => summarize(samples).p50;

/** A connection to the IMAP port that waits for the server's first line; resolves with it (or how it ended). */
function imapConnection(port: number): Promise<{ socket: Socket; first: string }> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.setEncoding('latin1');
    socket.on('error', () => resolve({ socket, first: 'error' }));
    socket.once('close', () => resolve({ socket, first: 'closed' }));
    socket.once('data', (d: string) => resolve({ socket, first: d.split('\r\n')[0]! }));
  });
}

/**
 * 1. Memory before sign-in: 200 connections, each announcing a 25 MB LITERAL+ literal after LOGIN
 *    and sending it (issue 15: 40 such connections took browser mode from 83 to 1,011 MB).
 */
async function literalFlood(running: BrowserModeProcess, connections: number) {
  const idle = running.rssMb();
  let peak = idle;
  const sampler = setInterval(() => (peak = Math.max(peak, running.rssMb())), 20);
  const megabyte = Buffer.alloc(1024 * 1024, 0x61);
  const sent: number[] = [];
  await Promise.all(
    Array.from({ length: connections }, async () => {
      const { socket, first } = await imapConnection(running.imapPort);
      if (!first.startsWith('* OK')) return;
      let bytes = 0;
      let open = true;
      socket.on('close', () => (open = false));
      socket.write('a LOGIN {25000000+}\r\n');
      while (open && bytes < 25_000_000) {
        if (!socket.write(megabyte)) await new Promise((r) => socket.once('drain', r).once('close', r));
        bytes += megabyte.length;
      }
      sent.push(bytes);
      socket.destroy();
    }),
  );
  await settle(1000);
  clearInterval(sampler);
  const after = running.rssMb();
  return {
    connections,
    literalBytesAnnounced: 25_000_000,
    mbWrittenByClients: round(sent.reduce((a, b) => a + b, 0) / 2 ** 20, 0),
    rssMb: { idle, peak, after },
    addedMb: round(peak - idle, 1),
    goal: 'under 50 MB more',
    met: peak - idle < 50,
  };
}

/**
 * 2. Descriptors: 20,000 connection attempts at the IMAP port, the ones let in held open, and
 *    sign-ins at the account site meanwhile, beside unloaded ones just before and just after (the
 *    machine's own load drifts: the ratio compares like with like).
 */
async function connectionFlood(running: BrowserModeProcess, attempts: number) {
  const before = await signInTimes(running, 3);
  const held: Socket[] = [];
  const firsts = new Map<string, number>();
  for (let i = 0; i < attempts; i += 500) {
    const wave = await Promise.all(Array.from({ length: Math.min(500, attempts - i) }, () => imapConnection(running.imapPort)));
    for (const { socket, first } of wave) {
      const kind = first.startsWith('* OK') ? 'greeted' : first.startsWith('* BYE [UNAVAILABLE]') ? 'refused' : first;
      firsts.set(kind, (firsts.get(kind) ?? 0) + 1);
      if (kind === 'greeted') held.push(socket);
      else socket.destroy();
    }
  }
  const loadedMs = median(await signInTimes(running, 3));
  for (const socket of held) socket.destroy();
  await settle(1000);
  const unloadedMs = median([...before, ...(await signInTimes(running, 3))]);
  return {
    attempts,
    answers: Object.fromEntries(firsts),
    heldOpen: held.length,
    signInMs: { unloaded: round(unloadedMs, 0), whileHeld: round(loadedMs, 0) },
    ratio: round(loadedMs / unloadedMs, 2),
    goal: 'under 2x the unloaded sign-in',
    met: loadedMs / unloadedMs < 2,
  };
}

/**
 * 3. CPU: 50 sign-ins with unknown Apple IDs at once over IMAP (each costs a decoy hash), and real
 *    sign-ins at the account site while they run (issue 15: 16.5–18.2 s instead of ~0.7 s), beside
 *    unloaded ones just before they start and just after the last is answered.
 */
async function unknownIdFlood(running: BrowserModeProcess, decoys: number) {
  const before = await signInTimes(running, 3);
  const connections = await Promise.all(Array.from({ length: decoys }, () => imapConnection(running.imapPort)));
  const started = performance.now();
  const answered = connections.map(
    ({ socket }, i) =>
      new Promise<number>((resolve) => {
        socket.on('data', (d: string) => {
          if (d.includes('a NO') || d.includes('a OK')) resolve(performance.now() - started);
        });
        socket.on('close', () => resolve(performance.now() - started));
        socket.write(`a LOGIN nobody-${i}@twostep.example "Wrong-Password-${i}"\r\n`);
      }),
  );
  await settle(50);
  const real: number[] = [];
  for (let i = 0; i < 3; i++) {
    real.push(await siteSignIn(running));
    await settle(500);
  }
  const decoyMs = await Promise.all(answered);
  for (const { socket } of connections) socket.destroy();
  const loadedMs = median(real);
  const unloadedMs = median([...before, ...(await signInTimes(running, 3))]);
  return {
    unknownIdSignIns: decoys,
    signInMs: { unloaded: round(unloadedMs, 0), whileTheyRun: round(loadedMs, 0) },
    ratio: round(loadedMs / unloadedMs, 2),
    lastUnknownIdAnsweredAfterS: round(Math.max(...decoyMs) / 1000, 1),
    goal: 'at most 2x the unloaded sign-in',
    met: loadedMs / unloadedMs <= 2,
  };
}

/** Issue 15's figures, against browser mode as a user starts it. */
export async function availability(quick: boolean) {
  const running = await startBrowserMode();
  try {
    await settle(1000);
    const memory = await literalFlood(running, quick ? 50 : 200);
    // A first sign-in warms the process up (its first scrypt run, the JIT); it is not measured.
    await siteSignIn(running);
    const descriptors = await connectionFlood(running, quick ? 5_000 : 20_000);
    await settle(2000);
    const cpu = await unknownIdFlood(running, 50);
    return { memory, descriptors, cpu };
  } finally {
    running.stop();
  }
}
