import { createServer, type Server, type Socket } from 'node:net';
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

/** The IMAP server on 127.0.0.1 only: one ImapSession per connection, within the listener's limits. */
export async function startImapServer(ctx: ImapContext, port: number, limits: ConnectionLimits = LISTENER_LIMITS.imap): Promise<RunningMailServer> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    new ImapSession(ctx, socket, guard.connection(socket)!);
  });
  const guard = guardListener(server, limits, () => BUSY);
  // Every committed change to a mailbox reaches the sessions that have it selected.
  const stopWatching = ctx.mailboxes.onChange(({ mailboxId }) => {
    for (const session of ctx.watchers.get(mailboxId) ?? []) session.mailboxChanged();
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
