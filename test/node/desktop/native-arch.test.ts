import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nativeModuleTarget, nativeModuleTargetOf } from '../../../scripts/native-arch.mjs';
import { nativeHeader } from './native-header.mjs';

/**
 * scripts/native-arch.mjs reads which system and arch a compiled module is for (electron-native.mjs
 * refuses a build for another). Checked against real files here, and against `file` (libmagic, an
 * independent reader of the same headers) for the fakes' headers of every system and arch.
 */
const repoRoot = join(import.meta.dirname, '..', '..', '..');
const SYSTEMS = ['linux', 'darwin', 'win32'] as const;
const ARCHS = ['x64', 'arm64', 'ia32', 'armv7l'] as const;
const FILE_SAYS: Record<string, RegExp> = {
  x64: /x86-64|x86_64/,
  arm64: /aarch64|arm64/i,
  ia32: /80386|i386/,
  armv7l: /ARM(v7)?\b|armv7/,
};
const fileCommand = (() => {
  try {
    execFileSync('file', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('the system and arch of a native module, from its header', () => {
  it('this Node and better-sqlite3’s Node build are for this machine', () => {
    const nodeBuild = join(dirname(createRequire(join(repoRoot, 'package.json')).resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');
    expect(nativeModuleTargetOf(nodeBuild)).toEqual({ platform: process.platform, archs: [process.arch] });
    if (process.platform !== 'darwin') expect(nativeModuleTargetOf(process.execPath)).toEqual({ platform: process.platform, archs: [process.arch] });
  });

  it.skipIf(!fileCommand)('agrees with `file` on an ELF, Mach-O and PE module of every arch (`file` is not installed here)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'twostep-headers-'));
    for (const platform of SYSTEMS) {
      for (const arch of ARCHS) {
        const path = join(dir, `${platform}-${arch}.node`);
        writeFileSync(path, nativeHeader(platform, arch));
        const said = execFileSync('file', ['--brief', path], { encoding: 'utf8' });
        expect(said, `${platform}-${arch}`).toMatch({ linux: /^ELF .* shared object/, darwin: /^Mach-O .*bundle/, win32: /^PE32\+? executable \(DLL\)/ }[platform]);
        expect(said, `${platform}-${arch}`).toMatch(FILE_SAYS[arch]!);
        expect(nativeModuleTargetOf(path)).toEqual({ platform, archs: [arch] });
      }
    }
  });

  it('lists both archs of a universal (fat) Mach-O file, as lipo writes it', () => {
    const fat = Buffer.alloc(64);
    fat.writeUInt32BE(0xcafebabe, 0);
    fat.writeUInt32BE(2, 4);
    fat.writeInt32BE(0x01000007, 8); // x86_64, then cpusubtype, offset, size, align
    fat.writeInt32BE(0x0100000c, 28); // arm64
    expect(nativeModuleTarget(fat)).toEqual({ platform: 'darwin', archs: ['x64', 'arm64'] });
  });

  it('knows nothing of a text file, a truncated header or an unknown machine, and says so', () => {
    expect(nativeModuleTarget(Buffer.from('better-sqlite3 built for Electron'.padEnd(80)))).toBeNull();
    expect(nativeModuleTarget(nativeHeader('linux', 'x64').subarray(0, 20))).toBeNull();
    const riscv = nativeHeader('linux', 'x64');
    riscv.writeUInt16LE(0xf3, 18);
    expect(nativeModuleTarget(riscv)).toEqual({ platform: 'linux', archs: ['unknown (0xf3)'] });
  });
});
