import { act } from 'react';
import { vi } from 'vitest';
import type { ErrorPayload } from '../../preload/contract/error-codes.js';
import type { ServiceEvent } from '../../preload/contract/models.js';

/**
 * The fakes the component tests share, in place of the servers: a fake fetch that answers the
 * contract's POST /api/<method> calls, and a fake EventSource for the Server-Sent Events
 * streams. The site, client app and control center harnesses all use these, so the fakes
 * behave alike everywhere.
 */

export type Answer = { value: unknown } | { error: ErrorPayload };
/** A handler may answer later (a promise): a call the server holds, such as a wait for the iPhone's answer. */
export type Handlers = Record<string, (body: Record<string, unknown>) => Answer | Promise<Answer>>;

export function fail(code: ErrorPayload['code'], params?: ErrorPayload['params']): Answer {
  return { error: { code, messageKey: `errors.${code}`, ...(params ? { params } : {}) } };
}

/**
 * Stubs the global fetch: each method (the URL's last segment) answers with a handler's value
 * or error payload, as the contract's envelope; an unknown method is NOT_FOUND. Every call is
 * recorded with its body and headers.
 */
export function fakeFetch(handlers: Handlers) {
  const calls: { method: string; body: Record<string, unknown>; headers: Record<string, string> }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string, init: { body: string; headers?: Record<string, string> }) => {
      const method = url.split('/').pop() ?? '';
      const body = JSON.parse(init.body) as Record<string, unknown>;
      const headers = Object.fromEntries(Object.entries(init.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
      calls.push({ method, body, headers });
      const handler = handlers[method];
      return Promise.resolve(handler ? handler(body) : fail('NOT_FOUND')).then((answer) => {
        const result = 'error' in answer ? { ok: false, error: answer.error } : { ok: true, value: answer.value };
        return new Response(JSON.stringify(result), { headers: { 'content-type': 'application/json' } });
      });
    }),
  );
  return { calls, called: (method: string) => calls.filter((c) => c.method === method) };
}

/** happy-dom has no EventSource: this one opens at once and lets the test emit events. */
export class FakeEventSource {
  static instances: FakeEventSource[] = [];
  private readonly listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>();
  closed = false;

  constructor(readonly url: string) {
    FakeEventSource.instances.push(this);
    setTimeout(() => this.dispatch('open', ''), 0);
  }

  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  close(): void {
    this.closed = true;
  }

  dispatch(type: string, data: string): void {
    if (this.closed) return;
    for (const listener of this.listeners.get(type) ?? []) listener(new MessageEvent(type, { data }));
  }
}

/** Stubs the global EventSource with a fresh FakeEventSource (no streams open yet). */
export function fakeEventSource(): void {
  FakeEventSource.instances = [];
  vi.stubGlobal('EventSource', FakeEventSource);
}

/** Pushes a service event to every open stream, as the server does; the caller then settles. */
export async function pushServiceEvent(event: ServiceEvent): Promise<void> {
  await act(async () => {
    for (const source of FakeEventSource.instances) source.dispatch('service', JSON.stringify(event));
    await Promise.resolve();
  });
}
