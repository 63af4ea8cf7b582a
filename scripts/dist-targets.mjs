// What `npm run dist` is asked to package, read from electron-builder's own flags (its CLI:
// `-m, -o, --mac, --macos`, `-l, --linux`, `-w, --win, --windows`, each optionally with targets,
// and the arch flags): which systems and which archs.

const PLATFORM_FLAGS = new Map([
  ['--mac', 'darwin'],
  ['--macos', 'darwin'],
  ['--linux', 'linux'],
  ['--win', 'win32'],
  ['--windows', 'win32'],
]);
const SHORT_FLAGS = new Map([
  ['m', 'darwin'],
  ['o', 'darwin'],
  ['l', 'linux'],
  ['w', 'win32'],
]);

export const SYSTEM_NAMES = { darwin: 'macOS', linux: 'Linux', win32: 'Windows' };

/** The systems (Node's platform names) the arguments ask for; none means the host's. */
export function requestedPlatforms(argv) {
  const platforms = new Set();
  for (const arg of argv) {
    const long = PLATFORM_FLAGS.get(arg.split('=')[0]);
    if (long) platforms.add(long);
    // A cluster of short flags (`-mwl`); `-c.key=value` is a configuration override, not a cluster.
    else if (/^-[a-zA-Z]+$/.test(arg)) for (const letter of arg.slice(1)) if (SHORT_FLAGS.has(letter)) platforms.add(SHORT_FLAGS.get(letter));
  }
  return [...platforms];
}

/** The archs electron-builder will package, from its own flags; a universal macOS app holds both. */
export function packagedArchs(argv, hostArch = process.arch) {
  const archs = new Set();
  for (const arch of ['x64', 'arm64', 'ia32', 'armv7l']) if (argv.includes(`--${arch}`)) archs.add(arch);
  if (argv.includes('--universal')) {
    archs.add('x64');
    archs.add('arm64');
  }
  return archs.size ? [...archs] : [hostArch];
}
