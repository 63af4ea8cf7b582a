// The first bytes of a native module as each system's toolchain writes them, for fakes that
// stand in for a compiled better_sqlite3.node: an ELF64 shared object (Linux), a Mach-O 64-bit
// bundle (macOS) or a PE32+ DLL (Windows), for the given arch. `file` names each of them as it
// names the real thing (native-arch.test.ts checks that).
const ELF_MACHINE = { ia32: 0x03, armv7l: 0x28, x64: 0x3e, arm64: 0xb7 };
const MACHO_CPU = { ia32: [0x7, 3], x64: [0x01000007, 3], armv7l: [0xc, 9], arm64: [0x0100000c, 0] };
const PE_MACHINE = { ia32: 0x14c, armv7l: 0x1c4, x64: 0x8664, arm64: 0xaa64 };

export function nativeHeader(platform, arch) {
  const bytes = Buffer.alloc(512);
  if (platform === 'linux') {
    bytes.writeUInt32BE(0x7f454c46, 0);
    bytes[4] = arch === 'ia32' || arch === 'armv7l' ? 1 : 2; // ELFCLASS32 / ELFCLASS64
    bytes[5] = 1; // little-endian
    bytes[6] = 1; // EV_CURRENT
    bytes.writeUInt16LE(3, 16); // ET_DYN: a shared object
    bytes.writeUInt16LE(ELF_MACHINE[arch], 18);
    bytes.writeUInt32LE(1, 20);
  } else if (platform === 'darwin') {
    const [cpu, subtype] = MACHO_CPU[arch];
    bytes.writeUInt32LE(arch === 'ia32' || arch === 'armv7l' ? 0xfeedface : 0xfeedfacf, 0);
    bytes.writeInt32LE(cpu, 4);
    bytes.writeInt32LE(subtype, 8);
    bytes.writeUInt32LE(8, 12); // MH_BUNDLE: what node-gyp links a .node as
  } else if (platform === 'win32') {
    bytes.write('MZ', 0, 'latin1');
    bytes.writeUInt32LE(0x40, 0x3c);
    bytes.write('PE\0\0', 0x40, 'latin1');
    bytes.writeUInt16LE(PE_MACHINE[arch], 0x44);
    bytes.writeUInt16LE(0xf0, 0x54); // SizeOfOptionalHeader
    bytes.writeUInt16LE(0x2022, 0x56); // a DLL, executable, large-address aware
    const optional = 0x58;
    bytes.writeUInt16LE(arch === 'ia32' || arch === 'armv7l' ? 0x10b : 0x20b, optional); // PE32 / PE32+
    bytes.writeUInt16LE(2, optional + 68); // IMAGE_SUBSYSTEM_WINDOWS_GUI, as node-gyp links a .node
  } else {
    throw new Error(`no native module format for ${platform}`);
  }
  return bytes;
}
