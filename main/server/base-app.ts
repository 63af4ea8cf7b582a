import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Result } from '../../preload/contract/error-codes.js';
import { IdentityError, toErrorPayload } from '../identity/identity-error.js';
import { statusFor } from './http-status.js';
import { hostCheck, noStore, originCheck, securityHeaders } from './security.js';
import { guardListener, type ConnectionLimits } from '../net/connection-guard.js';

export const HOST = '127.0.0.1';

/**
 * What every TwoStep HTTP server starts from: errors answered as `Result` values with their
 * status (never a stack trace), strict security headers, only our own Host and Origin, and
 * no caching of any API answer.
 */
export function createBaseApp(name: string, ownPort: () => number): Hono {
  const hosts = () => [`127.0.0.1:${ownPort()}`, `localhost:${ownPort()}`];
  const app = new Hono();
  app.onError((error, c) => {
    const payload = toErrorPayload(error);
    // Never the error's message or stack: it could quote input.
    if (payload.code === 'INTERNAL') console.error(`${name}: unexpected error (${error instanceof Error ? error.name : typeof error})`);
    c.header('Cache-Control', 'no-store');
    return c.json({ ok: false, error: payload } satisfies Result<never>, statusFor(payload.code));
  });
  app.notFound(() => {
    throw new IdentityError('NOT_FOUND');
  });
  app.use(securityHeaders());
  app.use(hostCheck(hosts));
  app.use(originCheck(() => hosts().map((h) => `http://${h}`)));
  app.use('/api/*', noStore);
  return app;
}

export interface RunningServer {
  origin: string;
  port: number;
  close(): Promise<void>;
}

const BUSY_TEXT = 'Too many connections. Try again in a moment.\r\n';
/** Past the cap, before Node's HTTP parser sees the connection: a complete answer, and the connection closed. */
const BUSY = [
  'HTTP/1.1 503 Service Unavailable',
  'Content-Type: text/plain; charset=utf-8',
  'X-Content-Type-Options: nosniff',
  'Retry-After: 1',
  'Connection: close',
  `Content-Length: ${Buffer.byteLength(BUSY_TEXT)}`,
  '',
  BUSY_TEXT,
].join('\r\n');

/**
 * Listens on 127.0.0.1 only; `port` 0 takes any free port. The connections are capped
 * (connection-guard.ts); one that sends no request within the time before sign-in is closed, and
 * from its first request on, Node's own timeouts hold (headersTimeout, keepAliveTimeout).
 */
export function listen(build: (ownPort: () => number) => Hono, port: number, limits: ConnectionLimits): Promise<RunningServer> {
  let actualPort = 0;
  const app = build(() => actualPort);
  return new Promise((resolve, reject) => {
    const server: ServerType = serve({ fetch: app.fetch, hostname: HOST, port }, (info: AddressInfo) => {
      actualPort = info.port;
      resolve({
        origin: `http://${HOST}:${actualPort}`,
        port: actualPort,
        close: () =>
          new Promise<void>((done) => {
            // Open event streams would keep the server alive: close every connection.
            if ('closeAllConnections' in server) server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
    const guard = guardListener(server, limits, () => BUSY);
    server.on('request', (request: IncomingMessage) => guard.connection(request.socket)?.signedIn());
    server.once('error', reject);
  });
}
