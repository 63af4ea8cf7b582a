import { createStore, type StoreApi } from 'zustand';
import type { CodeSent, SignInChallenge } from '../../preload/contract/account-site-types.js';
import type { ErrorPayload } from '../../preload/contract/error-codes.js';
import type { ClientKind, ClientSessionView } from '../../preload/contract/models.js';
import type { SiteOpened } from '../shared/account-site-tab.js';
import { appApi, type PushedServiceEvent } from '../shared/app-api.js';
import { ApiError } from '../shared/http-client.js';
import { noticeFor, type EndedNotice } from './session-notices.js';

/**
 * The sign-in state of one client app window, the same for all four apps: what the window
 * shows (sign-in, the iCloud code steps, signed in), the form's values, the call in progress
 * and its error. Everything the service pushes about this app's session lands here.
 */
export type ClientView = 'loading' | 'sign-in' | 'choose-device' | 'enter-code' | 'signed-in';

/** Which field an error is about, so the form can mark it (aria-invalid). */
export type ErrorField = 'appleId' | 'password' | 'code' | null;

export interface ClientState {
  readonly clientKind: ClientKind;
  view: ClientView;
  session: ClientSessionView | null;
  appleId: string;
  password: string;
  code: string;
  busy: boolean;
  error: ErrorPayload | null;
  /** The third-party app's plain "needs an app-specific password" message (no Create). */
  appPasswordRequired: boolean;
  /** Messages and FaceTime: the "App-specific password required" sheet is up. */
  sheetOpen: boolean;
  /** Why the session ended, when the window says so (null: no visible cause). */
  notice: EndedNotice | null;
  /** iCloud: the second step of the sign-in. */
  challenge: SignInChallenge | null;
  /**
   * Messages and FaceTime under two-factor authentication, OS X 10.11 or later: the sheet that
   * asks for the code sent to a trusted device (null: no sheet).
   */
  appCode: AppCodeStep | null;
  /** OS X 10.10 under two-factor authentication: the password alone was refused, a code sent. */
  passwordWithCode: boolean;
  codeSent: CodeSent | null;
  /** Bumped whenever the password field should be emptied-and-focused (the form watches it). */
  focusPassword: number;
  /** After Create: My Apple ID showed the page in the tab already open, or the browser blocked the tab. */
  siteNotice: Exclude<SiteOpened, 'opened'> | null;

  setField: (field: 'appleId' | 'password' | 'code', value: string) => void;
  load: () => Promise<void>;
  signIn: () => Promise<void>;
  signOut: () => Promise<void>;
  sendCode: (deviceId: number) => Promise<void>;
  verifyCode: () => Promise<void>;
  chooseAnotherDevice: () => void;
  cancelVerification: () => void;
  closeSheet: () => void;
  verifyAppCode: () => Promise<void>;
  resendAppCode: (deviceId: number) => Promise<void>;
  cancelAppCode: () => void;
  /**
   * The sheet's Create: runs `open` (at once, in the click's task: see account-site-tab.ts),
   * closes the sheet, empties and focuses the password field.
   */
  createAppPassword: (open: () => Promise<SiteOpened>) => Promise<void>;
  onServiceEvent: (event: PushedServiceEvent) => void;
}

export type ClientStore = StoreApi<ClientState>;

/** The in-app code step: the verification, the devices a new code may go to, where the last one went. */
export interface AppCodeStep {
  verificationId: string;
  devices: SignInChallenge['devices'];
  codeSent: CodeSent;
  /** Set after "Didn't get a code?" sent another one. */
  resent: boolean;
}

const INTERNAL: ErrorPayload = { code: 'INTERNAL', messageKey: 'errors.INTERNAL' };

export function asPayload(caught: unknown): ErrorPayload {
  return caught instanceof ApiError ? caught.payload : INTERNAL;
}

/** The field an error code is about, for the form that showed it. */
export function errorField(error: ErrorPayload | null): ErrorField {
  switch (error?.code) {
    case undefined:
      return null;
    case 'APPLE_ID_INVALID':
    case 'ACCOUNT_NOT_FOUND':
      return 'appleId';
    case 'INCORRECT':
    case 'LOCKED':
    case 'HARD_LOCKED':
      return 'password';
    case 'CODE_INCORRECT':
    case 'CODE_EXPIRED':
    case 'CODE_ATTEMPTS_EXCEEDED':
      return 'code';
    case 'INVALID_INPUT': {
      const path = error.fields?.[0]?.path;
      return path === 'appleId' || path === 'password' || path === 'code' ? path : null;
    }
    default:
      return null;
  }
}

/** Errors after which the iCloud code step cannot go on: back to the password. */
const VERIFICATION_GONE = new Set<ErrorPayload['code']>(['VERIFICATION_NOT_FOUND', 'VERIFICATION_EXPIRED']);

export function createClientStore(clientKind: ClientKind): ClientStore {
  return createStore<ClientState>()((set, get) => {
    const signedIn = (session: ClientSessionView) =>
      set({
        view: 'signed-in',
        session,
        password: '',
        code: '',
        error: null,
        appPasswordRequired: false,
        sheetOpen: false,
        notice: null,
        challenge: null,
        codeSent: null,
        siteNotice: null,
        appCode: null,
        passwordWithCode: false,
      });

    const signedOut = (notice: EndedNotice | null) =>
      set((s) => ({
        view: 'sign-in',
        session: null,
        password: '',
        code: '',
        busy: false,
        error: null,
        appPasswordRequired: false,
        sheetOpen: false,
        notice,
        challenge: null,
        codeSent: null,
        appCode: null,
        passwordWithCode: false,
        appleId: s.session?.appleId ?? s.appleId,
        focusPassword: s.focusPassword + 1,
      }));

    /** One call at a time: the form is disabled while it runs, its error shown after. */
    const run = async (action: () => Promise<void>, onError?: (error: ErrorPayload) => void) => {
      if (get().busy) return;
      set({ busy: true, error: null, appPasswordRequired: false, passwordWithCode: false });
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

    return {
      clientKind,
      view: 'loading',
      session: null,
      appleId: '',
      password: '',
      code: '',
      busy: false,
      error: null,
      appPasswordRequired: false,
      sheetOpen: false,
      notice: null,
      challenge: null,
      codeSent: null,
      appCode: null,
      passwordWithCode: false,
      focusPassword: 0,
      siteNotice: null,

      setField(field, value) {
        set({ [field]: value } as Pick<ClientState, typeof field>);
      },

      async load() {
        let session: ClientSessionView | null;
        try {
          session = await appApi.clientSession({ clientKind });
        } catch (caught) {
          // The service is unreachable: keep what is shown, but leave "loading" for the form.
          if (get().view === 'loading') set({ view: 'sign-in', error: asPayload(caught) });
          return;
        }
        if (session) {
          if (get().session?.id !== session.id) signedIn(session);
        } else if (get().view === 'signed-in' || get().view === 'loading') {
          // Ended while the connection was down: the cause is unknown, so none is shown.
          set({ view: 'sign-in', session: null, notice: get().view === 'loading' ? get().notice : null });
        }
      },

      async signIn() {
        const { appleId, password } = get();
        set({ notice: null, sheetOpen: false, siteNotice: null });
        await run(
          async () => {
            const result = await appApi.clientSignIn({ clientKind, appleId, password });
            switch (result.status) {
              case 'SIGNED_IN':
                signedIn(result.session);
                break;
              case 'APP_SPECIFIC_PASSWORD_REQUIRED':
                if (result.createShortcut) set({ sheetOpen: true });
                else set({ appPasswordRequired: true, focusPassword: get().focusPassword + 1 });
                break;
              case 'VERIFICATION_REQUIRED':
                set({ view: 'choose-device', challenge: result, codeSent: null, password: '', code: '' });
                break;
              case 'CODE_REQUIRED':
                set({ appCode: { verificationId: result.verificationId, devices: result.devices, codeSent: result.codeSent, resent: false }, code: '' });
                break;
              case 'PASSWORD_WITH_CODE_REQUIRED':
                // The old Mac refuses the password; the field waits for the password with the code after it.
                set({ passwordWithCode: true, password: '', focusPassword: get().focusPassword + 1 });
                break;
            }
          },
          (error) => {
            if (errorField(error) === 'password') set({ focusPassword: get().focusPassword + 1 });
          },
        );
      },

      async signOut() {
        await run(async () => {
          await appApi.signOutClient({ clientKind });
          signedOut(null);
        });
      },

      async sendCode(deviceId) {
        const challenge = get().challenge;
        if (!challenge) return;
        await run(
          async () => {
            const codeSent = await appApi.sendICloudCode({ verificationId: challenge.verificationId, deviceId });
            set({ view: 'enter-code', codeSent, code: '' });
          },
          (error) => {
            if (VERIFICATION_GONE.has(error.code)) set({ view: 'sign-in', challenge: null, codeSent: null });
          },
        );
      },

      async verifyCode() {
        const { challenge, code } = get();
        if (!challenge) return;
        await run(
          async () => signedIn(await appApi.completeICloudSignIn({ verificationId: challenge.verificationId, code })),
          (error) => {
            if (VERIFICATION_GONE.has(error.code)) set({ view: 'sign-in', challenge: null, codeSent: null });
          },
        );
      },

      chooseAnotherDevice() {
        set({ view: 'choose-device', code: '', error: null });
      },

      cancelVerification() {
        set({ view: 'sign-in', challenge: null, codeSent: null, code: '', error: null });
      },

      async verifyAppCode() {
        const { appCode, code } = get();
        if (!appCode || (clientKind !== 'messages' && clientKind !== 'facetime')) return;
        await run(
          async () => signedIn(await appApi.completeAppCodeSignIn({ clientKind, verificationId: appCode.verificationId, code })),
          (error) => {
            // A code whose sign-in is over (expired, locked): back to the password, the error shown there.
            if (VERIFICATION_GONE.has(error.code) || error.code === 'LOCKED' || error.code === 'HARD_LOCKED') {
              set((s) => ({ appCode: null, code: '', focusPassword: s.focusPassword + 1 }));
            } else {
              set({ code: '' });
            }
          },
        );
      },

      async resendAppCode(deviceId) {
        const appCode = get().appCode;
        if (!appCode || (clientKind !== 'messages' && clientKind !== 'facetime')) return;
        await run(
          async () => {
            const codeSent = await appApi.sendAppCode({ clientKind, verificationId: appCode.verificationId, deviceId });
            set({ appCode: { ...appCode, codeSent, resent: true }, code: '' });
          },
          (error) => {
            if (VERIFICATION_GONE.has(error.code)) set((s) => ({ appCode: null, focusPassword: s.focusPassword + 1 }));
          },
        );
      },

      cancelAppCode() {
        set((s) => ({ appCode: null, code: '', error: null, password: '', focusPassword: s.focusPassword + 1 }));
      },

      closeSheet() {
        set((s) => ({ sheetOpen: false, focusPassword: s.focusPassword + 1 }));
      },

      async createAppPassword(open) {
        await run(async () => {
          try {
            const opened = await open();
            set({ siteNotice: opened === 'opened' ? null : opened });
          } finally {
            // Whatever happened, the sheet goes and the form waits for the pasted password.
            set((s) => ({ sheetOpen: false, password: '', focusPassword: s.focusPassword + 1 }));
          }
        });
      },

      onServiceEvent(event) {
        if (event.type === 'client-session-started') {
          if (event.session.clientKind === clientKind) signedIn(event.session);
          return;
        }
        if (event.type !== 'client-session-ended' || event.clientKind !== clientKind) return;
        const current = get().session;
        // Only the session this window shows: an older one ending (replaced) changes nothing.
        if (!current || current.id !== event.sessionId) return;
        signedOut(noticeFor(event.reason));
      },
    };
  });
}
