import { create } from 'zustand';
import type { SignInChallenge } from '../../../preload/contract/account-site-types.js';
import type { ErrorPayload } from '../../../preload/contract/error-codes.js';
import type { SupportCaseView, SupportOpened, SupportTopic, SupportView } from '../../../preload/contract/places-types.js';
import { isSessionError, toPayload } from '../api.js';
import { support, supportKey } from './api.js';

/**
 * The support page's state: the topic chosen, the verification in progress, and — only once the
 * user proved who they are — what support may discuss and the case just opened.
 */
export type SupportStep = 'loading' | 'topic' | 'sign-in' | 'verified';

export interface SupportState {
  step: SupportStep;
  topic: SupportTopic;
  challenge: SignInChallenge | null;
  view: SupportView | null;
  opened: SupportCaseView | null;
  /** Why the page is back at the start (the session ran out). */
  notice: ErrorPayload | null;
  load: () => Promise<void>;
  chooseTopic: (topic: SupportTopic) => void;
  toSignIn: () => void;
  setChallenge: (challenge: SignInChallenge | null) => void;
  verified: (opened: SupportOpened) => void;
  caseOpened: (opened: SupportCaseView) => void;
  done: () => Promise<void>;
  /** A lost session back to the start (returns null); anything else is returned to show. */
  failure: (error: unknown) => ErrorPayload | null;
  restarted: () => void;
}

export const useSupport = create<SupportState>()((set, get) => ({
  step: 'loading',
  topic: 'two-step',
  challenge: null,
  view: null,
  opened: null,
  notice: null,

  async load() {
    if (!supportKey.get()) {
      set({ step: 'topic' });
      return;
    }
    try {
      set({ step: 'verified', view: await support.session({}) });
    } catch (error) {
      const payload = toPayload(error);
      if (isSessionError(payload)) supportKey.clear();
      set({ step: 'topic', view: null, notice: payload.code === 'SESSION_EXPIRED' ? payload : null });
    }
  },

  chooseTopic(topic) {
    set({ topic });
  },

  toSignIn() {
    set({ step: 'sign-in', challenge: null, notice: null });
  },

  setChallenge(challenge) {
    set({ challenge, notice: null });
  },

  verified({ support: view, sessionKey }) {
    supportKey.set(sessionKey);
    set({ step: 'verified', view, challenge: null, notice: null });
  },

  caseOpened(opened) {
    const view = get().view;
    set({ opened, view: view ? { ...view, cases: [opened, ...view.cases] } : view });
  },

  async done() {
    try {
      await support.signOut({});
    } catch {
      // Signed out here either way.
    }
    supportKey.clear();
    set({ step: 'topic', view: null, opened: null, challenge: null, notice: null });
  },

  failure(error) {
    const payload = toPayload(error);
    if (!isSessionError(payload)) return payload;
    supportKey.clear();
    set({ step: 'topic', view: null, opened: null, challenge: null, notice: payload });
    return null;
  },

  restarted() {
    supportKey.clear();
    set({ step: 'topic', view: null, opened: null, challenge: null, notice: null });
  },
}));
