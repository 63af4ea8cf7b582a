import { z } from 'zod';
import type { CodeSent, SignInChallenge } from './account-site-types.js';
import { method } from './define.js';
import { inputs } from './inputs.js';
import { mailSettingsInput } from './mail-inputs.js';
import type { MailMessageView, MailServersPanelView, MailWindowState } from './mail-types.js';
import type { ActivityEntry, ClientSessionView, DeviceNotification, SecurityLevel, SignedInClient } from './models.js';
import { placesAppContract } from './places-app-contract.js';
import { presenterInputs } from './presenter-inputs.js';
import type { PresenterState } from './presenter.js';
import { twoFactorAppsInputs } from './two-factor-apps-inputs.js';
import { appleIdSchema, labelSchema, localeSchema, signInPasswordSchema } from './schemas.js';

const none = z.strictObject({});

export type ClientSignInResult =
  | { status: 'SIGNED_IN'; session: ClientSessionView }
  | {
      status: 'APP_SPECIFIC_PASSWORD_REQUIRED';
      /** Messages and FaceTime: the label the account site's generate page is opened with. */
      prefillLabel: string | null;
      /** Whether the app offers Create (Messages, FaceTime) or only says so (the third-party app). */
      createShortcut: boolean;
    }
  | SignInChallenge
  /** Two-factor authentication, OS X 10.11 or later: the code went to a trusted device; the app asks for it. */
  | ({ status: 'CODE_REQUIRED'; codeSent: CodeSent } & Omit<SignInChallenge, 'status'>)
  /**
   * Two-factor authentication, OS X 10.10: the password alone is refused (a code was sent) —
   * type the password with the code straight after it.
   */
  | { status: 'PASSWORD_WITH_CODE_REQUIRED'; codeLength: 6 };

/** The windows the control center opens: one per simulated app, and the trusted iPhone. */
export const APP_WINDOWS = ['control', 'messages', 'facetime', 'icloud', 'mail', 'iphone', 'appstore'] as const;
export type AppWindow = (typeof APP_WINDOWS)[number];

export interface AppInfo {
  /** Where the account site is served (the real browser opens it). */
  accountSiteOrigin: string;
  /** 'desktop' in Electron, 'browser' in browser mode. */
  shell: 'desktop' | 'browser';
}

/**
 * Everything the TwoStep windows (the control center, the four apps and the trusted iPhone)
 * may ask of main. One contract, two transports: IPC in the desktop app (through the
 * preload's contextBridge) and HTTP in browser mode (`POST /api/app/<method>`); pushed
 * service events arrive by `subscribe` (IPC) or Server-Sent Events (`GET /api/app/events`).
 */
export const appContract = {
  info: method(none).returns<AppInfo>(),
  clientSignIn: method(inputs.clientSignIn).returns<ClientSignInResult>(),
  sendICloudCode: method(inputs.sendCode).returns<CodeSent>(),
  completeICloudSignIn: method(inputs.verifyCode).returns<ClientSessionView>(),
  /** Messages and FaceTime under two-factor authentication (OS X 10.11 or later): "Didn't get a code?", and the code. */
  sendAppCode: method(twoFactorAppsInputs.sendAppCode).returns<CodeSent>(),
  completeAppCodeSignIn: method(twoFactorAppsInputs.verifyAppCode).returns<ClientSessionView>(),
  clientSession: method(inputs.client).returns<ClientSessionView | null>(),
  clientSessions: method(none).returns<ClientSessionView[]>(),
  signOutClient: method(inputs.client).returns<Record<string, never>>(),
  /** Who is signed in where: the Mac apps' sessions and the mail clients' open connections. */
  signedIn: method(none).returns<SignedInClient[]>(),
  /**
   * Create: opens the account site's generate page with the label filled in (or, for the
   * control center, its Manage page). The desktop app
   * opens the default browser itself (`opened: true`); browser mode returns the URL for the
   * page to open in a new tab — or, with `reuseOpenTab` when My Apple ID is open already
   * (`PresenterState.siteTabs`), has that tab show the page (`opened: true`), so no second tab
   * opens. `opened: false` then means the tab had closed meanwhile.
   */
  openAccountSite: method(
    z.strictObject({
      page: z.enum(['generate', 'manage']).default('generate'),
      label: labelSchema.optional(),
      lang: localeSchema,
      reuseOpenTab: z.boolean({ error: 'errors.INVALID_INPUT' }).default(false),
    }),
  ).returns<{ url: string; opened: boolean }>(),
  /** Desktop: opens (or focuses) that window (`opened: true`). Browser mode: the page opens its address. */
  openWindow: method(z.strictObject({ window: z.enum(APP_WINDOWS) })).returns<{ opened: boolean }>(),
  runScenario: method(inputs.scenario).returns<{ signedOutApps: number }>(),
  /** How an account is protected now (the control center's then-and-now switch shows it). */
  securityLevel: method(z.strictObject({ appleId: appleIdSchema })).returns<{ securityLevel: SecurityLevel }>(),
  activity: method(inputs.activity).returns<ActivityEntry[]>(),
  deviceNotifications: method(none).returns<DeviceNotification[]>(),
  /** The trusted iPhone's Allow / Don't Allow on "Apple ID Sign In Requested" (two-factor). */
  answerSignInRequest: method(inputs.answerSignInRequest).returns<{ decision: 'allowed' | 'denied' }>(),
  /**
   * Reset & restart: the store back to the demo account, the presenter clock back to real
   * time, and a new run (PresenterState.run) that puts every open page back to its first state.
   */
  resetDemo: method(none).returns<Record<string, never>>(),
  /** The presenter state: the one language, the tour step, the clock skipped, the run. */
  presenter: method(none).returns<PresenterState>(),
  /** The language of every page of both origins (each page's switch calls this). */
  setLanguage: method(presenterInputs.setLanguage).returns<PresenterState>(),
  /** The tour step the presenter is on, for the banner the account site shows. */
  setTour: method(presenterInputs.setTour).returns<PresenterState>(),
  /** Large type on every page of both origins (the Presenter section's switch). */
  setLargeType: method(presenterInputs.setLargeType).returns<PresenterState>(),
  /** The stage's Mac's OS X version (Scenarios): how Messages and FaceTime take a two-factor code. */
  setMacOs: method(presenterInputs.setMacOs).returns<PresenterState>(),
  /** Moves the identity service's clock ahead (to show a code expiring); shown as skipped time. */
  skipClock: method(presenterInputs.skipClock).returns<PresenterState>(),
  /** The IMAP and SMTP servers: what to type into a client, the open sessions, the settings. */
  mailServers: method(none).returns<MailServersPanelView>(),
  setMailSettings: method(mailSettingsInput).returns<MailServersPanelView>(),
  /** The drawn third-party mail app: main's IMAP connection for it. */
  mailWindow: method(none).returns<MailWindowState>(),
  mailWindowSignIn: method(z.strictObject({ appleId: appleIdSchema, password: signInPasswordSchema })).returns<MailWindowState>(),
  mailWindowSignOut: method(none).returns<MailWindowState>(),
  mailWindowMessage: method(z.strictObject({ uid: z.number().int().positive().max(2 ** 32) })).returns<MailMessageView | null>(),
  /** The App Store window, the control center's places (issue 19): places-app-contract.ts. */
  ...placesAppContract,
};

export type AppContract = typeof appContract;
