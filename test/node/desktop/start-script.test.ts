import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as ElectronBinary from '../../../scripts/electron-binary.mjs';
import { electronVersion, makeFakeProject, platformPath, writeFakeElectronBinary, type FakeProject } from './fake-project.js';
import { cleanEnv, runScript } from './run-script.js';
import { zip } from './zip.js';

/**
 * `npm start` end to end, up to the Electron binary: scripts/start.mjs runs for real in a copy of
 * the project whose outside world is fake (fake-project.ts). Each test is one way a first launch
 * goes on a user's machine, and checks what the user sees and what ends up running.
 */
const POSIX = process.platform !== 'win32';
const hasScriptCommand = process.platform === 'linux' && spawnSync('script', ['--version']).status === 0;

async function npmStart(project: FakeProject, env: NodeJS.ProcessEnv = {}, args = ['--lang', 'ja']) {
  const run = await runScript(join(project.root, 'scripts', 'start.mjs'), args, {
    cwd: project.root,
    env: cleanEnv({ TWOSTEP_SKIP_BUILD: '1', FAKE_EVENTS_LOG: project.log, ...env }),
  });
  return { ...run, events: project.events(), who: project.events().map((e) => e.who) };
}

describe('npm start on a first run (the Electron binary is downloaded)', () => {
  it('says it is downloading, builds better-sqlite3 for Electron, and starts the binary it downloaded with the arguments', async () => {
    const project = makeFakeProject();
    const run = await npmStart(project);

    expect(run.who).toEqual(['rebuild', 'electron-app']);
    const app = run.events[1]!;
    expect(app.args).toEqual(['--lang', 'ja']);
    expect(app.cwd).toBe(project.root);
    expect(run.output).not.toContain('cannot start the desktop app');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`downloading Electron ${electronVersion}`);
    expect(run.stdout).toContain('Downloading Electron binary...'); // electron/index.js's own first-run line
  });

  it('says the download is still going while it lasts', async () => {
    const project = makeFakeProject();
    const done = join(project.root, 'download-may-finish');
    const lines: string[] = [];
    const { resolveElectronBinary } = (await import(/* @vite-ignore */ pathToFileURL(join(project.root, 'scripts', 'electron-binary.mjs')).href)) as typeof ElectronBinary;
    const binary = await resolveElectronBinary({
      root: project.root,
      env: cleanEnv({ FAKE_DOWNLOAD: `wait-for:${done}` }),
      progressEveryMs: 20,
      log: (line) => {
        lines.push(line);
        // The fake download lasts until a progress line has been seen: no race with the clock.
        if (line.startsWith('…still downloading')) writeFileSync(done, '');
      },
    });
    expect(binary.path).toBe(join(project.root, 'node_modules', 'electron', 'dist', platformPath()));
    expect(lines[0]).toContain(`downloading Electron ${electronVersion}`);
    expect(lines.some((line) => /^…still downloading Electron \(\d+ s so far\)\.$/.test(line))).toBe(true);
  });

  it.skipIf(!hasScriptCommand)('on a terminal too, an offline first launch names the network, not electron/index.js’s “failed to install correctly” (needs util-linux’s script)', () => {
    const project = makeFakeProject();
    // util-linux's script runs npm start on a pseudo-terminal: stdout and stderr are a TTY, as in a shell.
    const run = spawnSync('script', ['-qec', `'${process.execPath}' scripts/start.mjs --lang ja`, '/dev/null'], {
      cwd: project.root,
      env: cleanEnv({ TWOSTEP_SKIP_BUILD: '1', FAKE_EVENTS_LOG: project.log, FAKE_DOWNLOAD: 'offline' }),
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.stdout).toContain(`TwoStep cannot start the desktop app here: Electron ${electronVersion} could not be downloaded (fetch failed).`);
    expect(run.stdout).toContain('needs an internet connection');
    expect(run.stdout).not.toContain('could not be downloaded (Electron failed to install correctly');
    expect(project.events().map((e) => e.who)).toEqual(['browser-mode']);
  });

  it('falls back to browser mode, naming the network, when the download fails', async () => {
    const project = makeFakeProject();
    const run = await npmStart(project, { FAKE_DOWNLOAD: 'offline' });

    expect(run.stderr).toContain('TypeError: fetch failed'); // the downloader's own error is passed through
    expect(run.stdout).toContain(`TwoStep cannot start the desktop app here: Electron ${electronVersion} could not be downloaded (fetch failed).`);
    expect(run.stdout).toContain('needs an internet connection');
    expect(run.who).toEqual(['browser-mode']);
    expect(run.events[0]!.args).toEqual(['--lang', 'ja']);
    expect(run.code).toBe(0);
  });

  it('falls back to browser mode when the download left no binary, saying where it should be and how to repair it', async () => {
    const project = makeFakeProject();
    const run = await npmStart(project, { FAKE_DOWNLOAD: 'no-binary' });

    expect(run.stdout).toContain(`Electron's binary is missing at ${join(project.root, 'node_modules', 'electron', 'dist', platformPath())}`);
    expect(run.stdout).toContain('Delete node_modules/electron and run `npm ci`');
    expect(run.who).toEqual(['browser-mode']);
  });
});

describe('npm start with ELECTRON_OVERRIDE_DIST_PATH (an unpacked Electron elsewhere)', () => {
  const unpackedElectron = ({ version }: { version?: string } = {}) => {
    const dist = mkdtempSync(join(tmpdir(), 'twostep-electron-dist-'));
    writeFakeElectronBinary(join(dist, platformPath()));
    if (version) writeFileSync(join(dist, 'version'), `v${version}\n`);
    return dist;
  };

  it('starts that Electron, without downloading, and builds better-sqlite3 for its version', async () => {
    const project = makeFakeProject();
    // path.txt as a first install writes it: the override is looked up with the same relative path.
    writeFileSync(join(project.root, 'node_modules', 'electron', 'path.txt'), platformPath());
    const dist = unpackedElectron({ version: '44.1.0' });
    const run = await npmStart(project, { ELECTRON_OVERRIDE_DIST_PATH: dist });

    expect(run.stdout).toContain(`Using Electron 44.1.0 from ELECTRON_OVERRIDE_DIST_PATH (${dist}).`);
    expect(run.stdout).not.toContain('ownloading');
    expect(run.who).toEqual(['rebuild', 'electron-app']);
    expect(run.events[0]!.options).toMatchObject({ electronVersion: '44.1.0' });
    expect(run.code).toBe(0);
  });

  it('pointing at a folder without Electron: names the variable and the path, and falls back', async () => {
    const project = makeFakeProject();
    const empty = mkdtempSync(join(tmpdir(), 'twostep-no-electron-'));
    const run = await npmStart(project, { ELECTRON_OVERRIDE_DIST_PATH: empty });

    expect(run.stdout).toContain(`ELECTRON_OVERRIDE_DIST_PATH is set to ${empty}, but there is no Electron binary at ${join(empty, 'electron')}`);
    expect(run.stdout).not.toContain('Delete node_modules/electron');
    expect(run.who).toEqual(['browser-mode']);
  });

  it('an Electron without its version file: says which Electron to build for cannot be told, and falls back', async () => {
    const project = makeFakeProject();
    writeFileSync(join(project.root, 'node_modules', 'electron', 'path.txt'), platformPath());
    const dist = unpackedElectron();
    const run = await npmStart(project, { ELECTRON_OVERRIDE_DIST_PATH: dist });

    expect(run.stdout).toContain(`ELECTRON_OVERRIDE_DIST_PATH is set to ${dist}, which has no \`version\` file`);
    expect(run.who).toEqual(['browser-mode']);
  });
});

describe('npm start with the binary already there', () => {
  it('does not download again and starts Electron in the project, whatever folder npm start was run from', async () => {
    const project = makeFakeProject({ binaryInstalled: true });
    const run = await runScript(join(project.root, 'scripts', 'start.mjs'), [], {
      cwd: mkdtempSync(join(tmpdir(), 'twostep-elsewhere-')),
      env: cleanEnv({ TWOSTEP_SKIP_BUILD: '1', FAKE_EVENTS_LOG: project.log }),
    });
    expect(run.stdout).not.toContain('Downloading');
    const events = project.events();
    expect(events.map((e) => e.who)).toEqual(['rebuild', 'electron-app']);
    expect(events[1]!.cwd).toBe(project.root);
    expect(run.code).toBe(0);
  });

  it('falls back to browser mode with the build error when better-sqlite3 cannot be built for Electron', async () => {
    const project = makeFakeProject({ binaryInstalled: true });
    const run = await npmStart(project, { FAKE_REBUILD: 'fail' });

    expect(run.stdout).toContain(`better-sqlite3 could not be built for Electron ${electronVersion} (node-gyp failed to rebuild`);
    expect(run.stdout).toContain('C++ toolchain');
    expect(run.stdout).not.toContain('downloading Electron');
    expect(run.who).toEqual(['rebuild', 'browser-mode']);
  });

  it('passes on the failure of a desktop app that exits with an error, and falls back', async () => {
    const project = makeFakeProject({ binaryInstalled: true });
    const run = await npmStart(project, { FAKE_APP: 'fail' });

    expect(run.stderr).toContain('the store is locked by another program');
    expect(run.stdout).toContain('the desktop app exited with code 1: TwoStep could not start: the store is locked by another program');
    expect(run.who).toEqual(['rebuild', 'electron-app', 'browser-mode']);
  });

  it.skipIf(!POSIX)('reports Electron ended by a signal as a failure, not as success, and falls back', async () => {
    const project = makeFakeProject({ binaryInstalled: true });
    const run = await npmStart(project, { FAKE_APP: 'killed' });

    expect(run.stdout).toContain('Electron ended by SIGKILL before it was quit');
    expect(run.who).toEqual(['rebuild', 'electron-app', 'browser-mode']);
  });

  it.skipIf(!POSIX)('explains the AppArmor sandbox block with both fixes, and never switches the sandbox off', async () => {
    const project = makeFakeProject({ binaryInstalled: true });
    const run = await npmStart(project, { FAKE_APP: 'sandbox' });

    const binary = join(project.root, 'node_modules', 'electron', 'dist', platformPath());
    expect(run.stdout).toContain("Electron's sandbox could not start");
    expect(run.stdout).toContain('electron/electron#42510');
    expect(run.stdout).toContain(`profile twostep-electron "%s" flags=(unconfined)`);
    expect(run.stdout).toContain(`'${binary}'`);
    expect(run.stdout).toContain(`sudo chmod 4755 '${join(project.root, 'node_modules', 'electron', 'dist', 'chrome-sandbox')}'`);
    const launches = run.events.filter((e) => e.who === 'electron-app');
    expect(launches).toHaveLength(1);
    expect(launches[0]!.args).not.toContain('--no-sandbox');
    expect(run.who.at(-1)).toBe('browser-mode');
  });

  it('exits with Electron’s code and no fallback when the user quits the app', async () => {
    const project = makeFakeProject({ binaryInstalled: true });
    const run = await npmStart(project);
    expect(run.who).toEqual(['rebuild', 'electron-app']);
    expect(run.code).toBe(0);
    // The second start reuses the native build.
    const again = await npmStart(project);
    expect(again.who).toEqual(['rebuild', 'electron-app', 'electron-app']);
  });
});

/**
 * The real electron package (index.js, install.js, @electron/get, the zip extractor) downloading
 * from a local mirror: every step of a real first launch up to the binary itself. The "release"
 * holds the fake binary (a shell script), so this runs where shell scripts run.
 */
describe.skipIf(!POSIX)('npm start against the real electron package and a local Electron mirror', () => {
  let server: Server;
  let mirror: string;
  const requests: string[] = [];

  beforeAll(async () => {
    const fileName = `electron-v${electronVersion}-${process.platform}-${process.arch}.zip`;
    const binary = Buffer.from(`#!/bin/sh\nexec '${process.execPath}' "$@"\n`);
    const release = zip([
      { name: platformPath(), data: binary, mode: 0o755 },
      { name: 'version', data: Buffer.from(electronVersion), mode: 0o644 },
    ]);
    const sums = `${createHash('sha256').update(release).digest('hex')} *${fileName}\n`;
    server = createServer((request, response) => {
      requests.push(request.url ?? '');
      if (request.url === `/v${electronVersion}/${fileName}`) return response.writeHead(200, { 'content-length': release.length }).end(release);
      if (request.url === `/v${electronVersion}/SHASUMS256.txt`) return response.writeHead(200).end(sums);
      response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    mirror = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('downloads, checks and extracts the release, writes path.txt, and starts the extracted binary', async () => {
    const project = makeFakeProject({ installer: 'real' });
    const run = await npmStart(project, {
      ELECTRON_MIRROR: mirror,
      // The release is not Electron's, so its checksum comes from the mirror instead of electron/checksums.json.
      electron_use_remote_checksums: '1',
      electron_config_cache: mkdtempSync(join(tmpdir(), 'twostep-electron-cache-')),
    });

    expect(requests).toContain(`/v${electronVersion}/electron-v${electronVersion}-${process.platform}-${process.arch}.zip`);
    expect(readFileSync(join(project.root, 'node_modules', 'electron', 'path.txt'), 'utf8')).toBe(platformPath());
    expect(existsSync(join(project.root, 'node_modules', 'electron', 'dist', platformPath()))).toBe(true);
    expect(run.who).toEqual(['rebuild', 'electron-app']);
    const rebuild = run.events[0]!.options as { buildPath: string };
    expect(isAbsolute(rebuild.buildPath)).toBe(true);
    expect(run.code).toBe(0);
  });
});
