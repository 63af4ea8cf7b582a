import net from 'node:net';
import { constants, tmpdir } from 'node:os';
import { mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getSystemErrorMap } from 'node:util';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { DEFAULT_IMAP_PORT, DEFAULT_SMTP_PORT, startDesktopMailServers } from '../../../main/mail/desktop-mail.js';
import { openService } from '../helpers/identity.js';

/**
 * The desktop app's mail servers on ports the system will not give them. Windows reserves port
 * ranges for Hyper-V and WSL2 (`netsh interface ipv4 show excludedportrange protocol=tcp`), and
 * binding inside one fails with EACCES, not EADDRINUSE; a port may also be privileged (EACCES) or
 * its address unavailable (EADDRNOTAVAIL). The app must start anyway, on free ports.
 *
 * The refusal is made where the system makes it: net.Server's listen() emits, on the next tick,
 * the error Node builds from libuv's code (UVExceptionWithHostPort: `listen EACCES: permission
 * denied 127.0.0.1:1143`, with code, errno, syscall, address and port), for the ports refused;
 * every other port is listened on for real.
 */
// eslint-disable-next-line @typescript-eslint/unbound-method -- kept to be called with each server as `this`
const realListen = net.Server.prototype.listen;

function listenError(code: string, address: string, port: number): NodeJS.ErrnoException {
  const errno = -(constants.errno as Record<string, number>)[code]!;
  const [, message] = getSystemErrorMap().get(errno)!;
  return Object.assign(new Error(`listen ${code}: ${message} ${address}:${port}`), { errno, code, syscall: 'listen', address, port });
}

/** The system refuses `ports` with `code`; everything else is real. */
function systemRefuses(ports: number[], code: string) {
  vi.spyOn(net.Server.prototype, 'listen').mockImplementation(function (this: net.Server, ...args: unknown[]) {
    const options = args[0];
    const port = typeof options === 'object' && options !== null ? (options as { port?: number }).port : Number(options);
    if (port !== undefined && ports.includes(port)) {
      process.nextTick(() => this.emit('error', listenError(code, '127.0.0.1', port)));
      return this;
    }
    return realListen.apply(this, args as Parameters<typeof realListen>);
  });
}

async function startDesktopMail(env: { imap: string; smtp: string }) {
  vi.stubEnv('TWOSTEP_IMAP_PORT', env.imap);
  vi.stubEnv('TWOSTEP_SMTP_PORT', env.smtp);
  // The implicit-TLS ports on free ones, unless a test refuses them itself.
  vi.stubEnv('TWOSTEP_IMAPS_PORT', '0');
  vi.stubEnv('TWOSTEP_SMTPS_PORT', '0');
  const warnings: string[] = [];
  vi.spyOn(console, 'warn').mockImplementation((line: string) => void warnings.push(line));
  const { service } = await openService();
  const mail = await startDesktopMailServers(service, mkdtempSync(join(tmpdir(), 'twostep-mail-ports-')));
  onTestFinished(() => mail.close());
  return { mail, warnings };
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('the desktop app’s mail servers on a port the system refuses', () => {
  for (const code of ['EACCES', 'EADDRNOTAVAIL', 'EADDRINUSE']) {
    it(`${code} on the IMAP port: both servers start on free ports, and the reason is said`, async () => {
      systemRefuses([DEFAULT_IMAP_PORT], code);
      const { mail, warnings } = await startDesktopMail({ imap: String(DEFAULT_IMAP_PORT), smtp: '0' });
      expect(mail.imapPort).toBeGreaterThan(0);
      expect(mail.imapPort).not.toBe(DEFAULT_IMAP_PORT);
      expect(mail.view().imap.port).toBe(mail.imapPort);
      expect(warnings).toEqual([`TwoStep: 127.0.0.1:${DEFAULT_IMAP_PORT} cannot be used (${code}); the mail servers take free ports instead (the control center shows them).`]);
    });
  }

  it('EACCES on the SMTP port (started second): the IMAP server already listening is closed, and both start on free ports', async () => {
    systemRefuses([DEFAULT_SMTP_PORT], 'EACCES');
    const { mail, warnings } = await startDesktopMail({ imap: '0', smtp: String(DEFAULT_SMTP_PORT) });
    const held = new Set(vi.mocked(net.Server.prototype).listen.mock.contexts as net.Server[]);
    expect(mail.smtpPort).not.toBe(DEFAULT_SMTP_PORT);
    expect(warnings[0]).toContain(`127.0.0.1:${DEFAULT_SMTP_PORT} cannot be used (EACCES)`);
    // Of the servers that listened, only the four in use (IMAP, SMTP and their implicit-TLS ports) still do.
    const listening = [...held].filter((server) => server.listening).map((server) => (server.address() as net.AddressInfo).port);
    expect(listening.sort()).toEqual([mail.imapPort, mail.smtpPort, mail.imapsPort, mail.smtpsPort].sort());
    expect(new Set(listening).size).toBe(4);
  });

  it('another failure (no file descriptors left) is not taken for a busy port: the start fails with it', async () => {
    systemRefuses([DEFAULT_IMAP_PORT], 'EMFILE');
    await expect(startDesktopMail({ imap: String(DEFAULT_IMAP_PORT), smtp: '0' })).rejects.toMatchObject({ code: 'EMFILE' });
  });

  it('a port really held by another program (EADDRINUSE): free ports', async () => {
    const other = net.createServer();
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    onTestFinished(() => new Promise<void>((resolve) => other.close(() => resolve())));
    const taken = (other.address() as net.AddressInfo).port;
    const { mail } = await startDesktopMail({ imap: String(taken), smtp: '0' });
    expect(mail.imapPort).not.toBe(taken);
  });

  const unprivilegedFrom = (() => {
    try {
      return Number(readFileSync('/proc/sys/net/ipv4/ip_unprivileged_port_start', 'utf8'));
    } catch {
      return 0;
    }
  })();
  const canMeetRealEacces = process.platform === 'linux' && process.getuid?.() !== 0 && unprivilegedFrom > 80;
  it.skipIf(!canMeetRealEacces)('a real EACCES: a privileged port for a user who may not bind it (needs Linux, not root, ports below 1024 privileged)', async () => {
    const { mail, warnings } = await startDesktopMail({ imap: '80', smtp: '0' });
    expect(mail.imapPort).not.toBe(80);
    expect(warnings[0]).toContain('127.0.0.1:80 cannot be used (EACCES)');
  });
});
