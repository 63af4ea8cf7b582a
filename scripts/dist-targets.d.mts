export const SYSTEM_NAMES: Record<'darwin' | 'linux' | 'win32', string>;
/** The systems (Node's platform names) electron-builder's flags ask for; none means the host's. */
export function requestedPlatforms(argv: string[]): string[];
/** The archs electron-builder will package; a universal macOS app holds x64 and arm64. */
export function packagedArchs(argv: string[], hostArch?: string): string[];
