import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { ServiceEvent } from '../../preload/contract/models.js';
import type { IdentityService } from '../identity/identity-service.js';

/**
 * A Server-Sent Events stream of the service's events that `pick` keeps, as they happen
 * (no polling), with a comment every 15 s so proxies and browsers keep it open.
 */
export function serviceEventStream(
  c: Context,
  service: IdentityService,
  pick: (event: ServiceEvent) => { event: string; data: unknown; id?: string } | null,
): Response {
  // HEAD: Hono answers it with the GET handler's headers and drops the body without cancelling
  // it, so a stream started here would never end and would keep its subscription for ever.
  if (c.req.method === 'HEAD') return c.body(null, 200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
  return streamSSE(c, async (stream) => {
    const unsubscribe = service.subscribe((event) => {
      const message = pick(event);
      if (message) void stream.writeSSE({ event: message.event, data: JSON.stringify(message.data), ...(message.id ? { id: message.id } : {}) });
    });
    stream.onAbort(unsubscribe);
    while (!stream.aborted) {
      await stream.writeSSE({ event: 'ping', data: '' });
      await stream.sleep(15_000);
    }
    unsubscribe();
  });
}
