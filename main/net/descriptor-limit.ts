import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface DescriptorLimit {
  /** What the process may open now (RLIMIT_NOFILE's soft limit). */
  soft: number;
  /** How far it may raise that itself; Infinity for "unlimited". */
  hard: number;
}

/** Node's own ceiling when the hard limit is unlimited (node.cc, PlatformInit: `1 << 20`). */
const UNLIMITED_TARGET = 1 << 20;

/** RLIMIT_NOFILE of a process, where the system says (Linux: /proc/<pid>/limits); null elsewhere. */
export function descriptorLimit(pid: number = process.pid): DescriptorLimit | null {
  let limits: string;
  try {
    limits = readFileSync(`/proc/${pid}/limits`, 'utf8');
  } catch {
    return null;
  }
  const row = /^Max open files\s+(\d+|unlimited)\s+(\d+|unlimited)/m.exec(limits);
  if (!row) return null;
  const value = (text: string) => (text === 'unlimited' ? Infinity : Number(text));
  return { soft: value(row[1]!), hard: value(row[2]!) };
}

/**
 * Raises the soft descriptor limit to the hard one, where it can, and says what it is then.
 *
 * Node does this itself as it starts (node.cc, PlatformInit: "Raise the open file descriptor
 * limit"), so browser mode begins at the hard limit already. An embedder may not: Electron starts
 * Node with InitializeNodeWithArgs, which leaves resource limits alone (kNoAdjustResourceLimits),
 * and Chromium's browser process raises the limit only to 8,192 (BrowserMainLoop::
 * EarlyInitialization, base::IncreaseFdLimitTo(8192)). Node has no setrlimit(2) of its own, and
 * no native addon is needed for this one call: on Linux util-linux's prlimit(1) sets the limit of
 * this process from outside — raising a soft limit up to the hard one needs no privilege. Where
 * that is not possible (no prlimit, macOS, Windows) the limit stays as it is, and the listeners'
 * caps are fitted to it (listener-budget.ts).
 */
export function raiseDescriptorLimit(pid: number = process.pid): DescriptorLimit | null {
  const now = descriptorLimit(pid);
  if (!now || now.soft >= now.hard) return now;
  const target = Number.isFinite(now.hard) ? now.hard : UNLIMITED_TARGET;
  if (now.soft >= target) return now;
  try {
    // `soft:` sets the soft limit alone (prlimit(1)); the hard one stays.
    execFileSync('prlimit', ['--pid', String(pid), `--nofile=${target}:`], { stdio: 'ignore', timeout: 5000 });
  } catch {
    // No prlimit, or it was refused: the limit stays, and the caps fit it.
  }
  return descriptorLimit(pid);
}
