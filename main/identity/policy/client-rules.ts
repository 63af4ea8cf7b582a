import type { ClientKind, SecurityLevel } from '../../../preload/contract/models.js';
import type { MacOsVersion } from '../../../preload/contract/presenter.js';

/**
 * What a sign-in must present, by where it happens and how the account is protected (SPEC §3).
 * Under two-factor authentication Messages and FaceTime take no app-specific password: on OS X
 * 10.11 or later the app asks for the code itself ('code-in-app'); on 10.10, which knows nothing
 * of two-factor authentication, the code is typed straight after the password
 * ('password-with-code').
 */
export type Requirement = 'password' | 'app-password' | 'password-and-code' | 'code-in-app' | 'password-with-code';

/** Real mail clients, over the IMAP and SMTP servers of main/mail. */
export type MailProtocol = 'imap' | 'smtp';

export type SignInPlace = ClientKind | 'account-site' | MailProtocol;

/** Where an app signs in: the Mac's OS version (the presenter's choice; 10.11 unless told). */
export interface AppContext {
  macOs?: MacOsVersion;
}

export function requirementFor(place: SignInPlace, level: SecurityLevel, context: AppContext = {}): Requirement {
  if (level === 'none') return 'password';
  switch (place) {
    case 'messages':
    case 'facetime':
      if (level === 'two-step') return 'app-password';
      return context.macOs === '10.10' ? 'password-with-code' : 'code-in-app';
    // Third-party apps, and real mail clients (IMAP, SMTP), which know nothing of codes.
    case 'third-party':
    case 'imap':
    case 'smtp':
      return 'app-password';
    case 'icloud':
    case 'account-site':
      return 'password-and-code';
    default:
      throw missingCase(place);
  }
}

/** Messages and FaceTime offer a Create button that opens the account site with this label. */
export function prefillLabelFor(client: ClientKind): string | null {
  return client === 'messages' || client === 'facetime' ? 'iMessage and FaceTime' : null;
}

export function codeLengthFor(level: SecurityLevel): 4 | 6 {
  return level === 'two-factor' ? 6 : 4;
}

export function missingCase(value: never): Error {
  // Stryker disable next-line StringLiteral: unreachable — the type checker proves every case handled
  return new Error(`Unhandled case: ${String(value)}`);
}
