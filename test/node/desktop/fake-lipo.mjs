// Stands in for Apple's lipo where @electron/universal calls it (`lipo <x64> <arm64> -create
// -output <file>`, in its index.js and asar-utils.js): writes a universal ("fat") Mach-O file as
// lipo does, a big-endian fat header listing each thin file's CPU type, then each file at an
// offset aligned to 2^14 (what lipo uses for arm64 and x86_64).
import { readFileSync, writeFileSync } from 'node:fs';

const args = process.argv.slice(2);
const output = args[args.indexOf('-output') + 1];
const inputs = args.filter((arg, i) => !arg.startsWith('-') && args[i - 1] !== '-output');
const ALIGN = 14;
const thin = inputs.map((path) => readFileSync(path));
const header = Buffer.alloc(8 + 20 * thin.length);
header.writeUInt32BE(0xcafebabe, 0);
header.writeUInt32BE(thin.length, 4);
const parts = [header];
let offset = header.length;
thin.forEach((bytes, i) => {
  const aligned = Math.ceil(offset / 2 ** ALIGN) * 2 ** ALIGN;
  parts.push(Buffer.alloc(aligned - offset), bytes);
  const entry = 8 + 20 * i;
  header.writeInt32BE(bytes.readInt32LE(4), entry); // cputype
  header.writeInt32BE(bytes.readInt32LE(8), entry + 4); // cpusubtype
  header.writeUInt32BE(aligned, entry + 8);
  header.writeUInt32BE(bytes.length, entry + 12);
  header.writeUInt32BE(ALIGN, entry + 16);
  offset = aligned + bytes.length;
});
writeFileSync(output, Buffer.concat(parts));
