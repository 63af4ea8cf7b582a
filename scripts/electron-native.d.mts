/** Builds better-sqlite3 for Electron's ABI (once) and returns the path of the binary. */
export function ensureElectronNative(): Promise<string>;
