import { createContext, useContext } from 'react';
import { createStore, useStore, type StoreApi } from 'zustand';
import type { CodeSent, SignInChallenge } from '../../preload/contract/account-site-types.js';
import type { AppStoreAppId } from '../../preload/contract/app-store-catalog.js';
import type { ErrorPayload } from '../../preload/contract/error-codes.js';
import type { AppStoreView } from '../../preload/contract/places-types.js';
import { appApi } from '../shared/app-api.js';
import { ApiError } from '../shared/http-client.js';

/**
 * The App Store window's state (one store per window): the store as this Mac shows it, the
 * section open, the app whose Get was pressed (it then says Install App), and the sheet up —
 * "Sign in to download from the App Store", then on a Mac the account does not trust yet "Verify
 * Your Identity" (a trusted device, then its code). An app asked for while signed out is got
 * once the sheet is through.
 */
export const APP_STORE_SECTIONS = ['featured', 'topCharts', 'categories', 'purchased', 'updates'] as const;
export type AppStoreSection = (typeof APP_STORE_SECTIONS)[number];

export type StoreSheet =
  | { kind: 'sign-in' }
  | { kind: 'choose-device'; challenge: SignInChallenge }
  | { kind: 'enter-code'; challenge: SignInChallenge; codeSent: CodeSent };

export interface AppStoreState {
  view: AppStoreView | null;
  loadError: ErrorPayload | null;
  section: AppStoreSection;
  /** Get pressed: the button says Install App; a second press gets it. */
  armed: AppStoreAppId | null;
  /** Being got (a call runs). */
  installing: AppStoreAppId | null;
  sheet: StoreSheet | null;
  /** The app to get once the sheet is through (Get pressed while signed out). */
  waiting: AppStoreAppId | null;
  appleId: string;
  password: string;
  code: string;
  busy: boolean;
  error: ErrorPayload | null;
  load: () => Promise<void>;
  setSection: (section: AppStoreSection) => void;
  setField: (field: 'appleId' | 'password' | 'code', value: string) => void;
  /** The app's button: Get arms it, Install App gets it (or asks to sign in first). */
  press: (appId: AppStoreAppId) => Promise<void>;
  openSignIn: () => void;
  signIn: () => Promise<void>;
  sendCode: (deviceId: number) => Promise<void>;
  verify: () => Promise<void>;
  /**
   * Two-factor: the trusted iPhone's Don't Allow, heard while the Verify sheet waits for it — shown
   * in the sheet at once, as it would be after Verify (an attempt gone goes back to the password).
   */
  refused: (error: ErrorPayload) => void;
  chooseAnotherDevice: () => void;
  cancelSheet: () => void;
  signOut: () => Promise<void>;
}

export type AppStoreStore = StoreApi<AppStoreState>;

const INTERNAL: ErrorPayload = { code: 'INTERNAL', messageKey: 'errors.INTERNAL' };
const asPayload = (caught: unknown): ErrorPayload => (caught instanceof ApiError ? caught.payload : INTERNAL);
/** After these the verification cannot go on: back to the password. */
const GONE = new Set<ErrorPayload['code']>(['VERIFICATION_NOT_FOUND', 'VERIFICATION_EXPIRED']);

export function createAppStoreStore(): AppStoreStore {
  return createStore<AppStoreState>()((set, get) => {
    /** One call at a time; its error shown in the sheet (or beside the app). */
    const run = async (action: () => Promise<void>, onError?: (error: ErrorPayload) => void) => {
      if (get().busy) return;
      set({ busy: true, error: null });
      try {
        await action();
      } catch (caught) {
        const error = asPayload(caught);
        set({ error });
        onError?.(error);
      } finally {
        set({ busy: false });
      }
    };

    /** The verification cannot go on: back to the password (its error still shown there). */
    const backIfGone = (error: ErrorPayload) => {
      if (GONE.has(error.code)) set({ sheet: { kind: 'sign-in' } });
    };

    /** Signed in: the sheet goes, and the app asked for meanwhile is got. */
    const through = async (view: AppStoreView) => {
      const waiting = get().waiting;
      set({ view, sheet: null, password: '', code: '', waiting: null });
      if (waiting) await getApp(waiting);
    };

    const getApp = async (appId: AppStoreAppId) => {
      set({ installing: appId, armed: null });
      try {
        set({ view: await appApi.appStoreGet({ appId }), error: null });
      } catch (caught) {
        const error = asPayload(caught);
        if (error.code === 'APP_STORE_SIGN_IN_REQUIRED') {
          // Signed out meanwhile, or a Mac this Apple ID does not trust: sign in, then it is got.
          const appleId = get().view?.signedIn?.appleId ?? get().appleId;
          set({ sheet: { kind: 'sign-in' }, waiting: appId, appleId, password: '', error: null });
          void get().load();
        } else {
          set({ error });
        }
      } finally {
        set({ installing: null });
      }
    };

    return {
      view: null,
      loadError: null,
      section: 'featured',
      armed: null,
      installing: null,
      sheet: null,
      waiting: null,
      appleId: '',
      password: '',
      code: '',
      busy: false,
      error: null,

      async load() {
        try {
          set({ view: await appApi.appStore({}), loadError: null });
        } catch (caught) {
          set({ loadError: asPayload(caught) });
        }
      },

      setSection(section) {
        set({ section, armed: null });
      },

      setField(field, value) {
        set({ [field]: value } as Pick<AppStoreState, typeof field>);
      },

      async press(appId) {
        if (get().installing) return;
        // Get only turns the button into Install App: nothing is asked of main, so it is never
        // lost while a sign-in or sign-out is still on its way. Install waits for that call.
        if (get().armed !== appId) {
          set({ armed: appId, error: null });
          return;
        }
        if (get().busy) return;
        if (!get().view?.signedIn) {
          set({ sheet: { kind: 'sign-in' }, waiting: appId, armed: null, password: '', error: null });
          return;
        }
        await getApp(appId);
      },

      openSignIn() {
        set({ sheet: { kind: 'sign-in' }, waiting: null, password: '', error: null });
      },

      async signIn() {
        const { appleId, password } = get();
        await run(async () => {
          const result = await appApi.appStoreSignIn({ appleId, password });
          if (result.status === 'SIGNED_IN') await through(result.store);
          else set({ sheet: { kind: 'choose-device', challenge: result }, password: '', code: '' });
        });
      },

      async sendCode(deviceId) {
        const sheet = get().sheet;
        if (!sheet || sheet.kind === 'sign-in') return;
        await run(
          async () => {
            const codeSent = await appApi.appStoreSendCode({ verificationId: sheet.challenge.verificationId, deviceId });
            set({ sheet: { kind: 'enter-code', challenge: sheet.challenge, codeSent }, code: '' });
          },
          backIfGone,
        );
      },

      async verify() {
        const sheet = get().sheet;
        if (!sheet || sheet.kind !== 'enter-code') return;
        await run(
          async () => through(await appApi.appStoreVerifyCode({ verificationId: sheet.challenge.verificationId, code: get().code })),
          backIfGone,
        );
      },

      refused(error) {
        if (get().sheet?.kind !== 'enter-code') return;
        set({ error });
        backIfGone(error);
      },

      chooseAnotherDevice() {
        const sheet = get().sheet;
        if (sheet?.kind === 'enter-code') set({ sheet: { kind: 'choose-device', challenge: sheet.challenge }, code: '', error: null });
      },

      cancelSheet() {
        set({ sheet: null, waiting: null, password: '', code: '', error: null });
      },

      async signOut() {
        await run(async () => set({ view: await appApi.appStoreSignOut({}) }));
      },
    };
  });
}

export const AppStoreContext = createContext<AppStoreStore | null>(null);

export function useAppStore<T>(selector: (state: AppStoreState) => T): T {
  const store = useContext(AppStoreContext);
  if (!store) throw new Error('useAppStore outside an AppStoreContext');
  return useStore(store, selector);
}

export function useAppStoreApi(): AppStoreStore {
  const store = useContext(AppStoreContext);
  if (!store) throw new Error('useAppStoreApi outside an AppStoreContext');
  return store;
}
