import type { Hono } from 'hono';
import { appContract } from '../../preload/contract/app-contract.js';
import type { IdentityService } from '../identity/identity-service.js';
import { Presenter } from '../presenter/presenter.js';
import { APP_PRESENTER_EVENTS_PATH } from '../../preload/contract/presenter.js';
import type { MailServers } from '../mail/mail-servers.js';
import type { MailWindowClient } from '../mail/drawn-client/mail-window-client.js';
import { withMailEvents } from '../mail/mail-events.js';
import { appHandlers, type Shell } from '../app-api/app-handlers.js';
import { createBaseApp, listen, type RunningServer } from './base-app.js';
import { launchKeyCheck } from './security.js';
import { mountContract } from './contract-routes.js';
import { serviceEventStream, StreamSlots } from './event-stream.js';
import { appPresenterStream } from './presenter-streams.js';
import { mountPages } from './static-pages.js';
import type { ConnectionLimits } from '../net/connection-guard.js';
import { LISTENER_LIMITS } from '../net/listener-budget.js';

export interface AppServerOptions {
  service: IdentityService;
  staticRoot: string;
  port?: number;
  accountSiteOrigin: () => string;
  /** This launch's secret: the API and the event streams answer only requests that carry it. */
  launchKey: string;
  /**
   * This launch's presenter state, its clock the one the service was opened with. Without one
   * (a server started alone, in tests) the server keeps its own, whose clock moves nothing.
   */
  presenter?: Presenter;
  /** The IMAP and SMTP servers, and the drawn mail app's connection to them. */
  mail?: { servers: MailServers; window: MailWindowClient };
  /** The listener's limits, where they differ from LISTENER_LIMITS.appServer. */
  limits?: Partial<ConnectionLimits>;
}

/** The pages of each simulated window, as browser mode serves them. */
export const APP_PAGES = {
  '/': 'stage',
  '/stage': 'stage',
  '/control': 'control',
  '/messages': 'messages',
  '/facetime': 'facetime',
  '/icloud': 'icloud',
  '/mail': 'mail',
  '/iphone': 'device',
  '/appstore': 'appstore',
} as const;

/**
 * Browser mode's stand-in for the desktop app's windows: the stage (one page that is the Mac's
 * desktop, with the iPhone beside it), and the control center, the four apps and the iPhone
 * each as a page of its own, on an origin of their own (another port), so the account site's cookie is
 * never usable from them: its Origin check refuses their requests.
 */
export function createAppServer(options: AppServerOptions, ownPort: () => number): Hono {
  const { service } = options;
  const presenter = options.presenter ?? Presenter.standalone('en');
  const app = createBaseApp('app server', ownPort);
  const shell: Shell = { kind: 'browser', accountSiteOrigin: options.accountSiteOrigin };
  const streams = new StreamSlots();
  const events = withMailEvents(service, options.mail);

  // Any process of any local user can reach 127.0.0.1: without this launch's key, nothing.
  app.use('/api/*', launchKeyCheck(options.launchKey));
  app.get('/api/app/events', (c) =>
    serviceEventStream(c, events, streams, (event) => (event.type === 'code-delivered' ? null : { event: 'service', data: event })),
  );
  // Codes go only to the trusted iPhone's page.
  app.get('/api/app/device-events', (c) =>
    serviceEventStream(c, service, streams, (event) =>
      event.type === 'code-delivered' ? { event: 'notification', data: event.notification, id: event.notification.id } : null,
    ),
  );
  app.get(APP_PRESENTER_EVENTS_PATH, (c) => appPresenterStream(c, presenter, streams));
  // A handler's second argument over HTTP: the request's abort signal (the tab went away), for the waits that hear it.
  mountContract(app, '/api/app', appContract, appHandlers(service, shell, presenter, options.mail), (c) => c.req.raw.signal);
  mountPages(app, options.staticRoot, () => presenter.language, APP_PAGES);
  return app;
}

export function startAppServer(options: AppServerOptions): Promise<RunningServer> {
  return listen((ownPort) => createAppServer(options, ownPort), options.port ?? 0, { ...LISTENER_LIMITS.appServer, ...options.limits });
}
