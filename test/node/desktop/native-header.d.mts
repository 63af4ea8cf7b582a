/** The first bytes of a compiled native module for `platform` and `arch` (see native-header.mjs). */
export function nativeHeader(platform: 'linux' | 'darwin' | 'win32', arch: 'x64' | 'arm64' | 'ia32' | 'armv7l'): Buffer;
