import { randomBytes } from 'node:crypto';
import { SMTPServer, type SMTPServerAuthenticationResponse, type SMTPServerSession } from 'smtp-server';
import { IdentityError } from '../../identity/identity-error.js';
import type { IdentityService } from '../../identity/identity-service.js';
import type { MailGrant } from '../../identity/service/mail-sign-in.js';
import type { RunningMailServer } from '../imap/imap-server.js';
import { LOCKED_TEXT, TRY_AGAIN_TEXT, type MailProfile, type SmtpReply } from '../profiles.js';
import type { MailSession, SessionRegistry } from '../session-registry.js';
import type { MailboxStore } from '../store/mailbox-store.js';

export interface SmtpContext {
  service: IdentityService;
  mailboxes: MailboxStore;
  registry: SessionRegistry;
  profile: () => MailProfile;
  key: string;
  cert: string;
}

/** The largest message accepted (what the EHLO's SIZE says). */
export const MAX_MESSAGE_BYTES = 25 * 1024 * 1024;
const MAX_RECIPIENTS = 50;

/** smtp-server's connection, as far as TwoStep reaches into it to end a session (see `end`). */
interface ConnectionHandle {
  session: SMTPServerSession;
  send(code: number, text: string): void;
  close(): void;
}

function reply(r: SmtpReply): SMTPServerAuthenticationResponse {
  // smtp-server writes an array as a multi-line reply (`534-…` then `534 …`, its send()); a
  // refusal given as a response (not an Error) reaches send() as it is, which Gmail's two-line
  // 534 needs. The type says string; the test of each profile's exact lines pins the behaviour.
  return { message: r.lines.length === 1 ? r.lines[0] : r.lines, responseCode: r.code } as SMTPServerAuthenticationResponse;
}

/**
 * SMTP submission on 127.0.0.1 (smtp-server, nodemailer's): AUTH PLAIN and LOGIN, judged by the
 * identity service; mail from the signed-in Apple ID only, to local Apple IDs only (delivered to
 * their INBOX, never relayed anywhere); STARTTLS with the generated certificate, and plain on
 * loopback.
 */
export async function startSmtpServer(ctx: SmtpContext, port: number): Promise<RunningMailServer & { profileChanged(): void }> {
  const serverId = randomBytes(6).toString('hex');
  const ends = new Map<string, () => void>();
  const server = new SMTPServer({
    name: '127.0.0.1',
    banner: ctx.profile().smtp.banner(serverId),
    key: ctx.key,
    cert: ctx.cert,
    secure: false,
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    size: MAX_MESSAGE_BYTES,
    disabledCommands: [],
    hideENHANCEDSTATUSCODES: true,
    logger: false,
    onAuth(auth, session, callback) {
      void authenticate(auth.username ?? '', auth.password ?? '', session, callback);
    },
    onMailFrom(address, session, callback) {
      const grant = session.user as MailGrant | undefined;
      if (!grant) return callback(Object.assign(new Error('5.7.0 Authentication required'), { responseCode: 530 }));
      if (address.address.toLowerCase() !== grant.appleId) {
        return callback(Object.assign(new Error(`5.7.1 Sender address rejected: not owned by user ${grant.appleId}`), { responseCode: 553 }));
      }
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
        const now = Date.now();
        const received = Buffer.from(
          `Received: from ${session.hostNameAppearsAs.replace(/[^\x21-\x7e]/g, '')} ([127.0.0.1])\r\n\tby 127.0.0.1 (TwoStep) with ESMTP${session.secure ? 'S' : ''}A id ${session.id};\r\n\t${new Date(now).toUTCString()}\r\n`,
          'latin1',
        );
        const raw = Buffer.concat([received, ...chunks]);
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
    },
  });

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
      if (result.status === 'APP_SPECIFIC_PASSWORD_REQUIRED') return callback(null, reply(profile.appPasswordRequired(serverId)));
      register(session, result.grant);
      return callback(null, { user: result.grant });
    } catch (error) {
      if (!(error instanceof IdentityError)) return callback(error as Error);
      if (error.code === 'LOCKED' || error.code === 'HARD_LOCKED' || error.code === 'ACCOUNT_DISABLED') {
        return callback(null, reply({ code: 535, lines: [`5.7.8 ${LOCKED_TEXT}`] }));
      }
      if (error.code === 'TRY_AGAIN') return callback(null, reply({ code: 454, lines: [`4.7.0 ${TRY_AGAIN_TEXT}`] }));
      return callback(null, reply(profile.invalidCredentials(serverId)));
    }
  }

  /** Once signed in, the registry knows the session, so a revocation can end it. */
  function register(session: SMTPServerSession, grant: MailGrant): void {
    if (ends.has(session.id)) return;
    const connection = [...(server as unknown as { connections: Set<ConnectionHandle> }).connections].find((c) => c.session.id === session.id);
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
    /** The greeting follows the profile (smtp-server reads its banner option at each connection). */
    profileChanged() {
      server.options.banner = ctx.profile().smtp.banner(serverId);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
