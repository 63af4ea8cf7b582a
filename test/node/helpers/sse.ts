import { expect } from 'vitest';

export interface SseMessage {
  event: string;
  data: string;
}

/**
 * An open Server-Sent Events stream, read as a browser's EventSource would: `next` waits for
 * the next message of a name (pings skipped), `all` is every message so far, `close` hangs up.
 */
export interface SseReader {
  next(event: string, timeoutMs?: number): Promise<SseMessage>;
  all: SseMessage[];
  close(): void;
}

export async function openSse(url: string, headers: Record<string, string> = {}): Promise<SseReader> {
  const controller = new AbortController();
  const response = await fetch(url, { headers, signal: controller.signal });
  expect(response.status, `GET ${url}`).toBe(200);
  const all: SseMessage[] = [];
  const waiting: { event: string; resolve: (message: SseMessage) => void }[] = [];
  let read = 0;
  const deliver = () => {
    for (const waiter of [...waiting]) {
      const index = all.findIndex((m, i) => i >= read && m.event === waiter.event);
      if (index === -1) continue;
      read = index + 1;
      waiting.splice(waiting.indexOf(waiter), 1);
      waiter.resolve(all[index]!);
    }
  };
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
          const data = [...block.matchAll(/^data: ?(.*)$/gm)].map((m) => m[1]).join('\n');
          if (event !== 'ping') all.push({ event, data });
        }
        deliver();
      }
    } catch {
      // Aborted by close().
    }
  })();
  return {
    all,
    next(event, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no "${event}" event within ${timeoutMs} ms (had: ${all.map((m) => m.event).join(', ')})`)), timeoutMs);
        waiting.push({
          event,
          resolve: (message) => {
            clearTimeout(timer);
            resolve(message);
          },
        });
        deliver();
      });
    },
    close: () => controller.abort(),
  };
}
