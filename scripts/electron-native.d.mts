export interface NativeTarget {
  platform: string;
  arch: string;
  electronVersion: string;
  betterSqlite3Version: string;
  betterSqlite3Dir: string;
}

/** What @electron/rebuild's `rebuild` is called with (a test may pass its own function). */
export interface RebuildOptions {
  buildPath: string;
  electronVersion: string;
  platform: string;
  arch: string;
  onlyModules: string[];
  force: boolean;
}

export const projectRoot: string;
export function nativeBuildKey(target: Omit<NativeTarget, 'betterSqlite3Dir'>): string;
export function nativeTarget(options?: { root?: string; platform?: string; arch?: string; electronVersion?: string }): NativeTarget;
export function nativeBuildPath(target: Omit<NativeTarget, 'betterSqlite3Dir'>, root?: string): string;

/** Builds better-sqlite3 for Electron once per platform, arch, Electron and better-sqlite3 version; returns the binary's path. */
export function ensureElectronNative(options?: {
  root?: string;
  platform?: string;
  arch?: string;
  /** The installed electron package's version unless given. */
  electronVersion?: string;
  rebuild?: (options: RebuildOptions) => Promise<unknown>;
  log?: (line: string) => void;
}): Promise<string>;
