import { create } from 'zustand';
import type { CodeSent, SignInChallenge } from '../../preload/contract/account-site-types.js';
import type { ErrorPayload } from '../../preload/contract/error-codes.js';
import type { ICloudWebHome, ICloudWebOpened } from '../../preload/contract/places-types.js';
import { icloud, icloudKey, isSessionError, toPayload } from './api.js';

/**
 * iCloud.com's one store: whether this browser is signed in (and to whom), the sign-in in
 * progress (the password, then the trusted device and its code), and why the page is back at
 * signing in. Every call that can end the session reports through `failure`.
 */
export type ICloudStatus = 'loading' | 'signed-out' | 'signed-in';
export type Notice = ErrorPayload | 'signed-out' | null;

export interface ICloudWebState {
  status: ICloudStatus;
  home: ICloudWebHome | null;
  /** The second step of a sign-in in progress. */
  challenge: SignInChallenge | null;
  codeSent: CodeSent | null;
  /** "Keep me signed in", as chosen with the password (carried to the code). */
  keepSignedIn: boolean;
  /** Why the page is back at signing in: the session ran out (its error), or ended elsewhere. */
  notice: Notice;
  load: () => Promise<void>;
  setKeepSignedIn: (keep: boolean) => void;
  setChallenge: (challenge: SignInChallenge | null) => void;
  setCodeSent: (sent: CodeSent | null) => void;
  signedIn: (opened: ICloudWebOpened) => void;
  signOut: () => Promise<void>;
  /** The session ended (here, or elsewhere: the control center, another browser): back to signing in. */
  ended: (error: ErrorPayload) => void;
  /** A lost session goes back to signing in (returns null); anything else is returned to show. */
  failure: (error: unknown) => ErrorPayload | null;
  /** Reset & restart: every session is gone; back to the first state. */
  restarted: () => void;
}

const FIRST: Pick<ICloudWebState, 'home' | 'challenge' | 'codeSent' | 'keepSignedIn' | 'notice'> = {
  home: null,
  challenge: null,
  codeSent: null,
  keepSignedIn: false,
  notice: null,
};

export const useICloud = create<ICloudWebState>()((set, get) => ({
  status: 'loading',
  ...FIRST,

  async load() {
    try {
      const { home } = await icloud.session({});
      set({ status: 'signed-in', home, notice: null });
    } catch (error) {
      const payload = toPayload(error);
      if (isSessionError(payload)) get().ended(payload);
      // TwoStep unreachable: what is shown stays; a first load shows the sign-in with the error.
      else if (get().status === 'loading') set({ status: 'signed-out', notice: payload });
    }
  },

  setKeepSignedIn(keep) {
    set({ keepSignedIn: keep });
  },

  setChallenge(challenge) {
    set({ challenge, codeSent: null, notice: null });
  },

  setCodeSent(codeSent) {
    set({ codeSent });
  },

  signedIn({ home, sessionKey }) {
    icloudKey.set(sessionKey);
    set({ status: 'signed-in', home, challenge: null, codeSent: null, notice: null });
  },

  async signOut() {
    try {
      await icloud.signOut({});
    } catch {
      // Signed out here either way: the session runs out on its own.
    }
    icloudKey.clear();
    set({ status: 'signed-out', ...FIRST });
  },

  ended(error) {
    const { status, notice } = get();
    icloudKey.clear();
    // Signed in a moment ago: say so. Never signed in on this page: nothing to say.
    const next: Notice = error.code === 'SESSION_EXPIRED' ? error : status === 'signed-in' ? 'signed-out' : status === 'loading' ? null : notice;
    set({ status: 'signed-out', ...FIRST, notice: next });
  },

  failure(error) {
    const payload = toPayload(error);
    if (!isSessionError(payload)) return payload;
    get().ended(payload);
    return null;
  },

  restarted() {
    icloudKey.clear();
    set({ status: 'signed-out', ...FIRST });
  },
}));
