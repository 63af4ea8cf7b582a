import { createContext, useContext } from 'react';
import { createStore, useStore, type StoreApi } from 'zustand';
import type { ErrorPayload } from '../../preload/contract/error-codes.js';
import type { MailListItem, MailMessageView, MailRefusal, MailWindowState } from '../../preload/contract/mail-types.js';
import { asPayload } from '../client-apps/store.js';
import { appApi } from '../shared/app-api.js';

/**
 * Tern Mail's window state: what main's IMAP connection for it says (signed out with the
 * server's refusal or BYE, or connected with the INBOX), the form, the message open, and the
 * trainer's "teaching hint" setting (kept in this browser).
 */
export interface MailState {
  view: 'loading' | 'sign-in' | 'inbox';
  appleId: string;
  password: string;
  busy: boolean;
  /** The server refused the sign-in: its words, and what kind of refusal it was. */
  refusal: MailRefusal | null;
  /** The server ended the connection (revoked password, reset): its BYE text. */
  ended: string | null;
  /** A call of TwoStep's own failed (the server unreachable, bad input). */
  error: ErrorPayload | null;
  messages: MailListItem[];
  open: MailMessageView | null;
  teachingHint: boolean;
  setField: (field: 'appleId' | 'password', value: string) => void;
  load: () => Promise<void>;
  signIn: () => Promise<void>;
  signOut: () => Promise<void>;
  openMessage: (uid: number) => Promise<void>;
  setTeachingHint: (on: boolean) => void;
}

export type MailStore = StoreApi<MailState>;

const HINT_KEY = 'twostep.mail.teachingHint';

function storedHint(): boolean {
  try {
    return window.localStorage.getItem(HINT_KEY) === 'on';
  } catch {
    return false;
  }
}

/** One store per window (two Tern Mail windows on one stage page do not share it). */
export function createMailStore(): MailStore {
  return createStore<MailState>()((set, get) => {
    const apply = (state: MailWindowState) => {
      if (state.status === 'connected') {
        const open = get().open;
        set({ view: 'inbox', appleId: state.appleId, messages: state.messages, refusal: null, ended: null, password: '', open: open && state.messages.some((m) => m.uid === open.uid) ? open : null });
      } else {
        set((s) => ({ view: 'sign-in', appleId: state.appleId ?? s.appleId, refusal: state.refusal, ended: state.ended, messages: [], open: null }));
      }
    };
    const run = async (action: () => Promise<void>) => {
      if (get().busy) return;
      set({ busy: true, error: null });
      try {
        await action();
      } catch (caught) {
        set({ error: asPayload(caught) });
      } finally {
        set({ busy: false });
      }
    };
    return {
      view: 'loading',
      appleId: '',
      password: '',
      busy: false,
      refusal: null,
      ended: null,
      error: null,
      messages: [],
      open: null,
      teachingHint: storedHint(),
      setField(field, value) {
        set({ [field]: value } as Pick<MailState, typeof field>);
      },
      async load() {
        try {
          apply(await appApi.mailWindow({}));
        } catch (caught) {
          set({ view: 'sign-in', error: asPayload(caught) });
        }
      },
      async signIn() {
        const { appleId, password } = get();
        set({ refusal: null, ended: null });
        await run(async () => {
          const state = await appApi.mailWindowSignIn({ appleId, password });
          apply(state);
          if (state.status !== 'connected') set({ password: '' });
        });
      },
      async signOut() {
        await run(async () => apply(await appApi.mailWindowSignOut({})));
      },
      async openMessage(uid) {
        await run(async () => set({ open: await appApi.mailWindowMessage({ uid }) }));
      },
      setTeachingHint(on) {
        try {
          window.localStorage.setItem(HINT_KEY, on ? 'on' : 'off');
        } catch {
          // Not remembered where storage is unavailable; still on for this window.
        }
        set({ teachingHint: on });
      },
    };
  });
}

export const MailStoreContext = createContext<MailStore | null>(null);

export function useMail<T>(select: (state: MailState) => T): T {
  const store = useContext(MailStoreContext);
  if (!store) throw new Error('useMail outside a MailStoreContext');
  return useStore(store, select);
}

export function useMailStore(): MailStore {
  const store = useContext(MailStoreContext);
  if (!store) throw new Error('useMailStore outside a MailStoreContext');
  return store;
}
