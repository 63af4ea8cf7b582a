import type { MailServersView } from './mail-servers.js';

/** The lines `npm run web` prints: the servers, and what to type into a mail client. */
export function printMailSettings(view: MailServersView, print: (line: string) => void): void {
  print(`  IMAP server:                127.0.0.1:${view.imap.port} (${view.imap.security})`);
  print(`  SMTP submission:            127.0.0.1:${view.smtp.port} (${view.smtp.security})`);
  print(`  Mail client settings:       server 127.0.0.1, IMAP port ${view.imap.port}, SMTP port ${view.smtp.port}, user name = ${view.userName}, password = ${view.password}`);
  print(`  Mail server profile:        ${view.settings.profile}; STARTTLS certificate SHA-256 ${view.certificateFingerprint}`);
}
