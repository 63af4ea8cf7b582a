import type { DeviceNotification, SignInRequest } from '../../../preload/contract/models.js';
import type { Clock } from '../clock.js';

/** The newest notifications kept; older ones go, so no flood of codes grows it without end. */
export const DEVICE_INBOX_LIMIT = 50;

/**
 * What the simulated trusted devices have received, kept in memory only (a code is a secret:
 * it is never written to the store or the log) and only while the code is valid, so a device
 * page opened a moment after the code was sent still shows it. A code replaced by a newer one
 * of the same verification stays, marked by the newer one's `replaces`, so the device can show
 * it as no longer valid.
 */
export type Decision = SignInRequest['decision'];

/**
 * It also holds each sign-in request a trusted iPhone is asked to allow (two-factor), and whoever
 * waits for its answer (the asking page). A request lives only here: the app killed, it is gone
 * and nobody answers it — the asking side sends again. Its answer is kept by the store when it
 * ends the attempt (Don't Allow), and by the code it brings otherwise (Allow).
 */
export class DeviceInbox {
  private notifications: { notification: DeviceNotification; verificationId: string }[] = [];
  private waiters: { verificationId: string; wake: (decision: Decision) => void }[] = [];

  constructor(
    private readonly clock: Clock,
    private readonly limit = DEVICE_INBOX_LIMIT,
  ) {}

  add(notification: DeviceNotification, verificationId: string): void {
    this.prune();
    this.notifications.push({ notification, verificationId });
    // The newest `limit` stay (a count of 0 or less removes nothing).
    this.notifications.splice(0, this.notifications.length - this.limit);
  }

  /** The newest unexpired notification sent for a verification: of either kind, or only codes or only sign-in requests. */
  latestFor(verificationId: string, kind?: 'code' | 'request'): DeviceNotification | undefined {
    this.prune();
    return this.notifications.findLast(
      (n) => n.verificationId === verificationId && (kind === undefined || (kind === 'request') === (n.notification.request !== null)),
    )?.notification;
  }

  /**
   * The verification's code was accepted: its notification, still shown until it expires, is
   * marked used (the device greys it). Returns the marked notification, if it is still kept.
   */
  markUsed(verificationId: string, at: number): DeviceNotification | undefined {
    const kept = this.notifications.findLast((n) => n.verificationId === verificationId && n.notification.request === null);
    if (!kept || kept.notification.usedAt !== null) return undefined;
    kept.notification = { ...kept.notification, usedAt: at };
    return kept.notification;
  }

  /**
   * A sign-in request still waiting for its answer: unexpired, not answered, and the newest of
   * its verification (a newer one replaces it). With the verification it asks for.
   */
  pendingRequest(requestId: string): { notification: DeviceNotification; verificationId: string } | undefined {
    this.prune();
    const kept = this.notifications.find((n) => n.notification.id === requestId);
    if (kept?.notification.request?.decision !== 'pending') return undefined;
    if (this.latestFor(kept.verificationId, 'request')?.id !== requestId) return undefined;
    return kept;
  }

  /**
   * Records the answer to a pending request (the caller checked it is pending, in the same
   * synchronous transaction, so one answer wins) and wakes whoever waits for it. Returns the
   * request as the device should show it now.
   */
  decide(requestId: string, decision: 'allowed' | 'denied'): DeviceNotification | undefined {
    const kept = this.notifications.find((n) => n.notification.id === requestId);
    if (!kept?.notification.request) return undefined;
    kept.notification = { ...kept.notification, request: { ...kept.notification.request, decision } };
    this.wake(kept.verificationId, decision);
    return kept.notification;
  }

  /**
   * The answer to the verification's newest request: at once if it has one, else when it comes
   * or after `timeoutMs` ('pending'). The asking page waits so, and says "Don't Allow" at once.
   * When `signal` aborts (the page hung up), the wait ends there, answering 'pending' to nobody.
   */
  decision(verificationId: string, timeoutMs: number, signal?: AbortSignal): Promise<Decision> {
    const now = this.latestFor(verificationId, 'request')?.request?.decision ?? 'pending';
    if (now !== 'pending' || signal?.aborted) return Promise.resolve(now);
    return new Promise((resolve) => {
      // However the wait ends — the answer, the time, or the asking page hanging up — its timer,
      // its place among the waiters and its listener go with it, so no abandoned wait lingers.
      const end = (decision: Decision) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', hangUp);
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve(decision);
      };
      const waiter = { verificationId, wake: end };
      const hangUp = () => end('pending');
      const timer = setTimeout(() => end('pending'), timeoutMs);
      signal?.addEventListener('abort', hangUp, { once: true });
      this.waiters.push(waiter);
    });
  }

  /** How many asking pages wait for an answer now (each is one open request). */
  get waiting(): number {
    return this.waiters.length;
  }

  /** Unexpired notifications, newest first; for one device when `deviceId` is given. */
  list(deviceId?: number): DeviceNotification[] {
    this.prune();
    return this.notifications
      .map((n) => n.notification)
      .filter((n) => deviceId === undefined || n.deviceId === deviceId)
      .reverse();
  }

  clear(): void {
    this.notifications = [];
    // Each waiter, woken, takes itself off the list.
    for (const waiter of [...this.waiters]) waiter.wake('pending');
  }

  private wake(verificationId: string, decision: Decision): void {
    for (const waiter of this.waiters.filter((w) => w.verificationId === verificationId)) waiter.wake(decision);
  }

  private prune(): void {
    const now = this.clock.now();
    this.notifications = this.notifications.filter((n) => n.notification.expiresAt > now);
  }
}
