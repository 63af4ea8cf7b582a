import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { ServiceEvent } from '../../preload/contract/models.js';
import { IdentityError } from '../identity/identity-error.js';
import type { IdentityService } from '../identity/identity-service.js';

/**
 * How many event streams one server holds open at once. The pages of one browser share one
 * stream per origin (renderer/shared/shared-event-stream.ts), so a presenter needs a handful;
 * beyond this a new one is refused rather than letting subscribers pile up without end.
 */
export const MAX_EVENT_STREAMS = 32;

/** Counts the open streams of one server. */
export class StreamSlots {
  private open = 0;
  constructor(readonly max = MAX_EVENT_STREAMS) {}
  take(): (() => void) | null {
    if (this.open >= this.max) return null;
    this.open += 1;
    let released = false;
    return () => {
      if (!released) this.open -= 1;
      released = true;
    };
  }
  get count(): number {
    return this.open;
  }
}

/** Sends one Server-Sent Event down an open stream. */
export type SendEvent = (message: { event: string; data: unknown; id?: string }) => void;

/**
 * A Server-Sent Events stream: `start` subscribes to whatever feeds it, sending with `send`, and
 * returns its unsubscribe, called when the stream ends. A comment every 15 s keeps proxies and
 * browsers from closing it; a slot of `slots` is held while it is open.
 */
export function eventStream(c: Context, slots: StreamSlots, start: (send: SendEvent) => () => void): Response {
  // HEAD: Hono answers it with the GET handler's headers and drops the body without cancelling
  // it, so a stream started here would never end and would keep its subscription for ever.
  if (c.req.method === 'HEAD') return c.body(null, 200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
  const release = slots.take();
  if (!release) throw new IdentityError('TOO_MANY_STREAMS');
  return streamSSE(c, async (stream) => {
    const unsubscribe = start((message) => {
      void stream.writeSSE({ event: message.event, data: JSON.stringify(message.data), ...(message.id ? { id: message.id } : {}) });
    });
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      unsubscribe();
      release();
    };
    stream.onAbort(end);
    try {
      while (!stream.aborted) {
        await stream.writeSSE({ event: 'ping', data: '' });
        await stream.sleep(15_000);
      }
    } finally {
      end();
    }
  });
}

/**
 * A Server-Sent Events stream of the service's events that `pick` keeps, as they happen
 * (no polling).
 */
export function serviceEventStream(
  c: Context,
  service: Pick<IdentityService, 'subscribe'>,
  slots: StreamSlots,
  pick: (event: ServiceEvent) => { event: string; data: unknown; id?: string } | null,
): Response {
  return eventStream(c, slots, (send) =>
    service.subscribe((event) => {
      const message = pick(event);
      if (message) send(message);
    }),
  );
}
