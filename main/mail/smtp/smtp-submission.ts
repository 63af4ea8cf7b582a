import { randomBytes, randomUUID } from 'node:crypto';
import { SMTPServer, type SMTPServerAuthenticationResponse, type SMTPServerSession } from 'smtp-server';
import { IdentityError } from '../../identity/identity-error.js';
import type { IdentityService } from '../../identity/identity-service.js';
import type { MailGrant } from '../../identity/service/mail-sign-in.js';
import type { RunningMailServer } from '../imap/imap-server.js';
import { LOCKED_TEXT, TRY_AGAIN_TEXT, type MailProfile, type SmtpReply } from '../profiles.js';
import type { MailSession, SessionRegistry } from '../session-registry.js';
import { MAX_MESSAGE_BYTES, type MailboxStore } from '../store/mailbox-store.js';
import { parseMime, type HeaderField } from '../mime/mime-tree.js';
import addressparser from 'nodemailer/lib/addressparser';
import type { ConnectionLimits } from '../../net/connection-guard.js';
import { LISTENER_LIMITS } from '../../net/listener-budget.js';
import { guardSmtpServer } from './smtp-guard.js';

export interface SmtpContext {
  service: IdentityService;
  mailboxes: MailboxStore;
  registry: SessionRegistry;
  profile: () => MailProfile;
  key: string;
  cert: string;
  /** The listener's limits (connections, time before sign-in); default LISTENER_LIMITS.smtp. */
  limits?: ConnectionLimits;
}

/** Every line, AUTH continuations included (smtp-server's maxCommandLength; its 16 KB default leaves room for XOAUTH2, not offered here). */
const MAX_LINE = 8 * 1024;

const MAX_RECIPIENTS = 50;

/**
 * smtp-server's connection, as far as TwoStep reaches into it: its send and close (to end a
 * session, as its own shutdown does), and its greeting (each connection's own id, as Gmail's).
 */
interface ConnectionHandle {
  session: SMTPServerSession;
  send(code: number, text: string | string[], context?: string | false): void;
  close(): void;
  _sendGreeting(): void;
}

/** An enhanced status code at the start of a reply (RFC 3463): the reply carries its own. */
const OWN_CODE = /^[245]\.\d{1,3}\.\d{1,3} /;

function reply(r: SmtpReply): SMTPServerAuthenticationResponse {
  // smtp-server writes an array as a multi-line reply (`534-…` then `534 …`, its send()); a
  // refusal given as a response (not an Error) reaches send() as it is, which Gmail's two-line
  // 534 needs. The type says string; the test of each profile's exact lines pins the behaviour.
  return { message: r.lines.length === 1 ? r.lines[0] : r.lines, responseCode: r.code } as SMTPServerAuthenticationResponse;
}

/** A refusal as smtp-server takes it from a hook: the reply code and its (one) line. */
function refusal(r: SmtpReply): Error {
  return Object.assign(new Error(r.lines.join(' ')), { responseCode: r.code });
}

/**
 * SMTP submission on 127.0.0.1 (smtp-server, nodemailer's): AUTH PLAIN and LOGIN, judged by the
 * identity service; mail from the signed-in Apple ID only (the envelope and the From: header),
 * to local Apple IDs only (delivered to their INBOX, never relayed anywhere); Date and
 * Message-ID added where missing (RFC 6409 §8). STARTTLS with the generated certificate, and
 * plain on loopback — or, with `implicitTls`, TLS from the first byte (RFC 8314's submissions).
 * The host it names is always 127.0.0.1: never this machine's name.
 */
export async function startSmtpServer(ctx: SmtpContext, port: number, implicitTls = false): Promise<RunningMailServer & { profileChanged(): void }> {
  const ends = new Map<string, () => void>();
  /** Each connection's own id (Gmail's greeting and refusals name it), by smtp-server's session id. */
  const connectionIds = new Map<string, string>();
  const idOf = (session: SMTPServerSession) => connectionIds.get(session.id) ?? session.id;
  const limits = ctx.limits ?? LISTENER_LIMITS.smtp;
  const server = new SMTPServer({
    name: '127.0.0.1',
    heloResponse: ctx.profile().smtp.ehlo,
    // The client's address as a literal (`[127.0.0.1]`), never a reverse lookup's host name.
    disableReverseLookup: true,
    key: ctx.key,
    cert: ctx.cert,
    secure: implicitTls,
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    size: MAX_MESSAGE_BYTES,
    disabledCommands: implicitTls ? ['STARTTLS'] : [],
    hideENHANCEDSTATUSCODES: false,
    logger: false,
    onConnect(session, callback) {
      const connection = connectionOf(session);
      if (connection) {
        connectionIds.set(session.id, randomBytes(6).toString('hex'));
        // Replies that carry their own enhanced code (the profile's, the hooks') keep it;
        // smtp-server adds one to the rest (RFC 2034: every reply once advertised).
        const send = connection.send.bind(connection);
        connection.send = (code, data, context) => send(code, data, [data].flat().every((line) => OWN_CODE.test(line ?? '')) ? false : context);
        connection._sendGreeting = () => send(220, `127.0.0.1 ESMTP ${ctx.profile().smtp.banner(idOf(session))}`, false);
      }
      callback();
    },
    maxCommandLength: MAX_LINE,
    // Idle time, in every state (smtp-server has one).
    socketTimeout: limits.idleBeforeSignInMs,
    onSecure(socket, session, callback) {
      guard.secured(socket, session);
      callback();
    },
    onAuth(auth, session, callback) {
      if (guard.refusesAuth(session)) {
        return callback(Object.assign(new Error('4.7.0 Credentials came together with lines that are not SMTP; nothing was checked'), { responseCode: 421 }));
      }
      void authenticate(auth.username ?? '', auth.password ?? '', session, callback);
    },
    onMailFrom(address, session, callback) {
      const grant = session.user as MailGrant | undefined;
      if (!grant) return callback(Object.assign(new Error('5.7.0 Authentication required'), { responseCode: 530 }));
      if (address.address.toLowerCase() !== grant.appleId) return callback(refusal(ctx.profile().smtp.senderRejected(grant.appleId)));
      callback();
    },
    onRcptTo(address, session, callback) {
      if (session.envelope.rcptTo.length >= MAX_RECIPIENTS) {
        return callback(Object.assign(new Error(`4.5.3 Too many recipients (at most ${MAX_RECIPIENTS})`), { responseCode: 452 }));
      }
      if (!ctx.service.mailAccount(address.address)) {
        return callback(
          Object.assign(new Error(`5.7.1 <${address.address.slice(0, 254)}>: Relay access denied; TwoStep delivers only to Apple IDs in this simulation`), {
            responseCode: 550,
          }),
        );
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => {
        if (!stream.sizeExceeded) chunks.push(chunk);
      });
      stream.on('end', () => {
        if (stream.sizeExceeded) {
          return callback(Object.assign(new Error(`5.3.4 Message too big (at most ${MAX_MESSAGE_BYTES} bytes)`), { responseCode: 552 }));
        }
        const grant = session.user as MailGrant;
        const message = Buffer.concat(chunks);
        if (!fromIsOnly(message, grant.appleId)) return callback(refusal(ctx.profile().smtp.senderRejected(grant.appleId)));
        const now = Date.now();
        const received = `Received: from ${session.hostNameAppearsAs.replace(/[^\x21-\x7e]/g, '')} ([127.0.0.1])\r\n\tby 127.0.0.1 (TwoStep) with ESMTP${session.secure ? 'S' : ''}A id ${session.id};\r\n\t${rfc5322Date(now)}\r\n`;
        const raw = Buffer.concat([Buffer.from(received + missingHeaders(message, grant.appleId, now), 'latin1'), message]);
        for (const rcpt of session.envelope.rcptTo) {
          const account = ctx.service.mailAccount(rcpt.address);
          if (account) ctx.mailboxes.deliver(account.accountId, raw, now);
        }
        callback(null, `2.0.0 OK ${session.id} - delivered to ${session.envelope.rcptTo.length} local mailbox(es)`);
      });
    },
    onClose(session) {
      ends.get(session.id)?.();
      ends.delete(session.id);
      connectionIds.delete(session.id);
    },
  });
  // Past a cap an implicit-TLS listener closes without a word: nothing readable can be said before the handshake.
  const guard = guardSmtpServer(server, limits, implicitTls ? '' : undefined);

  function connectionOf(session: SMTPServerSession): ConnectionHandle | undefined {
    return [...(server as unknown as { connections: Set<ConnectionHandle> }).connections].find((c) => c.session.id === session.id);
  }

  /** AUTH PLAIN / LOGIN: judged by the identity service; refusals in the profile's words. */
  async function authenticate(
    username: string,
    password: string,
    session: SMTPServerSession,
    callback: (error: Error | null | undefined, response?: SMTPServerAuthenticationResponse) => void,
  ): Promise<void> {
    const profile = ctx.profile().smtp;
    try {
      const result = await ctx.service.signInMail({ protocol: 'smtp', appleId: username, password, clientName: null });
      if (result.status === 'APP_SPECIFIC_PASSWORD_REQUIRED') {
        const words = result.level === 'two-factor' ? profile.appPasswordRequiredTwoFactor : profile.appPasswordRequired;
        return callback(null, reply(words(idOf(session))));
      }
      register(session, result.grant);
      guard.signedIn(session);
      return callback(null, { user: result.grant });
    } catch (error) {
      if (!(error instanceof IdentityError)) return callback(error as Error);
      if (error.code === 'LOCKED' || error.code === 'HARD_LOCKED' || error.code === 'ACCOUNT_DISABLED') {
        return callback(null, reply({ code: 535, lines: [`5.7.8 ${LOCKED_TEXT}`] }));
      }
      if (error.code === 'TRY_AGAIN') return callback(null, reply({ code: 454, lines: [`4.7.0 ${TRY_AGAIN_TEXT}`] }));
      return callback(null, reply(profile.invalidCredentials(idOf(session))));
    }
  }

  /** Once signed in, the registry knows the session, so a revocation can end it. */
  function register(session: SMTPServerSession, grant: MailGrant): void {
    if (ends.has(session.id)) return;
    const connection = connectionOf(session);
    if (!connection) return;
    const mailSession: MailSession = {
      id: session.id,
      protocol: 'smtp',
      grant,
      startedAt: Date.now(),
      clientName: () => null,
      // smtp-server's own way to drop a client (its connection's send and close, as its
      // shutdown does): 421 then close.
      end: (text) => {
        connection.send(421, `4.7.0 ${text} Closing connection`);
        connection.close();
        unregister();
      },
    };
    const unregister = ctx.registry.add(mailSession);
    ends.set(session.id, unregister);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  // A client that goes away mid-conversation is smtp-server's business, not a crash.
  server.on('error', () => undefined);
  const address = server.server.address();
  return {
    port: typeof address === 'object' && address ? address.port : port,
    /** The EHLO line follows the profile (smtp-server reads the option at each EHLO; the greeting reads the profile itself). */
    profileChanged() {
      server.options.heloResponse = ctx.profile().smtp.ehlo;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** RFC 5322's date in UTC: `Sun, 01 Feb 2015 09:00:00 +0000`. */
function rfc5322Date(ms: number): string {
  return new Date(ms).toUTCString().replace(/ GMT$/, ' +0000');
}

/** The header block's fields (unfolded, lower-case names). */
function headerFields(message: Buffer): HeaderField[] {
  return parseMime(message).fields;
}

/**
 * Whether every address of the From: header is the signed-in Apple ID (and there is one): iCloud
 * refused any other, as it did an envelope sender that was not the account's.
 */
function fromIsOnly(message: Buffer, appleId: string): boolean {
  const values = headerFields(message).filter((f) => f.key === 'from');
  const addresses = values.flatMap((f) => addressparser(f.value, { flatten: true })).map((a) => a.address.toLowerCase());
  return addresses.length > 0 && addresses.every((a) => a === appleId);
}

/** Date and Message-ID for a message that lacks them (RFC 6409 §8.2, §8.3), as header lines. */
function missingHeaders(message: Buffer, appleId: string, now: number): string {
  const fields = headerFields(message);
  const has = (key: string) => fields.some((f) => f.key === key);
  const domain = appleId.slice(appleId.lastIndexOf('@') + 1);
  return `${has('date') ? '' : `Date: ${rfc5322Date(now)}\r\n`}${has('message-id') ? '' : `Message-ID: <${randomUUID()}@${domain}>\r\n`}`;
}
