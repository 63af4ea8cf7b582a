import { serve, type ServerType } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { AddressInfo } from 'node:net';
import { relative } from 'node:path';
import { accountSiteContract, deviceContract } from '../../preload/contract/account-site-contract.js';
import type { Result } from '../../preload/contract/error-codes.js';
import type { ManualClock } from '../identity/clock.js';
import { IdentityError, toErrorPayload } from '../identity/identity-error.js';
import type { IdentityService } from '../identity/identity-service.js';
import { accountSiteHandlers, deviceHandlers, siteRequest } from './account-site-handlers.js';
import { mountContract } from './contract-routes.js';
import { statusFor } from './http-status.js';
import { Pages, type Lang } from './pages.js';
import { hostCheck, noStore, originCheck, securityHeaders } from './security.js';

export interface AccountSiteOptions {
  service: IdentityService;
  /** dist/renderer: the built pages. */
  staticRoot: string;
  /** 0 for any free port. */
  port?: number;
  lang?: Lang;
  /** Test mode only: lets tests move the service's clock (`POST /api/test/advance-clock`). */
  testClock?: ManualClock;
}

export interface RunningServer {
  origin: string;
  port: number;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';

/** The account site ("My Apple ID") and the trusted iPhone page, on 127.0.0.1 only. */
export function createAccountSiteApp(options: AccountSiteOptions, ownPort: () => number): Hono {
  const { service } = options;
  const hosts = () => [`127.0.0.1:${ownPort()}`, `localhost:${ownPort()}`];
  const origins = () => hosts().map((h) => `http://${h}`);
  const pages = new Pages(options.staticRoot, options.lang ?? 'en');
  const app = new Hono();

  app.onError((error, c) => {
    const payload = toErrorPayload(error);
    if (payload.code === 'INTERNAL') console.error('account site: unexpected error', error instanceof Error ? error.name : typeof error);
    c.header('Cache-Control', 'no-store');
    return c.json({ ok: false, error: payload } satisfies Result<never>, statusFor(payload.code));
  });
  app.notFound(() => {
    throw new IdentityError('NOT_FOUND');
  });

  app.use(securityHeaders());
  app.use(hostCheck(hosts));
  app.use(originCheck(origins));
  app.use('/api/*', noStore);

  // The trusted devices' live feed: each code as it is sent, and nothing else.
  app.get('/api/device/events', (c) =>
    streamSSE(c, async (stream) => {
      const unsubscribe = service.subscribe((event) => {
        if (event.type === 'code-delivered') {
          void stream.writeSSE({ event: 'notification', data: JSON.stringify(event.notification), id: event.notification.id });
        }
      });
      stream.onAbort(unsubscribe);
      while (!stream.aborted) {
        await stream.writeSSE({ event: 'ping', data: '' });
        await stream.sleep(15_000);
      }
      unsubscribe();
    }),
  );

  // After the event stream, which shares the /api/device prefix.
  mountContract(app, '/api/site', accountSiteContract, accountSiteHandlers(service), siteRequest);
  mountContract(app, '/api/device', deviceContract, deviceHandlers(service), () => undefined);

  const testClock = options.testClock;
  if (testClock) {
    app.post('/api/test/advance-clock', async (c) => {
      const { ms } = (await c.req.json()) as { ms: unknown };
      if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) throw new IdentityError('INVALID_INPUT');
      testClock.advance(ms);
      return c.json({ ok: true, value: { now: testClock.now() } });
    });
  }

  // Built assets carry a content hash in their names: cacheable. Pages are not.
  app.use(
    '/assets/*',
    serveStatic({
      root: relative(process.cwd(), options.staticRoot) || '.',
      onFound: (_path, c) => c.header('Cache-Control', 'public, max-age=31536000, immutable'),
    }),
  );
  app.get('/api/*', () => {
    throw new IdentityError('NOT_FOUND');
  });
  const page = (name: string) => async (c: Context) => {
    const html = await pages.html(name);
    if (!html) throw new IdentityError('NOT_FOUND');
    c.header('Cache-Control', 'no-store');
    return c.html(html);
  };
  app.get('/device', page('device'));
  app.get('/', (c) => c.redirect('/account'));
  app.get('*', page('site'));
  return app;
}

export function startAccountSite(options: AccountSiteOptions): Promise<RunningServer> {
  let port = 0;
  const app = createAccountSiteApp(options, () => port);
  return new Promise((resolve, reject) => {
    const server: ServerType = serve({ fetch: app.fetch, hostname: HOST, port: options.port ?? 0 }, (info: AddressInfo) => {
      port = info.port;
      resolve({
        origin: `http://${HOST}:${port}`,
        port,
        close: () =>
          new Promise<void>((done) => {
            // Open event streams would keep the server alive: close every connection.
            if ('closeAllConnections' in server) server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
    server.once('error', reject);
  });
}
