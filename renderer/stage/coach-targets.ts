import type { TourStepId } from '../../preload/contract/presenter.js';

/**
 * What each step of the tour points at on the stage, in order of preference: the first of
 * these that is on screen. An empty list: the step happens in My Apple ID, in the real browser.
 */
export const COACH_TARGETS: Record<TourStepId, readonly string[]> = {
  openMessages: ['[data-coach="dock-messages"]'],
  signIn: ['[data-window="messages"] form.client-form button[type="submit"]', '[data-coach="dock-messages"]'],
  create: [
    '[data-window="messages"] .mac-sheet .mac-button--default',
    '[data-window="messages"] form.client-form button[type="submit"]',
    '[data-coach="dock-messages"]',
  ],
  portalSignIn: [],
  chooseDevice: [],
  readCode: ['[data-coach="iphone"] .banners > li:first-child', '[data-coach="iphone"] .screen'],
  createPassword: [],
  useIt: ['[data-window="messages"] input[type="password"]', '[data-coach="dock-messages"]'],
  mail: ['[data-window="mail"] input[type="password"]', '[data-coach="dock-mail"]'],
  revoke: [],
};

/** The first of `selectors` that is on screen (not in a closed window, not collapsed). */
export function findCoachTarget(selectors: readonly string[], root: ParentNode = document): HTMLElement | null {
  for (const selector of selectors) {
    const element = root.querySelector<HTMLElement>(selector);
    if (element && !element.closest('[hidden]') && element.getClientRects().length > 0) return element;
  }
  return null;
}
