import type { ServiceEvent } from '../../../preload/contract/models.js';

export type Listener = (event: ServiceEvent) => void;

/** Subscribers of the identity service: windows, the device page, the control center. */
export class EventBus {
  private readonly listeners = new Set<Listener>();

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(event: ServiceEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A broken subscriber (a closed window, a dropped stream) must not stop the others.
      }
    }
  }
}
