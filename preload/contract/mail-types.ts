/**
 * The mail servers (IMAP and SMTP on 127.0.0.1) as the control center shows and sets them, and
 * the drawn third-party mail app's window as main's IMAP client sees it. Plain data, no zod:
 * the pages import it (the schemas are in mail-inputs.ts).
 */
export const MAIL_PROFILES = ['icloud', 'gmail', 'fastmail'] as const;
export type MailProfileName = (typeof MAIL_PROFILES)[number];

export interface MailSettings {
  profile: MailProfileName;
  /** Off by default: a revoked password ends its open sessions at once (Google does not say which it does). */
  keepSessionsOnRevoke: boolean;
  /** The language of the notification mails. */
  language: 'en' | 'ja';
}

export interface OpenMailSessionView {
  id: string;
  protocol: 'imap' | 'smtp';
  appleId: string;
  clientName: string | null;
  appPasswordLabel: string | null;
  startedAt: number;
}

/** The notification mails' language as the presenter chose it: the pages' language, or one of its own. */
export const MAIL_LANGUAGE_CHOICES = ['pages', 'en', 'ja'] as const;
export type MailLanguageChoice = (typeof MAIL_LANGUAGE_CHOICES)[number];

/** What a user types into a mail client, and what the control center shows. */
export interface MailServersView {
  imap: { host: string; port: number; security: string };
  /** IMAP with TLS from the first byte (IMAPS, RFC 8314). */
  imaps: { host: string; port: number; security: string };
  smtp: { host: string; port: number; security: string };
  /** SMTP submission with TLS from the first byte (submissions, RFC 8314). */
  smtps: { host: string; port: number; security: string };
  userName: string;
  password: string;
  certificateFingerprint: string;
  settings: MailSettings;
  sessions: OpenMailSessionView[];
}

/** The mail servers as the control center shows them: the view, and how the mails' language was chosen. */
export interface MailServersPanelView extends MailServersView {
  languageChoice: MailLanguageChoice;
}

/** One message in the drawn mail app's list. */
export interface MailListItem {
  uid: number;
  from: string;
  subject: string;
  date: number;
  seen: boolean;
}

/** The drawn mail app, as main's IMAP connection for it stands. */
export type MailWindowState =
  | { status: 'signed-out'; appleId: string | null; refusal: MailRefusal | null; ended: string | null }
  | { status: 'connected'; appleId: string; messages: MailListItem[] };

/** Why the server refused a sign-in, as the client understood the answer. */
export interface MailRefusal {
  kind: 'incorrect' | 'locked' | 'unavailable';
  /** The server's own words (its NO line, without the tag). */
  serverText: string;
}

export interface MailMessageView {
  uid: number;
  from: string;
  to: string;
  subject: string;
  date: number;
  text: string;
}
