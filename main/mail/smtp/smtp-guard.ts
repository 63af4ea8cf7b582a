import type { Socket } from 'node:net';
import type { SMTPServer, SMTPServerSession } from 'smtp-server';
import { guardListener, type ConnectionLimits, type GuardedConnection } from '../../net/connection-guard.js';
import { looksLikeHttp } from '../../net/cross-protocol.js';

/** Past a cap, before smtp-server sees the connection (RFC 3463's 4.7.0: a security policy, try later). */
const BUSY = '421 4.7.0 Too many connections; try again later\r\n';

/** The verbs smtp-server knows; any other first word is a line that is no SMTP. */
const SMTP_VERBS = /^(EHLO|HELO|LHLO|STARTTLS|AUTH|NOOP|RSET|QUIT|HELP|VRFY|MAIL|RCPT|DATA|XCLIENT|XFORWARD)( |$)/i;

/** What TwoStep watches of one SMTP client until it signs in. */
interface Watched {
  guarded: GuardedConnection;
  /** It sent credentials after a line that was no SMTP, in one read, or a line of HTTP: no AUTH of it is judged. */
  suspect: boolean;
  stop: () => void;
}

export interface SmtpGuard {
  /** True when this session's AUTH must not be judged (see watchLines); the caller refuses it. */
  refusesAuth(session: SMTPServerSession): boolean;
  /** Signed in: the timers before sign-in stop, and its lines are no longer watched. */
  signedIn(session: SMTPServerSession): void;
  /** After STARTTLS (smtp-server's onSecure): the idle timer follows the encrypted socket. */
  secured(socket: Socket, session: SMTPServerSession): void;
}

/**
 * Puts smtp-server's listener under the connection limits (connection-guard.ts) and watches, before
 * sign-in, what each client sends, for what smtp-server does not look at itself. smtp-server
 * already closes a client that talks before its greeting ("You talk too soon") or sends an HTTP
 * request line ("HTTP requests not allowed"); here, a line that names HTTP/1.x anywhere ends the
 * connection too, and an AUTH that came in one read after a line that is no SMTP is refused unjudged
 * (Postfix logs such a client as "improper command pipelining"). The watch is a listener put
 * before smtp-server's own on the socket, so it has seen a read before smtp-server acts on it.
 */
export function guardSmtpServer(server: SMTPServer, limits: ConnectionLimits, refusal: string = BUSY): SmtpGuard {
  // An implicit-TLS listener (SMTPS) passes '' here: nothing readable can be said before the handshake.
  const guard = guardListener(server.server, limits, () => refusal);
  const watched = new Map<string, Watched>();
  const peer = (address: string | undefined, port: number | undefined) => `${(address ?? '').replace(/^::ffff:/, '')} ${port ?? 0}`;
  const of = (session: SMTPServerSession) => watched.get(peer(session.remoteAddress, session.remotePort));

  // After the guard's own listener, so only admitted connections are watched; smtp-server starts
  // reading a socket only on a later turn of the event loop (its _handleProxy), after this.
  server.server.on('connection', (socket: Socket) => {
    const guarded = guard.connection(socket);
    if (!guarded) return;
    const key = peer(socket.remoteAddress, socket.remotePort);
    const look = (chunk: Buffer) => {
      const entry = watched.get(key);
      if (!entry) return;
      const lines = chunk.toString('latin1').split(/\r?\n/);
      let stray = false;
      for (const line of lines) {
        if (looksLikeHttp(line)) {
          entry.suspect = true;
          // After smtp-server has dealt with this read (it refuses the AUTH, see refusesAuth).
          setImmediate(() => socket.destroy());
          return;
        }
        if (/^AUTH( |$)/i.test(line) && stray) entry.suspect = true;
        if (line !== '' && !SMTP_VERBS.test(line)) stray = true;
      }
    };
    socket.prependListener('data', look);
    const stop = () => {
      socket.off('data', look);
      watched.delete(key);
    };
    watched.set(key, { guarded, suspect: false, stop });
    socket.once('close', stop);
    guarded.onExpiry((why) => {
      const connection = [...server.connections].find((c) => peer(c.remoteAddress, c.remotePort) === key);
      if (connection) connection.send(421, why === 'idle' ? 'Timeout - closing connection' : 'Timeout - not signed in in time');
      else socket.destroy();
    });
  });

  return {
    refusesAuth: (session) => of(session)?.suspect ?? false,
    signedIn(session) {
      const entry = of(session);
      entry?.guarded.signedIn();
      entry?.stop();
    },
    secured(socket, session) {
      of(session)?.guarded.follow(socket);
    },
  };
}
