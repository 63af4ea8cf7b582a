import type { SessionEndReason } from '../../preload/contract/models.js';

/**
 * What a window says when its session ends by itself. Some reasons say nothing: signing out
 * was the user's own act, a demo reset is plain, and "unexpected" shows no cause at all —
 * just the sign-in again, as the seed's author saw it.
 */
export type EndedNotice = 'app-password-revoked' | 'password-changed' | 'security-changed' | 'software-update' | 'sim-swap';

export function noticeFor(reason: SessionEndReason): EndedNotice | null {
  switch (reason) {
    case 'app-password-revoked':
    case 'password-changed':
    case 'security-changed':
    case 'software-update':
    case 'sim-swap':
      return reason;
    case 'signed-out':
    case 'unexpected':
    case 'replaced':
    case 'demo-reset':
      return null;
    default:
      return null;
  }
}
