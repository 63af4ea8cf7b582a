export function electronPackage(root: string): { dir: string; version: string };
export function installedBinary(electronDir: string, env?: NodeJS.ProcessEnv): string | null;
export function downloaderError(stderr: string): string | undefined;
/** The Electron binary's path and version (ELECTRON_OVERRIDE_DIST_PATH's, if set), downloading it on a first run, or the cause it cannot be had. */
export function resolveElectronBinary(options: {
  root: string;
  log?: (line: string) => void;
  env?: NodeJS.ProcessEnv;
  /** How often a download says it is still going (30 s). */
  progressEveryMs?: number;
}): Promise<{ path: string; version: string; cause?: undefined } | { path?: undefined; version?: undefined; cause: string }>;
