import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { connect as tlsConnect } from 'node:tls';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { guardListener, MAX_REFUSING } from '../../main/net/connection-guard.js';
import { descriptorLimit, raiseDescriptorLimit } from '../../main/net/descriptor-limit.js';
import { fitToDescriptors, LISTENER_LIMITS } from '../../main/net/listener-budget.js';
import { DEMO_ACCOUNT, openMail } from './mail/mail-harness.js';
import { Wire } from './mail/wire.js';

/** The limits every listener keeps (main/net), seen from outside each listener. */

/** prlimit(1) and /proc/<pid>/limits are Linux's (CI runs on Linux); elsewhere the limit stays as the system set it. */
const notLinux = process.platform !== 'linux';
describe('the descriptor limit', () => {
  it.skipIf(notLinux)('is raised to the hard limit from outside the process (prlimit), where the embedder left it low', async () => {
    // A process that, unlike Node, raises nothing itself (as Electron's Node leaves it: kNoAdjustResourceLimits).
    const child = spawn('prlimit', ['--nofile=256:4096', 'sleep', '30'], { stdio: 'ignore' });
    onTestFinished(() => {
      child.kill();
    });
    await expect.poll(() => descriptorLimit(child.pid)?.soft).toBe(256);
    expect(raiseDescriptorLimit(child.pid)).toEqual({ soft: 4096, hard: 4096 });
    expect(readFileSync(`/proc/${child.pid}/limits`, 'utf8')).toMatch(/^Max open files\s+4096\s+4096/m);
  });

  it('is unknown (null) for a process the system does not describe', () => {
    expect(descriptorLimit(2 ** 30)).toBeNull();
    expect(raiseDescriptorLimit(2 ** 30)).toBeNull();
  });

  it('fits every listener\'s caps into the descriptors the process has, leaving room for the rest', () => {
    expect(fitToDescriptors(LISTENER_LIMITS, 1_000_000)).toBe(LISTENER_LIMITS);
    expect(fitToDescriptors(LISTENER_LIMITS, null)).toBe(LISTENER_LIMITS);
    for (const descriptors of [1024, 2048, 500]) {
      const fitted = fitToDescriptors(LISTENER_LIMITS, descriptors);
      const caps = Object.values(fitted).reduce((sum, l) => sum + l.maxConnections, 0);
      expect(caps + MAX_REFUSING * Object.keys(fitted).length).toBeLessThanOrEqual(descriptors);
      for (const limits of Object.values(fitted)) {
        expect(limits.maxConnections).toBeGreaterThanOrEqual(8);
        expect(limits.maxPerAddress).toBeLessThanOrEqual(limits.maxConnections);
      }
    }
  });
});

describe('the connection guard', () => {
  let server: Server | undefined;
  const held: Socket[] = [];
  afterEach(() => {
    held.forEach((s) => s.destroy());
    held.length = 0;
    server?.close();
  });

  it('holds no more than its cap and the ones it is refusing, however many connect at once', async () => {
    server = createServer((socket) => socket.on('data', () => undefined));
    const guard = guardListener(server, { maxConnections: 20, maxPerAddress: 20, idleBeforeSignInMs: 60_000, signInWithinMs: 60_000 }, () => 'busy\r\n');
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    let most = 0;
    const watch = setInterval(() => server!.getConnections((_, n) => (most = Math.max(most, n))), 1);
    await Promise.all(
      Array.from(
        { length: 600 },
        () =>
          new Promise<void>((resolve) => {
            const socket = connect(port, '127.0.0.1');
            held.push(socket);
            socket.on('error', () => resolve());
            socket.on('data', () => resolve());
            socket.on('close', () => resolve());
            socket.on('connect', () => setTimeout(resolve, 200));
          }),
      ),
    );
    clearInterval(watch);
    expect(guard.open).toBe(20);
    expect(most).toBeLessThanOrEqual(20 + MAX_REFUSING);
  });

  it('an IMAP client busy over STARTTLS before signing in is not idle: the timer follows the encrypted socket', async () => {
    const h = await openMail({ limits: { imap: { idleBeforeSignInMs: 500 } } });
    const wire = await Wire.open(h.mail.imapPort);
    await wire.line();
    wire.send('t STARTTLS');
    expect(await wire.line()).toBe('t OK Begin TLS negotiation now');
    const secure = tlsConnect({ socket: wire.socket, ca: readFileSync(join(h.dataDir, 'mail-tls-cert.pem')), servername: 'localhost' });
    await new Promise<void>((resolve, reject) => secure.once('secureConnect', resolve).once('error', reject));
    let said = '';
    secure.on('data', (d: Buffer) => (said += d.toString()));
    for (let i = 0; i < 8; i++) {
      secure.write(`n${i} NOOP\r\n`);
      await expect.poll(() => said).toContain(`n${i} OK`);
      await new Promise((r) => setTimeout(r, 200));
    }
    secure.write(`l LOGIN ${DEMO_ACCOUNT.appleId} "${h.appPassword}"\r\n`);
    await expect.poll(() => said).toMatch(/l OK /);
    secure.destroy();
  });
});
