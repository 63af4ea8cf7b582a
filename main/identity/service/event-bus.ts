import type { CredentialsRevoked, ServiceEvent } from '../../../preload/contract/models.js';

export type Listener = (event: ServiceEvent) => void;

/** Ends the sessions a revocation names that live outside the store (the mail servers'); says how many. */
export type SessionEnder = (event: CredentialsRevoked) => number;

/** Subscribers of the identity service: windows, the device page, the control center. */
export class EventBus {
  private readonly listeners = new Set<Listener>();
  private readonly enders = new Set<SessionEnder>();

  /** Registers what ends sessions outside the store on a committed revocation. */
  endSessionsWith(ender: SessionEnder): () => void {
    this.enders.add(ender);
    return () => this.enders.delete(ender);
  }

  /** Ends them for one committed revocation; returns how many ended. */
  endSessions(event: CredentialsRevoked): number {
    let ended = 0;
    for (const ender of this.enders) {
      try {
        ended += ender(event);
      } catch {
        // A broken ender must not keep the revocation from the others.
      }
    }
    return ended;
  }

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
