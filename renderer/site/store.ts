import { create, type StateCreator } from 'zustand';
import type { SessionOpened, SignInChallenge } from '../../preload/contract/account-site-types.js';
import type { ErrorPayload } from '../../preload/contract/error-codes.js';
import type { AccountView, AppPasswordView } from '../../preload/contract/models.js';
import { isSessionError, sessionKey, site, toPayload } from './api.js';
import { currentLocation, isLocalPath, navigate } from './router.js';

/**
 * The account site's one store, built from two slices: who is signed in (and where to go
 * back to after signing in), and the list of app-specific passwords. Components select
 * single values; API calls that can end the session report failures through `failure`.
 */

const RETURN_KEY = 'twostep.returnTo';

export type SessionStatus = 'loading' | 'signed-out' | 'signed-in';

export interface SessionSlice {
  status: SessionStatus;
  account: AccountView | null;
  /** The second step of a sign-in in progress (choose a device, type its code). */
  challenge: SignInChallenge | null;
  /** A message for the sign-in page: why the user was sent there. */
  notice: ErrorPayload | null;
  /** Where to land after signing in: kept across reloads of the tab, never in a cookie. */
  returnTo: string | null;
  loadSession: () => Promise<void>;
  setChallenge: (challenge: SignInChallenge | null) => void;
  /** A session opened: its key is kept for this origin, and the user lands where they were going. */
  signedIn: (opened: SessionOpened) => void;
  setAccount: (account: AccountView) => void;
  /** Re-reads the account (counts and devices change behind the page's back). */
  refreshAccount: () => Promise<void>;
  signOut: () => Promise<void>;
  rememberReturn: (path: string) => void;
  /** Handles an error of any call: a lost session goes to sign-in (returns null); anything else is returned to show. */
  failure: (error: unknown) => ErrorPayload | null;
  /** Reset & restart: the demo started over (every session ended with it), so back to signing in. */
  restarted: () => void;
}

export interface AppPasswordsSlice {
  appPasswords: AppPasswordView[] | null;
  loadAppPasswords: () => Promise<ErrorPayload | null>;
  clearAppPasswords: () => void;
}

export type SiteState = SessionSlice & AppPasswordsSlice;

function readReturn(): string | null {
  try {
    const value = window.sessionStorage.getItem(RETURN_KEY);
    return isLocalPath(value) ? value : null;
  } catch {
    return null;
  }
}

function writeReturn(value: string | null): void {
  try {
    if (value) window.sessionStorage.setItem(RETURN_KEY, value);
    else window.sessionStorage.removeItem(RETURN_KEY);
  } catch {
    // The return path then lives only in memory, for this page's life.
  }
}

export function isProtectedPath(pathname: string): boolean {
  return pathname === '/account' || pathname.startsWith('/account/');
}

const createSessionSlice: StateCreator<SiteState, [], [], SessionSlice> = (set, get) => ({
  status: 'loading',
  account: null,
  challenge: null,
  notice: null,
  returnTo: readReturn(),

  async loadSession() {
    try {
      const { account } = await site.session({});
      set({ status: 'signed-in', account });
    } catch (error) {
      const payload = toPayload(error);
      // Simply not signed in yet is no news; an expired session is worth saying.
      set({ status: 'signed-out', account: null, notice: payload.code === 'SESSION_EXPIRED' ? payload : null });
    }
  },

  setChallenge(challenge) {
    set({ challenge, notice: null });
  },

  signedIn({ account, sessionKey: key }) {
    sessionKey.set(key);
    const target = get().returnTo ?? '/account';
    writeReturn(null);
    set({ status: 'signed-in', account, challenge: null, notice: null, returnTo: null });
    navigate(isLocalPath(target) ? target : '/account', { replace: true });
  },

  setAccount(account) {
    set({ account });
  },

  async refreshAccount() {
    try {
      set({ account: (await site.session({})).account });
    } catch (error) {
      get().failure(error);
    }
  },

  async signOut() {
    try {
      await site.signOut({});
    } catch {
      // Signed out locally either way: the server forgets the session when it expires.
    }
    writeReturn(null);
    sessionKey.clear();
    get().clearAppPasswords();
    set({ status: 'signed-out', account: null, challenge: null, notice: null, returnTo: null });
    navigate('/sign-in');
  },

  rememberReturn(path) {
    if (!isLocalPath(path)) return;
    writeReturn(path);
    set({ returnTo: path });
  },

  failure(error) {
    const payload = toPayload(error);
    if (!isSessionError(payload)) return payload;
    const here = currentLocation();
    if (isProtectedPath(here.pathname)) get().rememberReturn(here.pathname + here.search);
    sessionKey.clear();
    get().clearAppPasswords();
    set({ status: 'signed-out', account: null, challenge: null, notice: payload });
    navigate('/sign-in', { replace: true });
    return null;
  },

  restarted() {
    writeReturn(null);
    sessionKey.clear();
    get().clearAppPasswords();
    set({ status: 'signed-out', account: null, challenge: null, notice: null, returnTo: null });
    navigate('/sign-in', { replace: true });
  },
});

const createAppPasswordsSlice: StateCreator<SiteState, [], [], AppPasswordsSlice> = (set, get) => ({
  appPasswords: null,

  async loadAppPasswords() {
    try {
      set({ appPasswords: await site.listAppPasswords({}) });
      return null;
    } catch (error) {
      return get().failure(error);
    }
  },

  clearAppPasswords() {
    set({ appPasswords: null });
  },
});

export const useSite = create<SiteState>()((...a) => ({
  ...createSessionSlice(...a),
  ...createAppPasswordsSlice(...a),
}));
