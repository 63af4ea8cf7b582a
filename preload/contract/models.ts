/**
 * The shapes the identity service hands out. Plain data, free of Electron and Node, shared
 * by main (which produces them) and every front end (which shows them). Times are epoch
 * milliseconds. None of them ever carries a secret, except where a field says "shown once".
 */

export const CLIENT_KINDS = ['messages', 'facetime', 'icloud', 'third-party'] as const;
export type ClientKind = (typeof CLIENT_KINDS)[number];

export const SECURITY_LEVELS = ['none', 'two-step', 'two-factor'] as const;
export type SecurityLevel = (typeof SECURITY_LEVELS)[number];

export type TrustedDeviceKind = 'iphone' | 'phone';

export interface TrustedDeviceView {
  id: number;
  kind: TrustedDeviceKind;
  /** "Taro's iPhone" or the phone number as the user typed it. */
  name: string;
  /** For a phone number: only its last two digits are shown before sign-in. */
  maskedName: string;
}

export interface AccountView {
  appleId: string;
  fullName: string;
  securityLevel: SecurityLevel;
  devices: TrustedDeviceView[];
  passwordChangedAt: number;
  hasRecoveryKey: boolean;
  activeAppPasswords: number;
}

export interface AppPasswordView {
  id: number;
  label: string;
  createdAt: number;
  lastUsedAt: number | null;
  /**
   * A simulated app (a ClientKind), or what a mail client signed in over IMAP or SMTP: its
   * IMAP ID name, else "IMAP" / "SMTP".
   */
  lastUsedBy: string | null;
  revokedAt: number | null;
  /**
   * A revoked password that a client went on presenting (a mail client retrying its saved
   * password): when it last did, which client (named as in lastUsedBy), and how often. Such a
   * retry is refused and spends nothing of the account's failure budget.
   */
  usedAfterRevocation: { at: number; by: string; times: number } | null;
}

/** A new app-specific password: `password` is shown once and never stored in the clear. */
export interface NewAppPassword {
  appPassword: AppPasswordView;
  password: string;
}

export type SessionEndReason =
  | 'signed-out'
  | 'app-password-revoked'
  | 'password-changed'
  | 'security-changed'
  | 'software-update'
  | 'sim-swap'
  | 'unexpected'
  | 'replaced'
  | 'demo-reset';

export interface ClientSessionView {
  id: string;
  clientKind: ClientKind;
  appleId: string;
  fullName: string;
  /** The label of the app-specific password signed in with, or null for the normal password. */
  appPasswordLabel: string | null;
  startedAt: number;
}

/**
 * A client signed in now, as "Who is signed in where" lists it: a Mac app of the stage (its
 * session in the identity service), or a mail client holding IMAP or SMTP connections (grouped
 * by the name View History gives it — its IMAP ID name, else "IMAP" or "SMTP" — its Apple ID
 * and the app-specific password it signed in with).
 */
export type SignedInClient =
  | { kind: 'app'; clientKind: ClientKind; appleId: string; appPasswordLabel: string | null; startedAt: number }
  | { kind: 'mail'; name: string; protocols: ('imap' | 'smtp')[]; connections: number; appleId: string; appPasswordLabel: string | null; startedAt: number };

export type ActivityOutcome = 'success' | 'failure' | 'info';

export const ACTIVITY_EVENTS = [
  'account-created',
  'sign-in',
  'sign-in-refused',
  'app-password-required',
  'verification-required',
  'code-sent',
  'code-accepted',
  'code-refused',
  'recovery-key-accepted',
  'recovery-key-refused',
  'account-locked',
  'account-hard-locked',
  'account-disabled',
  'account-unlocked',
  'recovery-key-replaced',
  'app-password-created',
  'app-password-used',
  'app-password-revoked',
  'app-passwords-revoked-all',
  'app-password-used-after-revocation',
  'password-changed',
  'security-level-changed',
  'trusted-device-added',
  'trusted-device-removed',
  'session-ended',
  'portal-signed-out',
  'scenario',
  'demo-reset',
  // The places of issue 19: the App Store on a Mac, Apple ID support.
  'mac-trusted',
  'app-purchased',
  'support-case-opened',
  // Two-factor authentication: a trusted iPhone asked to allow a sign-in, and its answer.
  'sign-in-requested',
  'sign-in-allowed',
  'sign-in-denied',
  // Two-factor authentication's "Trust this browser?".
  'browser-trusted',
  'trusted-browser-ended',
  // Account recovery under two-factor authentication (issue 19 part B).
  'account-recovery-requested',
  'account-recovery-cancelled',
  'account-recovered',
] as const;
export type ActivityEvent = (typeof ACTIVITY_EVENTS)[number];

export interface ActivityEntry {
  id: number;
  at: number;
  appleId: string | null;
  /** A client kind, 'account-site', a device name, or 'control-center'. */
  source: string;
  event: ActivityEvent;
  outcome: ActivityOutcome;
  /** Extra facts (a label, a reason, a lock's end) — never a password, code or key. */
  detail: Record<string, string | number | boolean | null>;
}

/**
 * Where a sign-in that a trusted iPhone is asked to allow happens, as its alert names it
 * (two-factor authentication): My Apple ID, support and the account's recovery in a web
 * browser, iCloud.com, or a Mac (iCloud's preference pane, the App Store).
 */
export type SignInRequestPlace = 'web-browser' | 'icloud-com' | 'mac';

/**
 * Under two-factor authentication a trusted iPhone first asks "Apple ID Sign In Requested" —
 * Allow or Don't Allow — and shows a code only once allowed. The sign-in is on this machine, so
 * its approximate location is always the simulated one (near Tokyo).
 */
export interface SignInRequest {
  place: SignInRequestPlace;
  decision: 'pending' | 'allowed' | 'denied';
}

/** What a trusted device receives: the only place a verification code is ever shown. */
export interface DeviceNotification {
  id: string;
  /** The trusted device; null for a phone number being added, not trusted yet. */
  deviceId: number | null;
  deviceKind: TrustedDeviceKind;
  deviceName: string;
  appleId: string;
  code: string;
  sentAt: number;
  expiresAt: number;
  /** The earlier code of the same verification that this one replaced (no longer valid). */
  replaces: string | null;
  /** When the code was typed and accepted (it never works twice), or null while unused. */
  usedAt: number | null;
  /**
   * Set on the alert that asks Allow / Don't Allow (then `code` is empty and `expiresAt` is the
   * end of the sign-in attempt); sent again once answered. Null on a code.
   */
  request: SignInRequest | null;
}

export type ScenarioEvent = 'sign-out' | 'software-update' | 'sim-swap' | 'change-password' | 'unexpected-re-sign-in' | 'new-mac' | 'security-level';

/** Events the identity service pushes to whoever subscribed (windows, the device page). */
export type ServiceEvent =
  | { type: 'client-session-started'; session: ClientSessionView }
  | { type: 'client-session-ended'; sessionId: string; clientKind: ClientKind; appleId: string; reason: SessionEndReason }
  // A code delivered to a trusted device — or its notification again, marked used once the code
  // was accepted; or a sign-in request (Allow / Don't Allow), again once answered. Either way it
  // goes only to the device (it carries the code).
  | { type: 'code-delivered'; notification: DeviceNotification }
  | { type: 'activity'; entry: ActivityEntry }
  | CredentialsRevoked
  // Pushed beside the service's own events by main/mail: the servers' view (sessions, settings)
  // or the drawn mail app's connection changed; the page asks for the new state.
  | { type: 'mail-changed'; what: 'servers' | 'window' }
  // The places of issue 19: browser sessions of iCloud.com or support opened or ended, or the
  // App Store of this Mac changed (signed in or out, trusted, a purchase, a new Mac).
  | { type: 'places-changed'; what: 'web-sessions' | 'app-store' | 'trusted-browsers' };

/**
 * Credentials that no longer sign in, published after the change committed: the mail servers
 * end (at once, with `* BYE` and the reason) the sessions opened with them. `appPasswordIds`
 * are the app-specific passwords revoked; `accountPassword` says sessions opened with the
 * account's own password end too (a new password, a reset). `accountId` null: every account.
 */
export interface CredentialsRevoked {
  type: 'credentials-revoked';
  accountId: number | null;
  appPasswordIds: number[];
  accountPassword: boolean;
  reason: SessionEndReason;
}
