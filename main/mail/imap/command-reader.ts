/**
 * Frames what a client sends into whole commands (RFC 3501 §2.2): a line ends in CRLF; a line
 * that ends in `{n}` announces n bytes of literal data that are part of the same command —
 * sent after the server's `+` (a synchronizing literal) or at once with `{n+}` (LITERAL+,
 * RFC 7888). Nothing is parsed here beyond that; limits keep a client from holding unbounded
 * memory.
 */
export interface ReaderLimits {
  /** One line, without its literals. */
  maxLine: number;
  /** One literal, of the command whose first bytes are `prefix` (APPEND's message is larger than a password). */
  maxLiteral(prefix: Buffer): number;
  /** A whole command, literals included. */
  maxCommand: number;
}

export type ReaderEvent =
  | { type: 'command'; bytes: Buffer }
  /** A synchronizing literal is awaited: the server says `+` (or refuses it). */
  | { type: 'literal-wanted'; size: number; prefix: Buffer }
  /** Too much: the session answers and, for a literal already on its way, closes. */
  | { type: 'too-big'; what: 'line' | 'literal' | 'command'; synchronizing: boolean; prefix: Buffer };

const LITERAL_AT_END = /\{(\d{1,10})(\+)?\}\r?\n$/;

export class CommandReader {
  private pending: Buffer = Buffer.alloc(0);
  private parts: Buffer[] = [];
  private size = 0;
  private literalLeft = 0;
  /** A synchronizing literal waits for the session to say `+` (or to refuse it). */
  private waiting = false;

  /** `limits` is asked at each line: a session's limits change when it signs in. */
  constructor(private readonly limits: () => ReaderLimits) {}

  /** Feeds bytes; returns the events they complete, in order. */
  push(chunk: Buffer): ReaderEvent[] {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    return this.drain();
  }

  /** The session said `+`: the literal's bytes may come. */
  continueLiteral(): ReaderEvent[] {
    this.waiting = false;
    return this.drain();
  }

  /** The session refused the literal (NO / BAD): the command is dropped, the next line is a new command. */
  dropCommand(): ReaderEvent[] {
    this.waiting = false;
    this.literalLeft = 0;
    this.parts = [];
    this.size = 0;
    return this.drain();
  }

  /** After STARTTLS: anything the client sent before the handshake is thrown away (RFC 3501 §6.2.1). */
  reset(): void {
    this.pending = Buffer.alloc(0);
    this.parts = [];
    this.size = 0;
    this.literalLeft = 0;
    this.waiting = false;
  }

  private drain(): ReaderEvent[] {
    const events: ReaderEvent[] = [];
    while (!this.waiting) {
      if (this.literalLeft > 0) {
        if (this.pending.length === 0) break;
        const take = Math.min(this.literalLeft, this.pending.length);
        this.parts.push(this.pending.subarray(0, take));
        this.pending = this.pending.subarray(take);
        this.literalLeft -= take;
        continue;
      }
      const limits = this.limits();
      const newline = this.pending.indexOf(0x0a);
      if (newline === -1) {
        if (this.pending.length > limits.maxLine) {
          events.push({ type: 'too-big', what: 'line', synchronizing: false, prefix: this.pending.subarray(0, 64) });
          this.reset();
        }
        break;
      }
      const line = this.pending.subarray(0, newline + 1);
      this.pending = this.pending.subarray(newline + 1);
      if (line.length > limits.maxLine) {
        events.push({ type: 'too-big', what: 'line', synchronizing: false, prefix: line.subarray(0, 64) });
        this.parts = [];
        this.size = 0;
        continue;
      }
      const literal = LITERAL_AT_END.exec(line.subarray(Math.max(0, line.length - 16)).toString('latin1'));
      this.parts.push(line);
      this.size += line.length;
      if (!literal) {
        events.push({ type: 'command', bytes: Buffer.concat(this.parts) });
        this.parts = [];
        this.size = 0;
        continue;
      }
      const literalSize = Number(literal[1]);
      const synchronizing = literal[2] === undefined;
      const prefix = Buffer.concat(this.parts);
      const tooLong = literalSize > limits.maxLiteral(prefix);
      if (tooLong || this.size + literalSize > limits.maxCommand) {
        events.push({ type: 'too-big', what: tooLong ? 'literal' : 'command', synchronizing, prefix: prefix.subarray(0, 64) });
        // A synchronizing literal is never sent once refused; a non-synchronizing one is on its
        // way already, and the session closes the connection rather than read it (RFC 7888 §4).
        this.parts = [];
        this.size = 0;
        if (!synchronizing) this.reset();
        continue;
      }
      this.size += literalSize;
      this.literalLeft = literalSize;
      if (synchronizing) {
        this.waiting = true;
        events.push({ type: 'literal-wanted', size: literalSize, prefix });
      }
    }
    return events;
  }
}
