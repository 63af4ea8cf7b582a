// Loaded with `node --import` into a script under test: the script believes it runs on Windows
// (process.platform is 'win32') and its child processes start by Windows' rules, as Node 20.12.2+
// applies them there (lib/child_process.js normalizeSpawnArguments; src/util-inl.h
// IsWindowsBatchFile; test/parallel/test-child-process-spawn-windows-batch-file.js):
// - a .bat or .cmd file without `shell` is refused: spawn() throws EINVAL, spawnSync() returns it
//   as `error` (CVE-2024-27980; npx and npm are npx.cmd and npm.cmd there);
// - with `shell`, the command and its arguments are joined with spaces, unquoted, and handed to
//   cmd.exe /d /s /c, which takes the line up to the first space as the program: a Node under
//   C:\Program Files\nodejs is looked for as C:\Program. The line is run here by /bin/sh, which
//   splits it the same way for these scripts' arguments, after that first word is checked.
// A bare name is looked up on PATH (the test's PATH holds npx.cmd, as Windows does, not npx).
import childProcess from 'node:child_process';
import { existsSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

Object.defineProperty(process, 'platform', { value: 'win32' });

const { spawn, spawnSync } = childProcess;
const isBatchFile = (file) => /\.(bat|cmd)$/i.test(file);
const einval = () => Object.assign(new Error('spawn EINVAL'), { errno: -4071, code: 'EINVAL', syscall: 'spawn' });

/** What cmd.exe does with the line when its first word is not a program: says so, exit code 1. */
function notRecognised(line) {
  const program = line.split(' ')[0];
  if (existsSync(program) || !program.includes('/')) return null;
  return `'${program}' is not recognized as an internal or external command,\r\noperable program or batch file.\r\n`;
}

function windowsArguments(file, args, options) {
  if (!options?.shell) return { file, args, options };
  const line = [file, ...args].join(' ');
  return { file: '/bin/sh', args: ['-c', line], options: { ...options, shell: false }, refused: notRecognised(line) };
}

childProcess.spawnSync = function (file, args = [], options = {}) {
  if (!Array.isArray(args)) [args, options] = [[], args];
  if (!options?.shell && isBatchFile(file)) return { error: einval(), status: null, signal: null, output: null, pid: 0, stdout: null, stderr: null };
  const call = windowsArguments(file, args, options);
  if (call.refused) {
    process.stderr.write(call.refused);
    return { status: 1, signal: null, output: [null, '', call.refused], pid: 0, stdout: '', stderr: call.refused };
  }
  return spawnSync(call.file, call.args, call.options);
};

childProcess.spawn = function (file, args = [], options = {}) {
  if (!Array.isArray(args)) [args, options] = [[], args];
  if (!options?.shell && isBatchFile(file)) throw einval();
  const call = windowsArguments(file, args, options);
  if (call.refused) return spawn('/bin/sh', ['-c', `printf '%s' "$0" >&2; exit 1`, call.refused], { ...options, shell: false });
  return spawn(call.file, call.args, call.options);
};

syncBuiltinESMExports();
