/**
 * The server profiles: how iCloud, Gmail and Fastmail answered mail clients (greetings, the
 * refusal of a normal password on an account with two-step verification, wrong credentials).
 * Gmail's lines are its own, as clients have logged them; iCloud's and Fastmail's refusals are
 * theirs, the rest in their style. Only the wording changes: every profile runs the same rules.
 */
import { MAIL_PROFILES, type MailProfileName } from '../../preload/contract/mail-types.js';

export { MAIL_PROFILES, type MailProfileName };

/** What the IMAP server implements; STARTTLS and AUTH=PLAIN are added before signing in. */
export type ImapCapability = 'IMAP4' | 'IMAP4rev1' | 'LITERAL+' | 'SASL-IR' | 'ID' | 'IDLE' | 'NAMESPACE' | 'UNSELECT' | 'SPECIAL-USE' | 'CHILDREN';

export interface SmtpReply {
  code: number;
  /** One line, or several (a multi-line reply: `534-…` then `534 …`). */
  lines: string[];
}

export interface MailProfile {
  /** What the control center and the README call it. */
  title: string;
  imap: {
    /**
     * The capabilities in the order the provider lists them, of those TwoStep implements (Gmail's
     * X-GM-EXT-1, iCloud's XAPPLEPUSHSERVICE and the rest are left out: a client would use them).
     */
    capabilities: readonly ImapCapability[];
    /** After `* OK ` (a `[CAPABILITY …]` code is put before it). */
    greeting: (sessionId: string) => string;
    /** After `<tag> OK ` for CAPABILITY. */
    capabilityDone: (sessionId: string) => string;
    /** The RFC 2971 ID the server answers with. */
    id: Record<string, string>;
    /** After `<tag> NO `: a normal password where an app-specific one is needed. */
    appPasswordRequired: string;
    /** After `<tag> NO `: a wrong password, an unknown user. */
    invalidCredentials: string;
    /** After `<tag> OK ` for LOGIN / AUTHENTICATE. */
    authenticated: string;
  };
  smtp: {
    /** The text after `220 <host> ESMTP `. */
    banner: (sessionId: string) => string;
    appPasswordRequired: (sessionId: string) => SmtpReply;
    invalidCredentials: (sessionId: string) => SmtpReply;
  };
}

export const MAIL_PROFILE: Record<MailProfileName, MailProfile> = {
  icloud: {
    title: 'iCloud',
    imap: {
      capabilities: ['IMAP4', 'IMAP4rev1', 'SASL-IR', 'ID', 'IDLE', 'NAMESPACE', 'UNSELECT', 'CHILDREN', 'SPECIAL-USE', 'LITERAL+'],
      greeting: () => 'iCloud IMAP4 service ready (TwoStep simulation)',
      capabilityDone: () => 'Completed',
      id: { name: 'iCloud', vendor: 'TwoStep (simulation, not Apple)', 'support-url': 'https://support.apple.com' },
      appPasswordRequired: '[AUTHENTICATIONFAILED] Authentication failed',
      invalidCredentials: '[AUTHENTICATIONFAILED] Authentication failed',
      authenticated: 'User logged in',
    },
    smtp: {
      banner: () => 'iCloud SMTP (TwoStep simulation)',
      appPasswordRequired: () => ({ code: 535, lines: ['5.7.8 Authentication failed'] }),
      invalidCredentials: () => ({ code: 535, lines: ['5.7.8 Authentication failed'] }),
    },
  },
  gmail: {
    title: 'Gmail',
    imap: {
      capabilities: ['IMAP4rev1', 'UNSELECT', 'IDLE', 'NAMESPACE', 'ID', 'CHILDREN', 'SASL-IR', 'SPECIAL-USE', 'LITERAL+'],
      greeting: (id) => `Gimap ready for requests from 127.0.0.1 ${id}`,
      capabilityDone: (id) => `Thats all she wrote! ${id}`,
      id: { name: 'GImap', vendor: 'TwoStep (simulation, not Google)', 'support-url': 'https://support.google.com/mail' },
      appPasswordRequired: '[ALERT] Application-specific password required: https://support.google.com/accounts/answer/185833 (Failure)',
      invalidCredentials: '[AUTHENTICATIONFAILED] Invalid credentials (Failure)',
      authenticated: 'user authenticated (Success)',
    },
    smtp: {
      banner: (id) => `${id} - gsmtp`,
      appPasswordRequired: (id) => ({
        code: 534,
        lines: ['5.7.9 Application-specific password required. For more information, go to', `5.7.9  https://support.google.com/mail/?p=InvalidSecondFactor ${id} - gsmtp`],
      }),
      invalidCredentials: (id) => ({
        code: 535,
        lines: ['5.7.8 Username and Password not accepted. For more information, go to', `5.7.8  https://support.google.com/mail/?p=BadCredentials ${id} - gsmtp`],
      }),
    },
  },
  fastmail: {
    title: 'Fastmail',
    imap: {
      capabilities: ['IMAP4rev1', 'LITERAL+', 'ID', 'SASL-IR', 'NAMESPACE', 'UNSELECT', 'CHILDREN', 'SPECIAL-USE', 'IDLE'],
      greeting: () => 'IMAP4 ready (TwoStep simulation of Fastmail)',
      capabilityDone: () => 'Completed',
      id: { name: 'Cyrus IMAP', vendor: 'TwoStep (simulation, not Fastmail)', 'support-url': 'https://www.fastmail.help' },
      appPasswordRequired: 'Incorrect username or password.',
      invalidCredentials: 'Incorrect username or password.',
      authenticated: 'User logged in',
    },
    smtp: {
      banner: () => 'ESMTP ready (TwoStep simulation of Fastmail)',
      appPasswordRequired: () => ({ code: 535, lines: ['5.7.0 Incorrect username or password.'] }),
      invalidCredentials: () => ({ code: 535, lines: ['5.7.0 Incorrect username or password.'] }),
    },
  },
};

/** The refusals that are TwoStep's own rules, the same in every profile. */
export const LOCKED_TEXT = 'This Apple ID has been locked for security reasons.';
export const TRY_AGAIN_TEXT = 'Too many sign-ins at once; try again in a moment.';
