// Which system and arch a compiled native module (a .node file) is for, read from its header, as
// the loader of each system reads it: ELF on Linux (e_machine), Mach-O on macOS (cputype; a
// universal file lists one per arch), PE on Windows (the COFF header's Machine). A few fixed
// offsets in three published formats, so no dependency is taken for it.
import { closeSync, openSync, readSync } from 'node:fs';

const ELF_MACHINES = { 0x03: 'ia32', 0x28: 'armv7l', 0x3e: 'x64', 0xb7: 'arm64' };
const MACHO_CPUS = { 0x7: 'ia32', 0x01000007: 'x64', 0xc: 'armv7l', 0x0100000c: 'arm64' };
const PE_MACHINES = { 0x14c: 'ia32', 0x1c4: 'armv7l', 0x8664: 'x64', 0xaa64: 'arm64' };

const archName = (table, code) => table[code] ?? `unknown (0x${code.toString(16)})`;

/** { platform, archs } for a native module's first bytes, or null for anything else. */
export function nativeModuleTarget(bytes) {
  if (bytes.length < 64) return null;
  // ELF: \x7fELF, then EI_DATA (1 little-endian, 2 big-endian) and e_machine at 18.
  if (bytes.readUInt32BE(0) === 0x7f454c46) {
    const machine = bytes[5] === 2 ? bytes.readUInt16BE(18) : bytes.readUInt16LE(18);
    return { platform: 'linux', archs: [archName(ELF_MACHINES, machine)] };
  }
  // Mach-O, thin (MH_MAGIC / MH_MAGIC_64, little-endian on every Mac) or universal (FAT_MAGIC, big-endian).
  const magic = bytes.readUInt32LE(0);
  if (magic === 0xfeedface || magic === 0xfeedfacf) return { platform: 'darwin', archs: [archName(MACHO_CPUS, bytes.readInt32LE(4))] };
  if (bytes.readUInt32BE(0) === 0xcafebabe || bytes.readUInt32BE(0) === 0xcafebabf) {
    const entrySize = bytes.readUInt32BE(0) === 0xcafebabe ? 20 : 32;
    const count = Math.min(bytes.readUInt32BE(4), Math.floor((bytes.length - 8) / entrySize));
    const archs = Array.from({ length: count }, (_, i) => archName(MACHO_CPUS, bytes.readInt32BE(8 + i * entrySize)));
    return { platform: 'darwin', archs };
  }
  // PE: "MZ", the offset of "PE\0\0" at 0x3c, the COFF Machine right after it.
  if (bytes.readUInt16LE(0) === 0x5a4d) {
    const pe = bytes.readUInt32LE(0x3c);
    if (pe + 6 <= bytes.length && bytes.readUInt32BE(pe) === 0x50450000) return { platform: 'win32', archs: [archName(PE_MACHINES, bytes.readUInt16LE(pe + 4))] };
  }
  return null;
}

/** The target of the native module at `path` (its first 4 KiB are enough for every header above). */
export function nativeModuleTargetOf(path) {
  const fd = openSync(path, 'r');
  try {
    const bytes = Buffer.alloc(4096);
    return nativeModuleTarget(bytes.subarray(0, readSync(fd, bytes, 0, bytes.length, 0)));
  } finally {
    closeSync(fd);
  }
}
