import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);

/**
 * A terminal program (mutt, neomutt, aerc) driven as a person would, in a tmux window of its own
 * server: the screen read with capture-pane, keys typed with send-keys.
 */
export class Terminal {
  private constructor(private readonly socket: string) {}

  /** Starts `command` (run by sh, in `dir`) in an 160×40 window. */
  static async start(dir: string, command: string): Promise<Terminal> {
    const socket = `twostep-${randomBytes(6).toString('hex')}`;
    const script = join(dir, `${socket}.sh`);
    writeFileSync(script, `cd '${dir}'\nexport TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8\nexec ${command}\n`);
    await exec('tmux', ['-L', socket, '-f', '/dev/null', 'new-session', '-d', '-x', '160', '-y', '40', 'sh', script]);
    return new Terminal(socket);
  }

  /** What the window shows now (empty once the program has ended). */
  async screen(): Promise<string> {
    try {
      return (await exec('tmux', ['-L', this.socket, 'capture-pane', '-p', '-J'])).stdout;
    } catch {
      return '';
    }
  }

  async keys(...keys: string[]): Promise<void> {
    await exec('tmux', ['-L', this.socket, 'send-keys', ...keys]);
  }

  async stop(): Promise<void> {
    await exec('tmux', ['-L', this.socket, 'kill-server']).catch(() => undefined);
  }
}
