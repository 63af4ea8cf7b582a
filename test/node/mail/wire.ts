import { connect, type Socket } from 'node:net';

/**
 * A bare line client for the IMAP and SMTP servers: what tests need to see every byte a server
 * says (exact profile lines, untagged responses, BYE) without a client library in between.
 */
export class Wire {
  private buffer = '';
  private waiters: (() => void)[] = [];
  closed = false;
  closedAt = 0;

  private constructor(readonly socket: Socket) {
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      this.buffer += chunk;
      this.wake();
    });
    socket.on('close', () => {
      this.closed = true;
      this.closedAt = performance.now();
      this.wake();
    });
    socket.on('error', () => undefined);
  }

  /** A connection to 127.0.0.1, from another loopback address when one is given (Linux routes all of 127/8 to it). */
  static open(port: number, localAddress?: string): Promise<Wire> {
    return new Promise((resolve, reject) => {
      const socket = connect({ port, host: '127.0.0.1', ...(localAddress ? { localAddress } : {}) }, () => resolve(new Wire(socket)));
      socket.once('error', reject);
    });
  }

  send(text: string): void {
    this.socket.write(text.endsWith('\r\n') ? text : `${text}\r\n`);
  }

  /** The next line (without CRLF); rejects if the connection ends or nothing comes in time. */
  async line(timeoutMs = 5000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const end = this.buffer.indexOf('\r\n');
      if (end !== -1) {
        const line = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 2);
        return line;
      }
      if (this.closed) throw new Error(`connection closed; unread: ${JSON.stringify(this.buffer)}`);
      if (Date.now() > deadline) throw new Error(`no line within ${timeoutMs} ms; unread: ${JSON.stringify(this.buffer)}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  /** Every line up to and including the one that starts with `tag ` (IMAP's tagged answer). */
  async until(tag: string, timeoutMs = 5000): Promise<string[]> {
    const lines: string[] = [];
    for (;;) {
      const line = await this.line(timeoutMs);
      lines.push(line);
      if (line.startsWith(`${tag} `)) return lines;
    }
  }

  /** An SMTP reply: its lines up to the one whose code is followed by a space. */
  async reply(timeoutMs = 5000): Promise<string[]> {
    const lines: string[] = [];
    for (;;) {
      const line = await this.line(timeoutMs);
      lines.push(line);
      if (/^\d{3} /.test(line) || /^\d{3}$/.test(line)) return lines;
    }
  }

  /** Resolves when the server has closed the connection. */
  async ended(timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.closed) {
      if (Date.now() > deadline) throw new Error('the connection is still open');
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  /** What arrived and was not read yet. */
  get unread(): string {
    return this.buffer;
  }

  close(): void {
    this.socket.destroy();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}

/** One IMAP LOGIN on a connection of its own: the tagged answer; the connection is then closed. */
export async function imapLoginAnswer(port: number, user: string, password: string): Promise<string> {
  const wire = await Wire.open(port);
  await wire.line();
  wire.send(`a LOGIN ${user} "${password}"`);
  const answer = (await wire.until('a')).at(-1)!;
  wire.close();
  return answer;
}

/** A signed-in IMAP connection with INBOX selected. */
export async function imapSignedIn(port: number, user: string, password: string, select = true): Promise<Wire> {
  const wire = await Wire.open(port);
  await wire.line();
  wire.send(`l1 LOGIN ${user} "${password}"`);
  const login = await wire.until('l1');
  if (!login.at(-1)!.startsWith('l1 OK')) throw new Error(`login refused: ${login.join(' / ')}`);
  if (select) {
    wire.send('s1 SELECT INBOX');
    await wire.until('s1');
  }
  return wire;
}
