import type { Server, Socket } from 'node:net';

/**
 * What one listener lets its clients hold (issue 15: 20,000 idle IMAP connections used up the
 * process's descriptors, and the account site reset every connection). The same for every
 * listener, each with its own values (see listener-budget.ts).
 */
export interface ConnectionLimits {
  /** Connections open at once on this listener. */
  maxConnections: number;
  /** Connections open at once from one client address (Postfix: smtpd_client_connection_count_limit). */
  maxPerAddress: number;
  /** Before signing in, a connection is closed after this long without a byte from the client. */
  idleBeforeSignInMs: number;
  /**
   * And after this long in all, however busy, if it has not signed in — Dovecot's login timeout
   * (CLIENT_LOGIN_TIMEOUT_MSECS = MASTER_LOGIN_TIMEOUT_SECS, 3 minutes, login-common/client-common.h).
   */
  signInWithinMs: number;
}

/** Why a connection that never signed in was closed. */
export type Expiry = 'idle' | 'sign-in-time';

/** One admitted connection, as the protocol above it sees it. */
export interface GuardedConnection {
  /** Signed in: the timers before sign-in stop (the caps count it until it closes). */
  signedIn(): void;
  /** After STARTTLS: the idle timer follows the reads of the encrypted socket on top. */
  follow(socket: Socket): void;
  /**
   * How the protocol closes a connection whose time ran out (its own words first); until it
   * says, the connection is destroyed.
   */
  onExpiry(end: (why: Expiry) => void): void;
}

/** How the protocol says no to a connection past a cap, in its own words (then it is closed). */
export type Refusal = (socket: Socket, why: 'listener' | 'address') => string;

export interface ConnectionGuard {
  /** The guarded connection of an admitted socket (undefined for a socket it never admitted). */
  connection(socket: Socket): GuardedConnection | undefined;
  /** The guarded connection of the admitted socket with this peer (smtp-server hands out only its session's address). */
  connectionFrom(remoteAddress: string, remotePort: number): GuardedConnection | undefined;
  /** Connections open now. */
  readonly open: number;
}

/**
 * A refused connection is answered, read to its end and closed within this long, so a flood of
 * them holds few descriptors; past MAX_REFUSING at once, further ones are closed without a word.
 */
const REFUSAL_LINGER_MS = 1000;
export const MAX_REFUSING = 64;

/** `::ffff:127.0.0.1` (a dual-stack listener) is the IPv4 client 127.0.0.1. */
function addressOf(socket: Pick<Socket, 'remoteAddress'>): string {
  const address = socket.remoteAddress ?? '';
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}

/**
 * Puts a listener's connections under its limits, whatever protocol it speaks: every
 * 'connection' listener the server has now (the protocol's own: an IMAP session, smtp-server,
 * Node's HTTP parser, a TLS server's handshake) sees only connections within the caps. One past a
 * cap gets `refuse`'s words and is closed; one that does not sign in in time is ended by the
 * protocol (onExpiry) or destroyed. Call it once the server is made, before it listens.
 */
export function guardListener(server: Server, limits: ConnectionLimits, refuse: Refusal): ConnectionGuard {
  const handlers = server.listeners('connection') as ((socket: Socket) => void)[];
  server.removeAllListeners('connection');
  const connections = new Map<Socket, GuardedConnection>();
  const byPeer = new Map<string, GuardedConnection>();
  const perAddress = new Map<string, number>();
  let refusing = 0;

  const say = (socket: Socket, words: string) => {
    socket.on('error', () => undefined);
    if (refusing >= MAX_REFUSING) {
      socket.destroy();
      return;
    }
    refusing += 1;
    const timer = setTimeout(() => socket.destroy(), REFUSAL_LINGER_MS);
    socket.once('close', () => {
      refusing -= 1;
      clearTimeout(timer);
    });
    // Read what the client sent (closing with unread bytes would reset the connection before it
    // reads the answer), and close once it has closed its side too.
    socket.resume();
    socket.once('end', () => socket.destroy());
    socket.end(words);
  };

  server.on('connection', (socket: Socket) => {
    const address = addressOf(socket);
    const fromAddress = perAddress.get(address) ?? 0;
    if (connections.size >= limits.maxConnections || fromAddress >= limits.maxPerAddress) {
      say(socket, refuse(socket, connections.size >= limits.maxConnections ? 'listener' : 'address'));
      return;
    }
    const peer = `${address} ${socket.remotePort ?? 0}`;
    const connection = admit(socket, limits);
    connections.set(socket, connection);
    byPeer.set(peer, connection);
    perAddress.set(address, fromAddress + 1);
    socket.once('close', () => {
      connections.delete(socket);
      byPeer.delete(peer);
      const left = (perAddress.get(address) ?? 1) - 1;
      if (left === 0) perAddress.delete(address);
      else perAddress.set(address, left);
    });
    for (const handler of handlers) handler.call(server, socket);
  });

  return {
    connection: (socket) => connections.get(socket),
    connectionFrom: (remoteAddress, remotePort) => byPeer.get(`${addressOf({ remoteAddress })} ${remotePort}`),
    get open() {
      return connections.size;
    },
  };
}

/** The timers of one connection before it signs in. */
function admit(socket: Socket, limits: ConnectionLimits): GuardedConnection {
  let end: (why: Expiry) => void = () => socket.destroy();
  let watched: Socket = socket;
  let idle: ReturnType<typeof setTimeout> | null = null;
  const expire = (why: Expiry) => {
    stop();
    end(why);
  };
  const rearm = () => {
    if (idle) clearTimeout(idle);
    idle = setTimeout(() => expire('idle'), limits.idleBeforeSignInMs);
  };
  const lifetime = setTimeout(() => expire('sign-in-time'), limits.signInWithinMs);
  const stop = () => {
    clearTimeout(lifetime);
    if (idle) clearTimeout(idle);
    idle = null;
    watched.off('data', rearm);
  };
  // A 'data' listener would switch a paused socket to flowing: 'data' is watched only through
  // prependListener on sockets the protocol reads anyway (every protocol here does at once).
  watched.prependListener('data', rearm);
  socket.once('close', stop);
  rearm();
  return {
    signedIn: stop,
    follow(next) {
      if (idle === null) return;
      watched.off('data', rearm);
      watched = next;
      watched.prependListener('data', rearm);
      rearm();
    },
    onExpiry(handler) {
      end = handler;
    },
  };
}
