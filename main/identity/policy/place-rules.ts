import type { SecurityLevel } from '../../../preload/contract/models.js';
import type { VerificationPurpose } from '../store/verifications-repo.js';

/**
 * The places of Apple's FAQ that ask for the Apple ID password and then a code from a trusted
 * device (SPEC §3, issue 19): My Apple ID, iCloud.com, buying from the App Store on a Mac it
 * does not know yet, and Apple ID support. (iCloud on a new Mac is a client app: client-rules.ts.)
 */
export type CodePlace = Extract<VerificationPurpose, 'account-site' | 'icloud-web' | 'app-store' | 'support'>;

/** What a place knows of where the sign-in happens. */
export interface PlaceContext {
  /** App Store: the Mac was trusted for this account's purchases by a code typed on it before. */
  macTrusted?: boolean;
  /** My Apple ID, iCloud.com: the browser was trusted there ("Trust this browser?", two-factor authentication only). */
  browserTrusted?: boolean;
}

/**
 * Whether a right password at `place` must be followed by a code. Without two-step (or
 * two-factor) protection never. My Apple ID asks every time, whatever the browser; so do
 * iCloud.com (its "Keep me signed in" keeps a session, it never skips the code of a new one) and
 * support. The App Store asks only on a Mac it does not trust for the account yet. Under
 * two-factor authentication a browser trusted at My Apple ID or iCloud.com is not asked there.
 */
export function codeNeededAt(place: CodePlace, level: SecurityLevel, context: PlaceContext = {}): boolean {
  if (level === 'none') return false;
  switch (place) {
    case 'account-site':
    case 'icloud-web':
      return !(level === 'two-factor' && context.browserTrusted === true);
    case 'support':
      return true;
    case 'app-store':
      return context.macTrusted !== true;
  }
}
