import { createServer, type Server, type Socket } from 'node:net';
import type { ImapContext } from './imap-context.js';
import { ImapSession } from './imap-session.js';

export interface RunningMailServer {
  port: number;
  close(): Promise<void>;
}

/** The IMAP server on 127.0.0.1 only: one ImapSession per connection. */
export async function startImapServer(ctx: ImapContext, port: number): Promise<RunningMailServer> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    new ImapSession(ctx, socket);
  });
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
