import type { Hono } from 'hono';
import { accountSiteContract } from '../../preload/contract/account-site-contract.js';
import type { ManualClock } from '../identity/clock.js';
import { IdentityError } from '../identity/identity-error.js';
import type { IdentityService } from '../identity/identity-service.js';
import { accountSiteHandlers, siteRequest } from './account-site-handlers.js';
import { createBaseApp, listen, type RunningServer } from './base-app.js';
import { mountContract } from './contract-routes.js';
import type { Lang } from './pages.js';
import { mountPages } from './static-pages.js';
import { isSitePath } from '../../preload/contract/site-routes.js';
import { SITE_PRESENTER_EVENTS_PATH } from '../../preload/contract/presenter.js';
import { Presenter } from '../presenter/presenter.js';
import { StreamSlots } from './event-stream.js';
import { sitePresenterStream } from './presenter-streams.js';
import type { ConnectionLimits } from '../net/connection-guard.js';
import { LISTENER_LIMITS } from '../net/listener-budget.js';

export interface AccountSiteOptions {
  service: IdentityService;
  /** dist/renderer: the built pages. */
  staticRoot: string;
  /** 0 for any free port. */
  port?: number;
  /** The language the site starts in when it has no presenter of its own (tests). */
  lang?: Lang;
  /** This launch's presenter state, shared with the app server or the desktop windows. */
  presenter?: Presenter;
  /** Test mode only: lets tests move the service's clock (`POST /api/test/advance-clock`). */
  testClock?: ManualClock;
  /** Browser mode: where the trusted iPhone's page lives (on the app server); /device leads there. */
  devicePageUrl?: () => string;
  /** The listener's limits, where they differ from LISTENER_LIMITS.accountSite. */
  limits?: Partial<ConnectionLimits>;
}

export type { RunningServer };

/** The account site ("My Apple ID"), on 127.0.0.1 only. */
export function createAccountSiteApp(options: AccountSiteOptions, ownPort: () => number): Hono {
  const { service } = options;
  const presenter = options.presenter ?? Presenter.standalone(options.lang ?? 'en');
  const app = createBaseApp('account site', ownPort);
  const streams = new StreamSlots();

  // The language, the tour step and Create's "show this page": public, like the pages themselves.
  app.get(SITE_PRESENTER_EVENTS_PATH, (c) => sitePresenterStream(c, presenter, streams));
  mountContract(app, '/api/site', accountSiteContract, accountSiteHandlers(service, presenter), (c) => siteRequest(c, (token) => service.siteSessionOpen(token)));

  const testClock = options.testClock;
  if (testClock) {
    app.post('/api/test/advance-clock', async (c) => {
      // Malformed JSON or a body that is no object is refused like a bad ms (not an INTERNAL 500).
      const body: unknown = await c.req.json().catch(() => null);
      const ms = typeof body === 'object' && body !== null ? (body as { ms?: unknown }).ms : undefined;
      if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) throw new IdentityError('INVALID_INPUT');
      testClock.advance(ms);
      return c.json({ ok: true, value: { now: testClock.now() } });
    });
  }

  const devicePageUrl = options.devicePageUrl;
  if (devicePageUrl) app.get('/device', (c) => c.redirect(devicePageUrl()));
  mountPages(app, options.staticRoot, () => presenter.language, {}, { page: 'site', knows: isSitePath });
  return app;
}

export function startAccountSite(options: AccountSiteOptions): Promise<RunningServer> {
  return listen((ownPort) => createAccountSiteApp(options, ownPort), options.port ?? 0, { ...LISTENER_LIMITS.accountSite, ...options.limits });
}
