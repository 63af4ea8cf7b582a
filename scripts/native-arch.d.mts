export interface NativeModuleTarget {
  platform: 'linux' | 'darwin' | 'win32';
  /** One arch, or each arch of a universal Mach-O file. */
  archs: string[];
}
/** The system and arch a native module's first bytes say it is for, or null. */
export function nativeModuleTarget(bytes: Buffer): NativeModuleTarget | null;
export function nativeModuleTargetOf(path: string): NativeModuleTarget | null;
