/**
 * One event stream per origin, shared by every TwoStep page of that origin.
 *
 * A browser opens at most six HTTP/1.1 connections per origin, and an EventSource holds one
 * for good: with the control center, four apps and the iPhone open, a seventh page (or any
 * request) would wait forever. So one page — the leader, chosen with the Web Locks API —
 * holds the stream and passes each event to the others over a BroadcastChannel. When the
 * leader closes, its lock is released and another page takes over; its first connection
 * tells every page to reload its state, so nothing is missed in between.
 */
type Message = { kind: 'event'; data: unknown } | { kind: 'connected' };

function plainEventSource(path: string, eventName: string, listener: (data: unknown) => void, onConnected?: () => void): () => void {
  const source = new EventSource(path);
  if (onConnected) source.addEventListener('open', onConnected);
  source.addEventListener(eventName, (message: MessageEvent<string>) => {
    try {
      listener(JSON.parse(message.data));
    } catch {
      // Not JSON: ignored.
    }
  });
  return () => source.close();
}

export function sharedEventStream(path: string, eventName: string, listener: (data: unknown) => void, onConnected?: () => void): () => void {
  // Where either API is missing (older engines, test DOMs), each page keeps its own stream.
  if (typeof BroadcastChannel === 'undefined' || typeof navigator.locks?.request !== 'function') {
    return plainEventSource(path, eventName, listener, onConnected);
  }

  const name = `twostep-events:${path}`;
  const channel = new BroadcastChannel(name);
  const handle = (message: Message) => (message.kind === 'event' ? listener(message.data) : onConnected?.());
  channel.onmessage = (message: MessageEvent<Message>) => handle(message.data);
  // Every page passes what its leader hears; BroadcastChannel does not echo to the sender.
  const share = (message: Message) => {
    channel.postMessage(message);
    handle(message);
  };

  let closed = false;
  let source: EventSource | undefined;
  let stepDown: (() => void) | undefined;
  void navigator.locks.request(
    name,
    () =>
      new Promise<void>((release) => {
        if (closed) return release();
        stepDown = release;
        source = new EventSource(path);
        source.addEventListener('open', () => share({ kind: 'connected' }));
        source.addEventListener(eventName, (message: MessageEvent<string>) => {
          try {
            share({ kind: 'event', data: JSON.parse(message.data) });
          } catch {
            // Not JSON: ignored.
          }
        });
      }),
  );
  // A page that is not (yet) the leader loads its state once now; later the leader's
  // (re)connections ask for reloads.
  onConnected?.();
  return () => {
    closed = true;
    source?.close();
    stepDown?.();
    channel.close();
  };
}
