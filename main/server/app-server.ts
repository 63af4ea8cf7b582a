import type { Hono } from 'hono';
import { appContract } from '../../preload/contract/app-contract.js';
import type { IdentityService } from '../identity/identity-service.js';
import type { MailServers } from '../mail/mail-servers.js';
import type { MailWindowClient } from '../mail/drawn-client/mail-window-client.js';
import { withMailEvents } from '../mail/mail-events.js';
import { appHandlers, type Shell } from '../app-api/app-handlers.js';
import { createBaseApp, listen, type RunningServer } from './base-app.js';
import { launchKeyCheck } from './security.js';
import { mountContract } from './contract-routes.js';
import { serviceEventStream, StreamSlots } from './event-stream.js';
import type { Lang } from './pages.js';
import { mountPages } from './static-pages.js';

export interface AppServerOptions {
  service: IdentityService;
  staticRoot: string;
  port?: number;
  lang?: Lang;
  accountSiteOrigin: () => string;
  /** This launch's secret: the API and the event streams answer only requests that carry it. */
  launchKey: string;
  /** The IMAP and SMTP servers, and the drawn mail app's connection to them. */
  mail?: { servers: MailServers; window: MailWindowClient };
}

/** The pages of each simulated window, as browser mode serves them. */
export const APP_PAGES = {
  '/': 'control',
  '/control': 'control',
  '/messages': 'messages',
  '/facetime': 'facetime',
  '/icloud': 'icloud',
  '/mail': 'mail',
  '/iphone': 'device',
} as const;

/**
 * Browser mode's stand-in for the desktop app's windows: the control center, the four apps
 * and the iPhone, on an origin of their own (another port), so the account site's cookie is
 * never usable from them: its Origin check refuses their requests.
 */
export function createAppServer(options: AppServerOptions, ownPort: () => number): Hono {
  const { service } = options;
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
  mountContract(app, '/api/app', appContract, appHandlers(service, shell, options.mail), () => undefined);
  mountPages(app, options.staticRoot, options.lang ?? 'en', APP_PAGES);
  return app;
}

export function startAppServer(options: AppServerOptions): Promise<RunningServer> {
  return listen((ownPort) => createAppServer(options, ownPort), options.port ?? 0);
}
