import type { ClientKind, SecurityLevel } from '../../../preload/contract/models.js';

/** What a sign-in must present, by where it happens and how the account is protected (SPEC §3). */
export type Requirement = 'password' | 'app-password' | 'password-and-code';

/** Real mail clients, over the IMAP and SMTP servers of main/mail. */
export type MailProtocol = 'imap' | 'smtp';

export type SignInPlace = ClientKind | 'account-site' | MailProtocol;

export function requirementFor(place: SignInPlace, level: SecurityLevel): Requirement {
  if (level === 'none') return 'password';
  switch (place) {
    // The apps, and real mail clients (IMAP, SMTP), which know nothing of codes.
    case 'messages':
    case 'facetime':
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
