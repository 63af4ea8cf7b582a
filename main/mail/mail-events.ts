import type { ServiceEvent } from '../../preload/contract/models.js';
import type { IdentityService } from '../identity/identity-service.js';
import type { MailWindowClient } from './drawn-client/mail-window-client.js';
import type { MailServers } from './mail-servers.js';

/** The service's events, and the mail servers' and the drawn mail app's changes, as one stream for the windows. */
export function withMailEvents(
  service: Pick<IdentityService, 'subscribe'>,
  mail: { servers: MailServers; window: MailWindowClient } | undefined,
): Pick<IdentityService, 'subscribe'> {
  return {
    subscribe(listener: (event: ServiceEvent) => void) {
      const stops = [
        service.subscribe(listener),
        ...(mail
          ? [
              mail.servers.onChange(() => listener({ type: 'mail-changed', what: 'servers' })),
              mail.window.onChange(() => listener({ type: 'mail-changed', what: 'window' })),
            ]
          : []),
      ];
      return () => stops.forEach((stop) => stop());
    },
  };
}
