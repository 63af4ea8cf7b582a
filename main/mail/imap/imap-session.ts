import { randomBytes } from 'node:crypto';
import type { Socket } from 'node:net';
import { TLSSocket } from 'node:tls';
import type { MailGrant } from '../../identity/service/mail-sign-in.js';
import type { MailSession } from '../session-registry.js';
import { CommandReader, MAX_SMALL_LITERAL, type ReaderEvent } from './command-reader.js';
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
  private readonly reader = new CommandReader();
  private readonly queue: ReaderEvent[] = [];
  private running = false;
  private continuation: Continuation | null = null;
  private unregister: (() => void) | null = null;
  private closed = false;

  constructor(
    readonly ctx: ImapContext,
    socket: Socket,
  ) {
    this.socket = socket;
    this.attach(socket);
    const profile = ctx.profile();
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
    socket.on('data', (chunk: Buffer) => this.received(this.reader.push(chunk)));
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

  private received(events: ReaderEvent[]): void {
    for (const event of events) {
      if (event.type === 'literal-wanted') {
        if (event.size > MAX_SMALL_LITERAL && !/^\S+ APPEND /i.test(event.prefix.subarray(0, 64).toString('latin1'))) {
          this.send(`${tagOf(event.prefix)} BAD [TOOBIG] Literal too large`);
          this.received(this.reader.dropCommand());
          return;
        }
        // Answered at once, even behind queued commands: the client waits for it (RFC 3501 §7.5).
        this.send('+ Ready for literal data');
        this.received(this.reader.continueLiteral());
        return;
      }
      if (event.type === 'too-big') {
        const tag = tagOf(event.prefix);
        if (event.what === 'line' || !event.synchronizing) {
          this.end(`Too much data (${event.what} too long)`, false);
          return;
        }
        this.send(`${tag} BAD [TOOBIG] Literal too large`);
        this.received(this.reader.dropCommand());
        return;
      }
      if (this.continuation) {
        const waiting = this.continuation;
        this.continuation = null;
        waiting(event.bytes.toString('utf8').replace(/\r?\n$/, ''));
        continue;
      }
      if (this.queue.length >= MAX_QUEUED) {
        this.end('Too many commands at once', false);
        return;
      }
      this.queue.push(event);
    }
    void this.pump();
  }

  /** Runs queued commands one by one; a command that waits for a continuation holds the queue. */
  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.queue.length > 0 && !this.closed && !this.continuation) {
        const event = this.queue.shift()!;
        if (event.type === 'command') await this.run(event.bytes);
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
      const early = this.queue.shift();
      if (early && early.type === 'command') {
        this.continuation = null;
        resolve(early.bytes.toString('utf8').replace(/\r?\n$/, ''));
      }
    });
  }

  private async run(bytes: Buffer): Promise<void> {
    if (bytes.toString('latin1').trim() === '') return;
    let command: ParsedCommand;
    try {
      command = parseCommand(bytes);
    } catch (error) {
      const reason = error instanceof Error ? error.message.replace(/[\r\n]+/g, ' ').slice(0, 120) : 'syntax error';
      this.send(`${tagOf(bytes)} BAD Error in IMAP command: ${reason}`);
      return;
    }
    const handler = commandFor(command.command);
    if (!handler) {
      this.send(`${command.tag} BAD Unknown command ${command.command.slice(0, 32)}`);
      return;
    }
    if (!handler.states.includes(this.state)) {
      this.send(`${command.tag} BAD Command ${command.command} is not valid in the ${this.state} state`);
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
  }

  /** Ends the connection: `* BYE` with the reason ([ALERT] when the user must see it), then closes. */
  end(reason: string, alert = true): void {
    if (this.closed) return;
    this.send(`* BYE ${alert ? '[ALERT] ' : ''}${reason}`);
    this.state = 'logout';
    this.cleanup();
    this.socket.end();
  }

  /** LOGOUT's own ending: BYE, then the tagged OK, then close (in the profile's words). */
  logout(tag: string): void {
    const { bye, done } = this.ctx.profile().imap.logout;
    this.send(`* BYE ${bye}`);
    this.send(`${tag} OK ${done}`);
    this.state = 'logout';
    this.cleanup();
    this.socket.end();
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
