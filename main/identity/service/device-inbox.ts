import type { DeviceNotification } from '../../../preload/contract/models.js';
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
export class DeviceInbox {
  private notifications: { notification: DeviceNotification; verificationId: string }[] = [];

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

  /** The newest unexpired notification sent for a verification. */
  latestFor(verificationId: string): DeviceNotification | undefined {
    this.prune();
    return this.notifications.findLast((n) => n.verificationId === verificationId)?.notification;
  }

  /**
   * The verification's code was accepted: its notification, still shown until it expires, is
   * marked used (the device greys it). Returns the marked notification, if it is still kept.
   */
  markUsed(verificationId: string, at: number): DeviceNotification | undefined {
    const kept = this.notifications.findLast((n) => n.verificationId === verificationId);
    if (!kept || kept.notification.usedAt !== null) return undefined;
    kept.notification = { ...kept.notification, usedAt: at };
    return kept.notification;
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
  }

  private prune(): void {
    const now = this.clock.now();
    this.notifications = this.notifications.filter((n) => n.notification.expiresAt > now);
  }
}
