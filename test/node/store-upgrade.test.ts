import Database from 'better-sqlite3';
import { chmodSync, copyFileSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../main/identity/store/database.js';
import { codeOnDevice, deviceOf, identityError, openService, signInApp, signInSite } from './helpers/identity.js';
import { tempStorePath } from './helpers/temp-store.js';

/** A store written by the first release (schema 10), and what was made in it (see its .json). */
const FIXTURE = join(import.meta.dirname, 'fixtures', 'stores', 'v10-demo.sqlite');
const made = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'stores', 'v10-demo.json'), 'utf8')) as {
  appleId: string;
  password: string;
  recoveryKey: string;
  appPassword: string;
  appPasswordLabel: string;
};

function copyOfFixture(): string {
  const path = tempStorePath();
  copyFileSync(FIXTURE, path);
  chmodSync(path, 0o600);
  return path;
}

describe('a store from the first release, opened by this one', () => {
  it('is upgraded, and every secret made before still works: keyed hashes, password, recovery key', async () => {
    const path = copyOfFixture();
    const before = new Database(path, { readonly: true });
    expect(before.pragma('user_version', { simple: true })).toBe(10);
    before.close();

    const { service } = await openService({ path });
    expect(service.database.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    // The app-specific password was stored as a keyed hash under the store's own secret and label.
    expect((await signInApp(service, 'messages', made.appPassword, made.appleId)).appPasswordLabel).toBe(made.appPasswordLabel);
    // The account password (scrypt) and a code still sign in to My Apple ID.
    expect(await signInSite(service, { appleId: made.appleId, password: made.password })).toBeTruthy();
    // The recovery key (a keyed hash too) still unlocks.
    const unlock = service.beginUnlock({ appleId: made.appleId, recoveryKey: made.recoveryKey });
    service.sendUnlockCode({ verificationId: unlock.verificationId, deviceId: deviceOf(unlock.devices, 'iphone') });
    await service.completeUnlock({ verificationId: unlock.verificationId, code: codeOnDevice(service), newPassword: 'After-Upgrade-2026' });
  });

  it('ends the account-site sessions that lived in the cookie alone', async () => {
    const path = copyOfFixture();
    const { service } = await openService({ path });
    const open = service.database.prepare('SELECT count(*) AS n FROM account_site_sessions WHERE ended_at IS NULL').get() as { n: number };
    expect(open.n).toBe(0);
  });

  it('keeps its apps signed in: client sessions are untouched', async () => {
    const { service } = await openService({ path: copyOfFixture() });
    expect(service.clientSessions().map((s) => [s.clientKind, s.appPasswordLabel])).toEqual([['third-party', made.appPasswordLabel]]);
  });
});

describe.skipIf(process.platform === 'win32')('the store is private to its owner', () => {
  const mode = (path: string) => statSync(path).mode & 0o777;

  it('a new store folder is 0700 and its files 0600', async () => {
    const path = join(dirname(tempStorePath()), 'fresh', 'twostep.sqlite');
    const warnings: string[] = [];
    const { service } = await openService({ path, warn: (m) => warnings.push(m) });
    await signInSite(service);
    expect(mode(dirname(path))).toBe(0o700);
    for (const file of [path, `${path}-wal`, `${path}-shm`]) expect({ file, mode: mode(file) }).toEqual({ file, mode: 0o600 });
    expect(warnings).toEqual([]);
  });

  it('a store others could read is made private at start, with a warning that says so', async () => {
    const path = tempStorePath();
    const first = await openService({ path, warn: () => {} });
    first.service.close();
    chmodSync(dirname(path), 0o755);
    chmodSync(path, 0o644);
    const warnings: string[] = [];
    const { service } = await openService({ path, warn: (m) => warnings.push(m) });
    expect(mode(dirname(path))).toBe(0o700);
    expect(mode(path)).toBe(0o600);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/could be read by other users \(mode 755\); it is now 700/);
    expect(warnings[1]).toMatch(/mode 644\); it is now 600/);
    // Nothing else changed: it opens and works.
    expect((await identityError(() => service.signInAccountSite({ appleId: made.appleId, password: 'wrong-password' }))).code).toBe('INCORRECT');
  });
});
