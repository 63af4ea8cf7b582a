import { createContext, useContext, useSyncExternalStore } from 'react';
import type { ErrorPayload } from '../../preload/contract/error-codes.js';
import { openAccountSiteTab } from '../shared/account-site-tab.js';
import { appApi } from '../shared/app-api.js';
import { toPayload, useControl } from './store.js';
import type { OpenTarget } from './tour.js';

/** Opened, or why not: an error of the service, or a pop-up the browser blocked. */
export type OpenOutcome = { ok: true } | { ok: false; error: ErrorPayload } | { ok: false; blocked: true };

/** How the control center opens a window, the iPhone or My Apple ID where it runs. */
export type Opener = (target: OpenTarget) => Promise<OpenOutcome>;

/**
 * The control center as a page of its own. The desktop app opens (or focuses) its windows
 * itself. Browser mode opens each app in a tab of its own name: a tab open already is focused,
 * never loaded again (that would lose what was typed in it), and everything is opened in the
 * click's own task, as popup blockers require.
 */
export const pageOpener: Opener = async (target) => {
  try {
    if (target === 'account-site') {
      if ((await openAccountSiteTab({ page: 'manage' })) === 'blocked') return { ok: false, blocked: true };
    } else if (window.twostep) {
      await appApi.openWindow({ window: target });
    } else if (!focusOrOpenTab(target)) {
      return { ok: false, blocked: true };
    }
  } catch (error) {
    return { ok: false, error: toPayload(error) };
  }
  useControl.getState().opened(target);
  return { ok: true };
};

/** `window.open('', name)` finds the tab of that name without loading anything in it; an empty one is new. */
function focusOrOpenTab(target: Exclude<OpenTarget, 'account-site'>): boolean {
  const tab = window.open('', `twostep-${target}`);
  if (!tab) return false;
  let fresh = true;
  try {
    fresh = tab.location.href === 'about:blank';
  } catch {
    // Another origin in it (it cannot be ours then): leave it be and focus it.
    fresh = false;
  }
  if (fresh) tab.location.href = `/${target}`;
  else tab.focus();
  return true;
}

export const OpenerContext = createContext<Opener>(pageOpener);

export function useOpener(): Opener {
  return useContext(OpenerContext);
}

/**
 * Whether a window is open where the control center runs: the stage knows its windows; a page
 * of its own (or the desktop app's control center) cannot see the others, and says `null`.
 */
export interface WindowState {
  isOpen: (target: OpenTarget) => boolean | null;
  subscribe: (onChange: () => void) => () => void;
}

const UNKNOWN: WindowState = { isOpen: () => null, subscribe: () => () => undefined };

export const WindowStateContext = createContext<WindowState>(UNKNOWN);

/** Whether `target` is open (re-rendered when it opens or closes), or null where that cannot be known. */
export function useWindowOpen(target: OpenTarget | null): boolean | null {
  const state = useContext(WindowStateContext);
  return useSyncExternalStore(state.subscribe, () => (target ? state.isOpen(target) : null));
}
