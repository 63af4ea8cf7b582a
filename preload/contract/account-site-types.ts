import type { AccountView, TrustedDeviceView } from './models.js';

/** The second step of a sign-in: choose a trusted device, then type its code. */
export interface SignInChallenge {
  status: 'VERIFICATION_REQUIRED';
  verificationId: string;
  devices: TrustedDeviceView[];
  codeLength: 4 | 6;
  /** Two-step verification: "Lost access to your devices?" accepts the recovery key. */
  recoveryKeyAccepted: boolean;
}

export interface CodeSent {
  deviceId: number;
  deviceName: string;
  codeLength: 4 | 6;
  expiresAt: number;
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
