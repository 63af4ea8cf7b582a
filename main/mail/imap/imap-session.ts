import { randomBytes } from 'node:crypto';
import type { Socket } from 'node:net';
import { TLSSocket } from 'node:tls';
import type { MailGrant } from '../../identity/service/mail-sign-in.js';
import type { GuardedConnection } from '../../net/connection-guard.js';
import { looksLikeHttp } from '../../net/cross-protocol.js';
import type { MailSession } from '../session-registry.js';
import { MAX_MESSAGE_BYTES } from '../store/mailbox-store.js';
import { CommandReader, type ReaderEvent, type ReaderLimits } from './command-reader.js';
import { commandFor } from './commands/index.js';
import { capabilities, type ImapContext, type ImapState } from './imap-context.js';
import { parseCommand, tagOf, type ParsedCommand } from './parsed-command.js';
import type { SelectedMailbox } from './selected-mailbox.js';
import { findMailbox, wireName } from './mailbox-names.js';
import type { MailboxRow } from '../store/mailbox-store.js';

/** RFC 3501 §5.4: an idle client is logged out after at least 30 minutes. */
const AUTOLOGOUT_MS = 30 * 60 * 1000;
/** Commands a client may pipeline ahead of the answers; past this it is cut off. */
const MAX_QUEUED = 64;
/** A connection this server ended is destroyed after this long if the client keeps its side open (smtp-server's HALF_CLOSE_TIMEOUT). */
const CLOSE_LINGER_MS = 5000;
/** One cut off for what it sent: its BYE has this long to leave before the connection is destroyed. */
const CUT_OFF_LINGER_MS = 1000;

/**
 * Before sign-in nothing larger is read — a line, a literal (synchronizing or not), a whole
 * command — as Dovecot's login process (IMAP_LOGIN_MAX_LINE_LENGTH, 8192; a larger LITERAL+
 * literal is refused and the connection closed, as RFC 7888 §4 allows). Forty connections
 * sending a 25 MB literal each used to hold 1 GB before anyone had signed in (issue 15).
 */
const BEFORE_SIGN_IN: ReaderLimits = { maxLine: 8 * 1024, maxLiteral: () => 8 * 1024, maxCommand: 8 * 1024 };
/** Another command's literal than APPEND's (a password, a mailbox name, a search string). */
const MAX_SMALL_LITERAL = 64 * 1024;
/** Signed in: APPEND's message up to what a mailbox takes, any other literal 64 KB. */
const SIGNED_IN: ReaderLimits = {
  maxLine: 16 * 1024,
  maxLiteral: (prefix) => (/^\S+ APPEND /i.test(prefix.subarray(0, 64).toString('latin1')) ? MAX_MESSAGE_BYTES : MAX_SMALL_LITERAL),
  maxCommand: MAX_MESSAGE_BYTES + 1024 * 1024,
};

/** A framed command or a literal awaited, with the number of the read that completed it. */
type Queued = { event: Exclude<ReaderEvent, { type: 'too-big' }>; packet: number };

/** A line that goes to the waiting handler, not the parser (AUTHENTICATE's answer, IDLE's DONE). */
type Continuation = (line: string) => void;

/**
 * One IMAP connection: the wire (framing, TLS), the state (RFC 3501 §3: not authenticated,
 * authenticated, selected, logout, each command allowed only in its states) and the commands
 * run one at a time in the order they came (pipelining answered in order).
 */
export class ImapSession implements MailSession {
  readonly id = randomBytes(6).toString('hex');
  readonly protocol = 'imap' as const;
  readonly startedAt = Date.now();
  state: ImapState = 'not-authenticated';
  grant!: MailGrant;
  selected: SelectedMailbox | null = null;
  name: string | null = null;
  /** The selected mailbox changed since the client was last told. */
  changesPending = false;
  /** While IDLE runs: tells the client of each change at once. */
  idleListener: (() => void) | null = null;
  private socket: Socket;
  private readonly reader = new CommandReader(() => (this.state === 'not-authenticated' ? BEFORE_SIGN_IN : SIGNED_IN));
  private readonly queue: Queued[] = [];
  private running = false;
  private continuation: Continuation | null = null;
  private unregister: (() => void) | null = null;
  private closed = false;
  private greeted = false;
  /** Reads of the socket so far; commands that came in one read share its number. */
  private packets = 0;
  /** The read in which a line before sign-in was answered BAD: credentials in the same read are not judged. */
  private badPacket = -1;

  constructor(
    readonly ctx: ImapContext,
    socket: Socket,
    private readonly guarded: GuardedConnection,
  ) {
    this.socket = socket;
    this.attach(socket);
    // On an implicit-TLS listener the socket is encrypted from the start: its reads are the client's activity.
    if (socket instanceof TLSSocket) guarded.follow(socket);
    guarded.onExpiry((why) => this.end(why === 'idle' ? 'Autologout; idle for too long' : 'Autologout; not signed in in time', false));
    // The greeting goes out once the event loop has read what was waiting already (two turns: the
    // socket is polled between them). A client that spoke before it is no mail client — Postfix
    // logs "improper command pipelining after CONNECT", smtp-server answers "You talk too soon" —
    // and is closed, nothing it said judged (issue 15: a LOGIN sent before the greeting).
    setImmediate(() => setImmediate(() => this.greet()));
  }

  private greet(): void {
    if (this.closed) return;
    this.greeted = true;
    const profile = this.ctx.profile();
    const code = profile.imap.greetingCapability ? `[CAPABILITY ${capabilities(profile, 'not-authenticated', this.tls)}] ` : '';
    this.send(`* OK ${code}${profile.imap.greeting(this.id)}`);
  }

  get tls(): boolean {
    return this.socket instanceof TLSSocket;
  }

  clientName(): string | null {
    return this.name;
  }

  /** The signed-in account's mailbox a client means by this name (in the profile in force), or null. */
  mailboxNamed(name: string): MailboxRow | null {
    return findMailbox(this.ctx.mailboxes, this.grant.accountId, name, this.ctx.profile());
  }

  /** A mailbox's name as this session's client sees it. */
  nameOf(box: MailboxRow): string {
    return wireName(box, this.ctx.profile());
  }

  // — the wire —

  private attach(socket: Socket): void {
    socket.setTimeout(AUTOLOGOUT_MS);
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.read(chunk));
    socket.on('timeout', () => this.end('Autologout; idle for too long', false));
    socket.on('error', () => this.cleanup());
    socket.on('close', () => this.cleanup());
  }

  send(line: string): void {
    this.write([line, '\r\n']);
  }

  write(parts: (string | Buffer)[]): void {
    if (this.closed || this.socket.destroyed) return;
    const bytes = Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p)));
    this.socket.write(bytes);
  }

  private read(chunk: Buffer): void {
    // Whatever comes after the end is read only to be dropped (a close with unread bytes would reset the connection).
    if (this.closed) return;
    if (!this.greeted) {
      this.cutOff('Spoke before the greeting; nothing was read');
      return;
    }
    this.packets += 1;
    this.received(this.reader.push(chunk));
  }

  private received(events: ReaderEvent[]): void {
    for (const event of events) {
      if (this.closed) return;
      if (event.type === 'too-big') {
        const tag = tagOf(event.prefix);
        if (event.what === 'line' || !event.synchronizing) {
          this.cutOff(`Too much data (${event.what} too long)`);
          return;
        }
        this.send(`${tag} BAD [TOOBIG] Literal too large`);
        this.received(this.reader.dropCommand());
        return;
      }
      if (event.type === 'command' && this.state === 'not-authenticated' && looksLikeHttp(firstLine(event.bytes))) {
        this.cutOff('This is an IMAP server: HTTP is not answered');
        return;
      }
      if (event.type === 'command' && this.continuation) {
        const waiting = this.continuation;
        this.continuation = null;
        waiting(event.bytes.toString('utf8').replace(/\r?\n$/, ''));
        continue;
      }
      if (this.queue.length >= MAX_QUEUED) {
        this.cutOff('Too many commands at once');
        return;
      }
      this.queue.push({ event, packet: this.packets });
    }
    void this.pump();
  }

  /**
   * A synchronizing literal is answered in turn, once the commands before it have run: its
   * command must exist and be valid in the state the session is in then — an APPEND before sign-in
   * gets BAD, never `+` and 25 MB of message (issue 15).
   */
  private answerLiteral(prefix: Buffer, packet: number): void {
    const refusal = this.refusal(prefix);
    if (refusal) {
      this.answeredBad(refusal, packet);
      this.received(this.reader.dropCommand());
      return;
    }
    this.send('+ Ready for literal data');
    this.received(this.reader.continueLiteral());
  }

  /** The BAD a command gets for its name or the state, before its arguments are read; null if it may run. */
  private refusal(bytes: Buffer): string | null {
    const words = /^(\S+) (UID \S+|\S+)/i.exec(firstLine(bytes));
    if (!words) return null;
    const name = words[2]!.toUpperCase();
    const handler = commandFor(name);
    if (!handler) return `${tagOf(bytes)} BAD Unknown command ${name.slice(0, 32)}`;
    if (!handler.states.includes(this.state)) return `${tagOf(bytes)} BAD Command ${name} is not valid in the ${this.state} state`;
    return null;
  }

  /** Answers BAD; before sign-in, credentials that came in the same read are then not judged. */
  private answeredBad(line: string, packet: number): void {
    if (this.state === 'not-authenticated') this.badPacket = packet;
    this.send(line);
  }

  /** Runs queued commands one by one; a command that waits for a continuation holds the queue. */
  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.queue.length > 0 && !this.closed && !this.continuation) {
        const { event, packet } = this.queue.shift()!;
        if (event.type === 'literal-wanted') this.answerLiteral(event.prefix, packet);
        else await this.run(event.bytes, packet);
      }
    } finally {
      this.running = false;
    }
  }

  /** Waits for the next line the client sends, which is not a command (`+` was said first). */
  awaitContinuation(prompt: string): Promise<string> {
    this.send(`+ ${prompt}`);
    return new Promise((resolve) => {
      this.continuation = resolve;
      // Lines that came with the command (pipelined) answer the continuation at once.
      const early = this.queue[0];
      if (early && early.event.type === 'command') {
        this.queue.shift();
        this.continuation = null;
        resolve(early.event.bytes.toString('utf8').replace(/\r?\n$/, ''));
      }
    });
  }

  private async run(bytes: Buffer, packet: number): Promise<void> {
    if (bytes.toString('latin1').trim() === '') return;
    // Postfix's "improper command pipelining": credentials that came in one read after a line
    // that was no IMAP (an HTTP body, an HTML page) are not judged, and the client is let go.
    if (packet === this.badPacket && /^\S+ (LOGIN|AUTHENTICATE)( |$)/i.test(firstLine(bytes))) {
      this.cutOff('Credentials came together with lines that are not IMAP; nothing was checked');
      return;
    }
    let command: ParsedCommand;
    try {
      command = parseCommand(bytes);
    } catch (error) {
      const reason = error instanceof Error ? error.message.replace(/[\r\n]+/g, ' ').slice(0, 120) : 'syntax error';
      this.answeredBad(`${tagOf(bytes)} BAD Error in IMAP command: ${reason}`, packet);
      return;
    }
    const handler = commandFor(command.command);
    if (!handler) {
      this.answeredBad(`${command.tag} BAD Unknown command ${command.command.slice(0, 32)}`, packet);
      return;
    }
    if (!handler.states.includes(this.state)) {
      this.answeredBad(`${command.tag} BAD Command ${command.command} is not valid in the ${this.state} state`, packet);
      return;
    }
    try {
      await handler.run(this, command);
    } catch {
      this.send(`${command.tag} NO [SERVERBUG] Internal error; the command did nothing`);
    }
  }

  // — states —

  /** Signed in: the registry knows the session, so a revocation can end it. */
  authenticated(grant: MailGrant): void {
    this.grant = grant;
    this.state = 'authenticated';
    this.guarded.signedIn();
    this.unregister = this.ctx.registry.add(this);
  }

  select(mailbox: SelectedMailbox | null): void {
    this.unwatch();
    this.selected = mailbox;
    this.state = mailbox ? 'selected' : 'authenticated';
    if (mailbox) {
      let set = this.ctx.watchers.get(mailbox.box.id);
      if (!set) this.ctx.watchers.set(mailbox.box.id, (set = new Set()));
      set.add(this);
    }
  }

  /** Told by the mailbox store of a committed change to the selected mailbox. */
  mailboxChanged(): void {
    this.changesPending = true;
    this.idleListener?.();
  }

  /** The selected mailbox was deleted (by another session): its numbers mean nothing now (Dovecot's words). */
  mailboxDeleted(): void {
    this.end('Selected mailbox was deleted, have to disconnect.', false);
  }

  /** Sends what changed in the selected mailbox since the client was last told. */
  flushUpdates(expunges: boolean): void {
    if (!this.selected || !this.changesPending) return;
    if (expunges) this.changesPending = false;
    for (const line of this.selected.refresh(expunges)) this.send(line);
  }

  /** STARTTLS: the same connection, now encrypted; everything sent before the handshake is dropped. */
  startTls(): void {
    const plain = this.socket;
    plain.removeAllListeners('data');
    plain.removeAllListeners('timeout');
    this.reader.reset();
    this.queue.length = 0;
    const secure = new TLSSocket(plain, { isServer: true, secureContext: this.ctx.tls });
    this.socket = secure;
    this.attach(secure);
    this.guarded.follow(secure);
  }

  /** Ends the connection: `* BYE` with the reason ([ALERT] when the user must see it), then closes. */
  end(reason: string, alert = true): void {
    if (this.closed) return;
    this.send(`* BYE ${alert ? '[ALERT] ' : ''}${reason}`);
    this.state = 'logout';
    this.cleanup();
    this.close();
  }

  /**
   * Ends a connection for what it sent (too much, HTTP, credentials out of turn): the BYE, and
   * nothing more read — the socket is paused, so the rest of a 25 MB literal waits in the kernel
   * rather than in this process — and it is destroyed once the BYE has had time to leave.
   */
  private cutOff(reason: string): void {
    if (this.closed) return;
    this.send(`* BYE ${reason}`);
    this.state = 'logout';
    this.cleanup();
    const socket = this.socket;
    socket.pause();
    socket.end();
    setTimeout(() => socket.destroy(), CUT_OFF_LINGER_MS).unref();
  }

  /** LOGOUT's own ending: BYE, then the tagged OK, then close (in the profile's words). */
  logout(tag: string): void {
    const { bye, done } = this.ctx.profile().imap.logout;
    this.send(`* BYE ${bye}`);
    this.send(`${tag} OK ${done}`);
    this.state = 'logout';
    this.cleanup();
    this.close();
  }

  /** Our side closes; a client that keeps its side open is cut off after CLOSE_LINGER_MS. */
  private close(): void {
    const socket = this.socket;
    socket.end();
    setTimeout(() => socket.destroy(), CLOSE_LINGER_MS).unref();
  }

  private unwatch(): void {
    if (!this.selected) return;
    const set = this.ctx.watchers.get(this.selected.box.id);
    set?.delete(this);
    if (set && set.size === 0) this.ctx.watchers.delete(this.selected.box.id);
  }

  private cleanup(): void {
    if (this.closed) return;
    this.closed = true;
    this.unwatch();
    this.unregister?.();
    this.continuation = null;
    this.queue.length = 0;
    if (!this.socket.destroyed && this.socket.writableEnded) this.socket.destroy();
  }
}

/** The first line of a framed command, without its CRLF (and without any literal after it). */
function firstLine(bytes: Buffer): string {
  const newline = bytes.indexOf(0x0a);
  return bytes.subarray(0, newline === -1 ? Math.min(bytes.length, 1024) : Math.min(newline, 1024)).toString('latin1').replace(/\r$/, '');
}
