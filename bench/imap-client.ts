import { connect, type Socket } from 'node:net';

/** A lean IMAP line client for the benchmarks: sends a command, waits for its tagged answer. */
export class BenchImap {
  private buffer = '';
  private waiter: (() => void) | null = null;
  /** When the server's `* BYE` arrived (a wall clock comparable across processes), if it did. */
  byeAt: number | null = null;
  closed = false;

  private constructor(private readonly socket: Socket) {
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      if (this.byeAt === null && chunk.includes('* BYE')) this.byeAt = performance.timeOrigin + performance.now();
      this.buffer += chunk;
      this.waiter?.();
    });
    socket.on('close', () => {
      this.closed = true;
      this.waiter?.();
    });
    socket.on('error', () => undefined);
  }

  /** From another loopback address when one is given: the server lets one address hold half its connections. */
  static open(port: number, localAddress?: string): Promise<BenchImap> {
    return new Promise((resolve, reject) => {
      const socket = connect({ port, host: '127.0.0.1', ...(localAddress ? { localAddress } : {}) }, () => resolve(new BenchImap(socket)));
      socket.once('error', reject);
    });
  }

  /** Resolves once `text` has arrived (consuming everything up to it). */
  async waitFor(text: string): Promise<void> {
    for (;;) {
      const at = this.buffer.indexOf(text);
      if (at !== -1) {
        this.buffer = this.buffer.slice(at + text.length);
        return;
      }
      if (this.closed) throw new Error(`closed before "${text}"`);
      await new Promise<void>((resolve) => (this.waiter = resolve));
    }
  }

  async command(tag: string, command: string): Promise<void> {
    this.socket.write(`${tag} ${command}\r\n`);
    await this.waitFor(`${tag} OK`);
  }

  /** Greeting, LOGIN and SELECT INBOX: a client ready to idle. */
  static async signedIn(port: number, user: string, password: string, localAddress?: string): Promise<BenchImap> {
    const client = await BenchImap.open(port, localAddress);
    await client.waitFor('* OK');
    await client.command('a', `LOGIN ${user} "${password}"`);
    await client.command('b', 'SELECT INBOX');
    return client;
  }

  async ended(): Promise<void> {
    while (!this.closed) await new Promise<void>((resolve) => (this.waiter = resolve));
  }

  close(): void {
    this.socket.destroy();
  }
}
