import type { AccountView, TrustedDeviceView } from './models.js';

/** The second step of a sign-in: choose a trusted device, then type its code. */
export interface SignInChallenge {
  status: 'VERIFICATION_REQUIRED';
  verificationId: string;
  devices: TrustedDeviceView[];
  codeLength: 4 | 6;
  /** The account's level, so the page names what protects it (two-step verification or two-factor authentication). */
  securityLevel: 'two-step' | 'two-factor';
  /** Two-step verification: "Lost access to your devices?" accepts the recovery key. */
  recoveryKeyAccepted: boolean;
}

export interface CodeSent {
  /** The trusted device; null when the code went to a phone number being added. */
  deviceId: number | null;
  deviceName: string;
  codeLength: 4 | 6;
  expiresAt: number;
  /**
   * Two-factor authentication, to a trusted iPhone: the iPhone asks Allow / Don't Allow first and
   * shows the code only once allowed (`expiresAt` is then the attempt's end); the page may wait
   * for the answer. False for a code sent straight away (two-step, or SMS to a phone number).
   */
  awaitsApproval: boolean;
}

/**
 * Two-factor: the answer to the asking page's wait for the trusted iPhone ("Apple ID Sign In
 * Requested") — 'allowed' (the code is on the iPhone) or 'pending' (nobody answered within the
 * wait: ask again). Don't Allow is no answer but the error SIGN_IN_DENIED, at once. Every place
 * that asks for a code at the iPhone has this method, each about its own sign-ins only.
 */
export interface SignInDecision {
  decision: 'allowed' | 'pending';
}

export interface PasswordChanged {
  revokedAppPasswords: number;
  signedOutApps: number;
}

export interface SecurityChanged {
  account: AccountView;
  /** Two-step verification only: the new recovery key, shown once. */
  recoveryKey: string | null;
  revokedAppPasswords: number;
}

/** A phone number being added: the code went to it by SMS; typing it makes the number trusted. */
export interface PhoneVerification {
  verificationId: string;
  phoneNumber: string;
  codeLength: 4 | 6;
  expiresAt: number;
}

/** A signed-in session: `sessionKey` is the half of it the page keeps and sends in a header. */
export interface SessionOpened {
  account: AccountView;
  sessionKey: string;
}

/**
 * An account recovery request (two-factor authentication, no recovery key): it waits until
 * `readyAt`, when the user is contacted at the trusted number (`contactAt`) and may set a new
 * password with a code sent there; a sign-in with the account meanwhile cancels it.
 */
export interface AccountRecoveryView {
  recoveryId: string;
  state: 'waiting' | 'ready' | 'cancelled' | 'completed';
  requestedAt: number;
  readyAt: number;
  contactAt: number;
  /** The trusted number, masked (•••-••23). */
  phone: string;
}
