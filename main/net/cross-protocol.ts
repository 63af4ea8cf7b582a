/**
 * A web page can make the browser send an HTTP request to any port of 127.0.0.1 it likes —
 * `fetch(url, { method: 'POST', mode: 'no-cors', body })` — and the body can hold mail commands:
 * a page on another port posted `a LOGIN demo@twostep.example x` lines to the IMAP port, and seven
 * page loads locked the account (issue 15). The defence of mail servers: a line only an HTTP
 * client sends ends the connection before anything else is read, let alone judged — Postfix's
 * smtpd drops a client that sends "non-SMTP commands" (smtpd_forbidden_commands = CONNECT GET
 * POST), smtp-server answers `421 HTTP requests not allowed`, and Dovecot's login process will
 * not even echo a tag it cannot parse back to such a client (imap-login-client.c).
 */
const REQUEST_LINE = /^(GET|POST|PUT|OPTIONS|HEAD|DELETE|PATCH|CONNECT|TRACE) /;

/** A request line (`POST / HTTP/1.1`), or any line naming HTTP/1.x (`… HTTP/1.1`). */
export function looksLikeHttp(line: string): boolean {
  return REQUEST_LINE.test(line) || line.includes(' HTTP/1.');
}
