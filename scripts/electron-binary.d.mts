export function electronPackage(root: string): { dir: string; version: string };
export function installedBinary(electronDir: string, env?: NodeJS.ProcessEnv): string | null;
export function downloaderError(stderr: string): string | undefined;
/** The Electron binary's path, downloading it on a first run, or the cause it cannot be had. */
export function resolveElectronBinary(options: {
  root: string;
  log?: (line: string) => void;
  stderrIsTTY?: boolean;
}): Promise<{ path: string; cause?: undefined } | { path?: undefined; cause: string }>;
