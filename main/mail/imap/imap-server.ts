import { createServer, type Server, type Socket } from 'node:net';
import { TLSSocket } from 'node:tls';
import { guardListener, type ConnectionLimits } from '../../net/connection-guard.js';
import { LISTENER_LIMITS } from '../../net/listener-budget.js';
import type { ImapContext } from './imap-context.js';
import { ImapSession } from './imap-session.js';

export interface RunningMailServer {
  port: number;
  close(): Promise<void>;
}

/** Past a cap, in IMAP's words (RFC 5530's UNAVAILABLE), before anything is read. */
const BUSY = '* BYE [UNAVAILABLE] Too many connections; try again later\r\n';

/**
 * The IMAP server on 127.0.0.1 only: one ImapSession per connection, within the listener's
 * limits. With `implicitTls` it speaks TLS from the first byte (IMAPS, RFC 8314), as iCloud's
 * and Gmail's port 993 did; the session is the same. A connection past a cap is refused before
 * the handshake, in plain text (no TLS session is spent on it).
 */
export async function startImapServer(
  ctx: ImapContext,
  port: number,
  limits: ConnectionLimits = LISTENER_LIMITS.imap,
  implicitTls = false,
): Promise<RunningMailServer> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    const connection = guard.connection(socket)!;
    // The same wrapping STARTTLS does, from the first byte (a reset during the handshake is no crash).
    if (implicitTls) socket.on('error', () => undefined);
    new ImapSession(ctx, implicitTls ? new TLSSocket(socket, { isServer: true, secureContext: ctx.tls }) : socket, connection);
  });
  const guard = guardListener(server, limits, () => BUSY);
  // Every committed change to a mailbox reaches the sessions that have it selected.
  const stopWatching = ctx.mailboxes.onChange(({ mailboxId, deleted }) => {
    for (const session of [...(ctx.watchers.get(mailboxId) ?? [])]) {
      if (deleted) session.mailboxDeleted();
      else session.mailboxChanged();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : port,
    close: () =>
      new Promise<void>((resolve) => {
        stopWatching();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
