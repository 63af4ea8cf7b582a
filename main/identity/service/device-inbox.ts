import type { DeviceNotification } from '../../../preload/contract/models.js';
import type { Clock } from '../clock.js';

/**
 * What the simulated trusted devices have received, kept in memory only (a code is a secret:
 * it is never written to the store or the log) and only while the code is valid, so a device
 * page opened a moment after the code was sent still shows it.
 */
export class DeviceInbox {
  private notifications: DeviceNotification[] = [];

  constructor(private readonly clock: Clock) {}

  add(notification: DeviceNotification): void {
    this.prune();
    this.notifications.push(notification);
  }

  /** Unexpired notifications, newest first; for one device when `deviceId` is given. */
  list(deviceId?: number): DeviceNotification[] {
    this.prune();
    return this.notifications.filter((n) => deviceId === undefined || n.deviceId === deviceId).reverse();
  }

  clear(): void {
    this.notifications = [];
  }

  private prune(): void {
    const now = this.clock.now();
    this.notifications = this.notifications.filter((n) => n.expiresAt > now);
  }
}
