import type { MailServersView } from './mail-servers.js';

/** The lines `npm run web` prints: the servers, and what to type into a mail client. */
export function printMailSettings(view: MailServersView, print: (line: string) => void): void {
  print(`  IMAP server:                127.0.0.1:${view.imap.port} (${view.imap.security})`);
  print(`  IMAPS server:               127.0.0.1:${view.imaps.port} (${view.imaps.security})`);
  print(`  SMTP submission:            127.0.0.1:${view.smtp.port} (${view.smtp.security})`);
  print(`  SMTPS submission:           127.0.0.1:${view.smtps.port} (${view.smtps.security})`);
  print(`  Mail client settings:       server localhost (or 127.0.0.1), IMAP port ${view.imap.port} or ${view.imaps.port} (SSL/TLS), SMTP port ${view.smtp.port} or ${view.smtps.port} (SSL/TLS), user name = ${view.userName}, password = ${view.password}`);
  print(`  Mail server profile:        ${view.settings.profile}; TLS certificate (localhost, 127.0.0.1) SHA-256 ${view.certificateFingerprint}`);
}
