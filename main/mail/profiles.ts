/**
 * The server profiles: how iCloud, Gmail and Fastmail answered mail clients around 2015. Only
 * the words change: every profile runs the same rules (SPEC §3).
 *
 * Each line says where it comes from: a public transcript, a client's bug report or a library's
 * test fixture that quotes the provider (repository and path, or the address of the thread).
 * Where no such source was found, the comment says so and the words are TwoStep's own, marked
 * "(TwoStep simulation)" where a person would read them. Provider extensions TwoStep does not
 * implement (XAPPLEPUSHSERVICE, AUTH=ATOKEN, X-GM-EXT-1, XLIST, QUOTA, COMPRESS, CONDSTORE…)
 * are left out of the capability lists, since a client would use them; the order of the rest
 * is the provider's.
 *
 * On the plain IMAP and SMTP ports TwoStep adds STARTTLS, which none of the three offered on
 * IMAP (their IMAP was TLS on 993 only: see the implicit-TLS ports); a client that insists on
 * the provider's own setup uses the IMAPS and SMTPS ports instead.
 */
import { MAIL_PROFILES, type MailProfileName } from '../../preload/contract/mail-types.js';
import type { SpecialUse } from './store/mailbox-store.js';

export { MAIL_PROFILES, type MailProfileName };

/** What the IMAP server implements; STARTTLS and AUTH=PLAIN are added before signing in. */
export type ImapCapability = 'IMAP4' | 'IMAP4rev1' | 'LITERAL+' | 'SASL-IR' | 'ID' | 'IDLE' | 'NAMESPACE' | 'UNSELECT' | 'SPECIAL-USE' | 'CHILDREN' | 'UIDPLUS' | 'MOVE';

export interface SmtpReply {
  code: number;
  /** One line, or several (a multi-line reply: `534-…` then `534 …`). */
  lines: string[];
}

export interface MailProfile {
  /** What the control center and the README call it. */
  title: string;
  imap: {
    /** Before signing in, in the provider's order (STARTTLS on the plain port and AUTH=PLAIN follow). */
    capabilitiesBeforeLogin: readonly ImapCapability[];
    /** Once signed in. */
    capabilities: readonly ImapCapability[];
    /** Whether the greeting carries `[CAPABILITY …]` (Gmail's did not). */
    greetingCapability: boolean;
    /** After `* OK ` (and the `[CAPABILITY …]` code, where there is one). */
    greeting: (sessionId: string) => string;
    /** After `<tag> OK ` for CAPABILITY. */
    capabilityDone: (sessionId: string) => string;
    /** The RFC 2971 ID the server answers with. */
    id: Record<string, string>;
    /** After `<tag> NO `: a normal password where an app-specific one is needed (two-step verification, 2015). */
    appPasswordRequired: string;
    /** The same under two-factor authentication: the provider's words of that era. */
    appPasswordRequiredTwoFactor: string;
    /** After `<tag> NO `: a wrong password, an unknown user. */
    invalidCredentials: string;
    /** After `<tag> OK [CAPABILITY …] ` for LOGIN / AUTHENTICATE. */
    authenticated: (appleId: string) => string;
    /** The name each special-use mailbox has (the hierarchy delimiter is "/" in all three). */
    folders: Record<SpecialUse, string>;
    /** SELECT and EXAMINE: the flags in the provider's order, and the texts of each line. */
    select: {
      flags: string;
      flagsPermitted: string;
      uidsValid: string;
      predictedUid: string;
      firstUnseen: string;
      done: (command: 'SELECT' | 'EXAMINE', wireName: string) => string;
    };
    /** LOGOUT: after `* BYE `, and after `<tag> OK `. */
    logout: { bye: string; done: string };
  };
  smtp: {
    /** The text after `220 127.0.0.1 ESMTP ` (the host is always 127.0.0.1: this machine's name is never said). */
    banner: (connectionId: string) => string;
    /** The first line of the EHLO answer: smtp-server's `heloResponse`, `%s` the server then the client (`[127.0.0.1]`). */
    ehlo: string;
    appPasswordRequired: (connectionId: string) => SmtpReply;
    /** The same under two-factor authentication: the provider's words of that era. */
    appPasswordRequiredTwoFactor: (connectionId: string) => SmtpReply;
    invalidCredentials: (connectionId: string) => SmtpReply;
    /** MAIL FROM, or a `From:` header, that is not the signed-in Apple ID. */
    senderRejected: (appleId: string) => SmtpReply;
  };
}

/** RFC 3501's own texts, for lines no transcript of the provider was found for. */
const RFC_SELECT = {
  flags: '\\Answered \\Flagged \\Deleted \\Seen \\Draft',
  flagsPermitted: 'Flags permitted',
  uidsValid: 'UIDs valid',
  predictedUid: 'Predicted next UID',
  firstUnseen: 'First unseen',
  done: (command: 'SELECT' | 'EXAMINE') => `${command} completed`,
};

export const MAIL_PROFILE: Record<MailProfileName, MailProfile> = {
  icloud: {
    title: 'iCloud',
    imap: {
      // ruby/ruby test/net/imap/test_imap_response_parser.rb (Bug #8415, 2013), iCloud's own
      // line: `* CAPABILITY st11p00mm-iscream009 1Q49 XAPPLEPUSHSERVICE IMAP4 IMAP4rev1 SASL-IR
      // AUTH=ATOKEN AUTH=PLAIN` — before signing in, nothing more.
      capabilitiesBeforeLogin: ['IMAP4', 'IMAP4rev1', 'SASL-IR'],
      // After signing in: no 2015 list was found. The same three first, then what TwoStep
      // implements; no MOVE (iCloud's server of the time did not have it: not sourced either).
      capabilities: ['IMAP4', 'IMAP4rev1', 'SASL-IR', 'LITERAL+', 'NAMESPACE', 'UIDPLUS', 'CHILDREN', 'UNSELECT', 'ID', 'IDLE', 'SPECIAL-USE'],
      greetingCapability: true,
      // No 2015 greeting text was found (later captures show a build id and a host name, not copied).
      greeting: () => 'iCloud IMAP4 service ready (TwoStep simulation)',
      capabilityDone: () => 'Completed',
      id: { name: 'iCloud', vendor: 'TwoStep (simulation, not Apple)', 'support-url': 'https://support.apple.com' },
      // No 2015 transcript found; the code is RFC 5530's. (Later captures write "Failed".)
      appPasswordRequired: '[AUTHENTICATIONFAILED] Authentication failed',
      // Two-factor authentication (2015 on): the one capture found of the time
      // (lefcha/imapfilter#125, 2016) still reads "[AUTHENTICATIONFAILED] Authentication
      // failed"; Apple's support pages of the era say that a two-factor account needs an
      // app-specific password for other apps' mail. That reason is given here, in TwoStep's
      // words after the RFC 5530 code, so a presenter can show the level the server follows.
      appPasswordRequiredTwoFactor:
        '[AUTHENTICATIONFAILED] Authentication failed: two-factor authentication is on for this Apple ID, so an app-specific password is required (TwoStep simulation)',
      invalidCredentials: '[AUTHENTICATIONFAILED] Authentication failed',
      authenticated: () => 'User logged in',
      // The names Apple Mail and iCloud.com show; no 2015 LIST transcript was found.
      folders: { '\\Sent': 'Sent Messages', '\\Drafts': 'Drafts', '\\Trash': 'Deleted Messages', '\\Junk': 'Junk' },
      // No transcript found: RFC 3501's texts.
      select: RFC_SELECT,
      logout: { bye: 'Logging out', done: 'LOGOUT completed' },
    },
    smtp: {
      // No 2015 banner or EHLO line was found.
      banner: () => 'iCloud SMTP (TwoStep simulation)',
      ehlo: '%s',
      // No transcript found; 535 5.7.8 is RFC 4954's code for bad credentials.
      appPasswordRequired: () => ({ code: 535, lines: ['5.7.8 Authentication failed'] }),
      // Two-factor authentication: as IMAP above, the reason in TwoStep's words after the code.
      appPasswordRequiredTwoFactor: () => ({
        code: 535,
        lines: ['5.7.8 Authentication failed: two-factor authentication is on for this Apple ID, so an app-specific password is required (TwoStep simulation)'],
      }),
      invalidCredentials: () => ({ code: 535, lines: ['5.7.8 Authentication failed'] }),
      // https://github.com/TryGhost/Ghost/issues/17012 (2023) quotes it; a Postfix log in the
      // same words says "(in reply to MAIL FROM command)". The 2015 wording was not found.
      senderRejected: () => ({ code: 550, lines: ['5.7.0 From address is not one of your addresses'] }),
    },
  },
  gmail: {
    title: 'Gmail',
    imap: {
      // mscdex/node-imap test/test-connection-fetch-dup.js (2013–14), Gmail's capabilities
      // before login: `IMAP4rev1 UNSELECT IDLE NAMESPACE QUOTA CHILDREN`; Google's own example
      // (developers.google.com/gmail/imap/imap-extensions) adds `ID XLIST … X-GM-EXT-1` after
      // NAMESPACE QUOTA, and SASL-IR came later in the list. No LITERAL+ (the 2013 fixtures
      // have none) and no STARTTLS (993 was TLS only).
      capabilitiesBeforeLogin: ['IMAP4rev1', 'UNSELECT', 'IDLE', 'NAMESPACE', 'ID', 'CHILDREN', 'SASL-IR'],
      // The same fixture once signed in: `IMAP4rev1 UNSELECT IDLE NAMESPACE QUOTA CHILDREN
      // UIDPLUS MOVE`; nojb/ocaml-imap's README (2015) `… ID XLIST CHILDREN X-GM-EXT-1 UIDPLUS
      // COMPRESS=DEFLATE ENABLE MOVE CONDSTORE ESEARCH`. Gmail never listed SPECIAL-USE, though
      // its LIST carries the attributes (Google's page above).
      capabilities: ['IMAP4rev1', 'UNSELECT', 'IDLE', 'NAMESPACE', 'ID', 'CHILDREN', 'UIDPLUS', 'MOVE'],
      // Google's page above: `* OK Gimap ready for requests from 127.0.0.1 k2if6111336rvb.0`,
      // with no [CAPABILITY …] code (mscdex/node-imap's fixtures quote the same greeting).
      greetingCapability: false,
      greeting: (id) => `Gimap ready for requests from 127.0.0.1 ${id}`,
      // mscdex/node-imap test/test-connection-fetch-dup.js: `A0 OK Thats all she wrote!`, with
      // the session's id after it in later captures.
      capabilityDone: (id) => `Thats all she wrote! ${id}`,
      id: { name: 'GImap', vendor: 'TwoStep (simulation, not Google)', 'support-url': 'https://support.google.com/mail' },
      // https://github.com/LukeSmithxyz/mutt-wizard/issues/831 (2022) quotes it; the 2015
      // wording was not found.
      appPasswordRequired: '[ALERT] Application-specific password required: https://support.google.com/accounts/answer/185833 (Failure)',
      // The later era says the same: https://github.com/bberkay/openmail/issues/1 (2026).
      appPasswordRequiredTwoFactor: '[ALERT] Application-specific password required: https://support.google.com/accounts/answer/185833 (Failure)',
      // https://github.com/frappe/frappe/pull/2712 (2017): "gmail - [AUTHENTICATIONFAILED] Invalid credentials".
      invalidCredentials: '[AUTHENTICATIONFAILED] Invalid credentials (Failure)',
      // nojb/ocaml-imap README (2015): `1 OK <login> <user name> authenticated (Success)`; the
      // user's full name is left out here.
      authenticated: (appleId) => `${appleId} authenticated (Success)`,
      // Google's page above lists `[Gmail]/Sent Mail`, `[Gmail]/Drafts`, `[Gmail]/Spam`,
      // `[Gmail]/Trash` under a `\Noselect` `[Gmail]`. Its All Mail, Starred and Important are
      // views of labels, which TwoStep does not simulate.
      folders: { '\\Sent': '[Gmail]/Sent Mail', '\\Drafts': '[Gmail]/Drafts', '\\Trash': '[Gmail]/Trash', '\\Junk': '[Gmail]/Spam' },
      // mscdex/node-imap test/test-connection-fetch-dup.js: `* FLAGS (\Answered \Flagged \Draft
      // \Deleted \Seen)`, `Flags permitted.`, `UIDs valid.`, `Predicted next UID.`,
      // `OK [READ-ONLY] INBOX selected. (Success)`. (No UNSEEN text was quoted.)
      select: {
        flags: '\\Answered \\Flagged \\Draft \\Deleted \\Seen',
        flagsPermitted: 'Flags permitted.',
        uidsValid: 'UIDs valid.',
        predictedUid: 'Predicted next UID.',
        firstUnseen: 'First unseen.',
        done: (_command, wireName) => `${wireName} selected. (Success)`,
      },
      // nojb/ocaml-imap README (2015): `* BYE LOGOUT Requested` / `2 OK 73 good day (Success)`.
      logout: { bye: 'LOGOUT Requested', done: '73 good day (Success)' },
    },
    smtp: {
      // https://github.com/PHPMailer/PHPMailer/issues/341 (2014-12-31), smtp.gmail.com:587:
      // `220 mx.google.com ESMTP i3sm45669525wie.23 - gsmtp` (a new id each connection) and
      // `250-mx.google.com at your service, [<client address>]`.
      banner: (id) => `${id} - gsmtp`,
      ehlo: '%s at your service, %s',
      // https://github.com/aschroder/Magento-SMTP-Pro-Email-Extension/issues/174 (2016): "5.7.9
      // Application-specific password required. Learn more at 5.7.9
      // https://support.google.com/accounts/answer/185833 b4sm274481wjd.16 - gsmtp".
      appPasswordRequired: (id) => ({
        code: 534,
        lines: ['5.7.9 Application-specific password required. Learn more at', `5.7.9  https://support.google.com/accounts/answer/185833 ${id} - gsmtp`],
      }),
      // The later era: https://github.com/Der-Henning/tgtg/issues/517 (2024) and
      // https://github.com/bberkay/openmail/issues/1 (2026): "5.7.9 Application-specific
      // password required. For more information, go to\n5.7.9  https://support.google.com/mail/?p=InvalidSecondFactor <id> - gsmtp".
      appPasswordRequiredTwoFactor: (id) => ({
        code: 534,
        lines: ['5.7.9 Application-specific password required. For more information, go to', `5.7.9  https://support.google.com/mail/?p=InvalidSecondFactor ${id} - gsmtp`],
      }),
      // https://github.com/springside/springside4/pull/22 (2012): "Username and Password not
      // accepted. Learn more at http://support.google.com/mail/bin/answer.py?answer=14257"; the
      // https://support.google.com/mail/answer/14257 form is that page's address of 2015.
      invalidCredentials: (id) => ({
        code: 535,
        lines: ['5.7.8 Username and Password not accepted. Learn more at', `5.7.8  https://support.google.com/mail/answer/14257 ${id} - gsmtp`],
      }),
      // Gmail rewrote such a From rather than refuse it; TwoStep's rule is the same for every
      // profile, so here the words are TwoStep's own.
      senderRejected: (appleId) => ({ code: 553, lines: [`5.7.1 Sender address rejected: not owned by user ${appleId}`] }),
    },
  },
  fastmail: {
    title: 'Fastmail',
    imap: {
      // No 2015 transcript of Fastmail's capabilities was found; Fastmail ran Cyrus IMAP, and
      // these are Cyrus's, in its order, of those TwoStep implements.
      capabilitiesBeforeLogin: ['IMAP4rev1', 'LITERAL+', 'ID', 'SASL-IR'],
      capabilities: ['IMAP4rev1', 'LITERAL+', 'ID', 'SASL-IR', 'NAMESPACE', 'UIDPLUS', 'UNSELECT', 'CHILDREN', 'SPECIAL-USE', 'IDLE', 'MOVE'],
      greetingCapability: true,
      // Not found for 2015 (a 2026 capture reads `* OK IMAP4 ready`).
      greeting: () => 'IMAP4 ready (TwoStep simulation of Fastmail)',
      capabilityDone: () => 'Completed',
      id: { name: 'Cyrus IMAP', vendor: 'TwoStep (simulation, not Fastmail)', 'support-url': 'https://www.fastmail.help' },
      // Not found for 2015. Today's words are "Incorrect username, password or access token."
      // (SMTP: tdaniel1925/eezmail SMTP_AUTH_FIX_GUIDE.md, 2025); access tokens came years after
      // 2015, so they are left out. No [AUTHENTICATIONFAILED] code, as today.
      appPasswordRequired: 'Incorrect username or password.',
      // The later era's words, access tokens and all (the source above, 2025).
      appPasswordRequiredTwoFactor: 'Incorrect username, password or access token.',
      invalidCredentials: 'Incorrect username or password.',
      authenticated: () => 'User logged in',
      // Fastmail's folder names of the time (Sent Items, Junk Mail); no LIST transcript found.
      folders: { '\\Sent': 'Sent Items', '\\Drafts': 'Drafts', '\\Trash': 'Trash', '\\Junk': 'Junk Mail' },
      // Not found: Cyrus's texts are RFC 3501's, and its tagged answer is "Completed".
      select: { ...RFC_SELECT, done: () => 'Completed' },
      logout: { bye: 'LOGOUT received', done: 'Completed' },
    },
    smtp: {
      // Not found for 2015.
      banner: () => 'ready (TwoStep simulation of Fastmail)',
      ehlo: '%s',
      // See the IMAP refusal above: tdaniel1925/eezmail SMTP_AUTH_FIX_GUIDE.md (2025) quotes
      // `535 5.7.0 Incorrect username, password or access token`.
      appPasswordRequired: () => ({ code: 535, lines: ['5.7.0 Incorrect username or password.'] }),
      // The later era: `535 5.7.0 Incorrect username, password or access token` (the source above, 2025).
      appPasswordRequiredTwoFactor: () => ({ code: 535, lines: ['5.7.0 Incorrect username, password or access token'] }),
      invalidCredentials: () => ({ code: 535, lines: ['5.7.0 Incorrect username or password.'] }),
      // Not found: TwoStep's own words.
      senderRejected: (appleId) => ({ code: 553, lines: [`5.7.1 Sender address rejected: not owned by user ${appleId}`] }),
    },
  },
};

/** The refusals that are TwoStep's own rules, the same in every profile. */
export const LOCKED_TEXT = 'This Apple ID has been locked for security reasons.';
export const TRY_AGAIN_TEXT = 'Too many sign-ins at once; try again in a moment.';
