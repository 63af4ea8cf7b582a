import type { TourStepId } from '../../preload/contract/presenter.js';

/**
 * One thing the tour can point at: `ring` is the element the ring goes round; `clear` is what
 * the coach card must leave uncovered with it (the form with the field, the sheet with its
 * button, the iPhone's whole screen, the Dock).
 */
export interface CoachTarget {
  ring: string;
  clear: string;
}

const dock = (app: 'messages' | 'mail'): CoachTarget => ({ ring: `[data-coach="dock-${app}"]`, clear: '.dock' });
const messagesForm = (ring: string): CoachTarget => ({ ring: `[data-window="messages"] ${ring}`, clear: '[data-window="messages"] form.client-form' });
/** Two-factor authentication: the iPhone's "Sign In Requested" (Allow) or, once allowed, its code. */
const iphoneAlert: CoachTarget = { ring: '[data-coach="iphone"] .ios-alert', clear: '[data-coach="iphone"] .screen' };
const messagesSheet = (ring: string): CoachTarget => ({ ring: `[data-window="messages"] .mac-sheet ${ring}`, clear: '[data-window="messages"] .mac-sheet' });

/**
 * What each step of the tour points at on the stage, in order of preference: the first of
 * these that is on screen. An empty list, or none on screen for a step in My Apple ID: the step
 * happens in the real browser.
 */
export const COACH_TARGETS: Record<TourStepId, readonly CoachTarget[]> = {
  openMessages: [dock('messages')],
  signIn: [messagesForm('form.client-form button[type="submit"]'), dock('messages')],
  create: [
    { ring: '[data-window="messages"] .mac-sheet .mac-button--default', clear: '[data-window="messages"] .mac-sheet' },
    messagesForm('form.client-form button[type="submit"]'),
    dock('messages'),
  ],
  portalSignIn: [],
  chooseDevice: [],
  readCode: [
    { ring: '[data-coach="iphone"] .banners > li:first-child', clear: '[data-coach="iphone"] .screen' },
    { ring: '[data-coach="iphone"] .screen', clear: '[data-coach="iphone"] .screen' },
  ],
  createPassword: [],
  useIt: [messagesForm('input[type="password"]'), dock('messages')],
  mail: [{ ring: '[data-window="mail"] input[type="password"]', clear: '[data-window="mail"] form.mail-form' }, dock('mail')],
  revoke: [],
  // Then and now: the same sign-ins under two-step verification, the switch, and under two-factor authentication.
  thenMessages: [messagesSheet('.mac-button--default'), messagesForm('form.client-form button[type="submit"]'), dock('messages')],
  thenWeb: [],
  switchLevel: [
    { ring: '[data-coach="then-and-now"]', clear: '[data-coach="then-and-now"]' },
    { ring: '[data-coach="control-center"]', clear: '.menubar' },
  ],
  nowMessages: [iphoneAlert, messagesSheet('input'), messagesForm('form.client-form button[type="submit"]'), dock('messages')],
  nowWeb: [iphoneAlert],
};

/** The first of `targets` that is on screen (not in a closed window, not collapsed), with what to keep clear. */
export function findCoachTarget(targets: readonly CoachTarget[], root: ParentNode = document): { ring: HTMLElement; clear: HTMLElement } | null {
  for (const target of targets) {
    const ring = root.querySelector<HTMLElement>(target.ring);
    if (!ring || ring.closest('[hidden]') || ring.getClientRects().length === 0) continue;
    return { ring, clear: root.querySelector<HTMLElement>(target.clear) ?? ring };
  }
  return null;
}
