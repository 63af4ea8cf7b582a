import { describe, expect, it } from 'vitest';
import type { ClientKind } from '../../preload/contract/models.js';
import { DAY, MINUTE } from '../../main/identity/clock.js';
import type { IdentityService } from '../../main/identity/identity-service.js';
import { activityLog, DEMO_ACCOUNT, identityError, openService, signInSite } from './helpers/identity.js';
import { failuresOf } from './helpers/password-checks.js';

/**
 * Issue 15, finding 5: a client that keeps its revoked app-specific password and retries it —
 * as fetchmail, aerc and neomutt do after `* BYE … revoked` — presents no guess. It is refused
 * in the usual words, logged and shown in View History, and spends nothing of the account's
 * failure budget, on every channel. Before, five retries locked the account.
 */
const { appleId } = DEMO_ACCOUNT;
const RETRY_MS = 15_000;
const failures = (service: IdentityService) => failuresOf(service, appleId);

async function withRevoked(label = 'Old Mac') {
  const opened = await openService();
  const token = await signInSite(opened.service);
  const revoked = opened.service.createAppPassword(token, { label });
  const other = opened.service.createAppPassword(token, { label: 'Still in use' });
  opened.service.revokeAppPassword(token, { appPasswordId: revoked.appPassword.id });
  return { ...opened, token, revoked, other };
}

describe('a revoked app-specific password, presented again', () => {
  it('Messages, FaceTime and the third-party app retrying it every 15 s for 10 minutes: refused each time, never locked, the other password still works', async () => {
    const { service, clock, token, revoked, other } = await withRevoked();
    const clients: ClientKind[] = ['messages', 'facetime', 'third-party'];
    for (let t = 0; t < (10 * MINUTE) / RETRY_MS; t++) {
      for (const clientKind of clients) {
        const error = await identityError(() => service.signInClient({ clientKind, appleId, password: revoked.password }));
        expect(error.code).toBe('INCORRECT');
      }
      clock.advance(RETRY_MS);
    }
    expect(failures(service)).toBe(0);
    expect(await service.signInClient({ clientKind: 'messages', appleId, password: other.password })).toMatchObject({ status: 'SIGNED_IN' });
    // The log says what happened, and View History shows which client still tries it.
    const used = activityLog(service).filter((e) => e.event === 'app-password-used-after-revocation');
    expect(used.length).toBeGreaterThan(0);
    expect(used[0]).toMatchObject({ source: 'messages', outcome: 'failure', detail: { label: 'Old Mac' } });
    const listed = service.listAppPasswords(token).find((p) => p.label === 'Old Mac');
    expect(listed?.revokedAt).toBeGreaterThan(0);
    expect(listed?.usedAfterRevocation).toMatchObject({ by: 'third-party', times: 120 });
    expect(activityLog(service).filter((e) => e.event === 'sign-in-refused' && e.detail.reason === 'incorrect')).toEqual([]);
  });

  it('with or without dashes, in capitals: still the same password, still no guess', async () => {
    const { service, revoked } = await withRevoked();
    for (const form of [revoked.password, revoked.password.replace(/-/g, ''), revoked.password.toUpperCase()]) {
      for (let i = 0; i < 3; i++) expect((await identityError(() => service.signInClient({ clientKind: 'messages', appleId, password: form }))).code).toBe('INCORRECT');
    }
    expect(failures(service)).toBe(0);
  });

  it('revoked by a password change, or by turning two-step off (the account then takes its password): still no guess', async () => {
    const changed = await withRevoked();
    const newPassword = 'Changed-Pass-2015';
    await changed.service.changePassword(changed.token, { currentPassword: DEMO_ACCOUNT.password, newPassword });
    for (let i = 0; i < 8; i++) {
      expect((await identityError(() => changed.service.signInClient({ clientKind: 'messages', appleId, password: changed.other.password }))).code).toBe('INCORRECT');
    }
    expect(failures(changed.service)).toBe(0);

    const off = await withRevoked();
    await off.service.setSecurityLevel(off.token, { level: 'none', currentPassword: DEMO_ACCOUNT.password });
    for (let i = 0; i < 8; i++) {
      expect((await identityError(() => off.service.signInClient({ clientKind: 'messages', appleId, password: off.other.password }))).code).toBe('INCORRECT');
    }
    expect(failures(off.service)).toBe(0);
    expect(await off.service.signInClient({ clientKind: 'messages', appleId, password: DEMO_ACCOUNT.password })).toMatchObject({ status: 'SIGNED_IN' });
  });

  it('a locked account answers as locked and counts nothing more', async () => {
    const { service, clock, revoked } = await withRevoked();
    for (let i = 0; i < 5; i++) await identityError(() => service.signInClient({ clientKind: 'messages', appleId, password: `Wrong-Guess-${i}` }));
    expect(failures(service)).toBe(5);
    expect((await identityError(() => service.signInClient({ clientKind: 'messages', appleId, password: revoked.password }))).code).toBe('LOCKED');
    expect(failures(service)).toBe(5);
    clock.advance(2 * MINUTE);
    expect((await identityError(() => service.signInClient({ clientKind: 'messages', appleId, password: revoked.password }))).code).toBe('INCORRECT');
    expect(failures(service)).toBe(5);
  });

  it('a value shaped like an app-specific password that never was one of this account is a guess like any other', async () => {
    const { service } = await withRevoked();
    for (let i = 0; i < 5; i++) await identityError(() => service.signInClient({ clientKind: 'messages', appleId, password: `abcd-efgh-ijkl-mno${'pqrst'[i]}` }));
    expect(failures(service)).toBe(5);
  });

  it('another Apple ID presenting it gains nothing: it is a guess at that account', async () => {
    const { service, revoked } = await withRevoked();
    await service.createAccount({ appleId: 'hanako@twostep.example', password: 'Hanako-Pass-2015', fullName: 'Hanako' });
    await identityError(() => service.signInClient({ clientKind: 'messages', appleId: 'hanako@twostep.example', password: revoked.password }));
    const hanako = service.database.prepare('SELECT failed_attempts FROM accounts WHERE apple_id = ?').get('hanako@twostep.example') as { failed_attempts: number };
    expect(hanako.failed_attempts).toBe(1);
  });

  it('only the last 100 revoked per account are kept, for a year: older ones count as guesses again', async () => {
    const { service, clock, token, revoked } = await withRevoked('First revoked');
    // 100 more, revoked in turn (at most 25 are active at once).
    for (let i = 0; i < 100; i++) {
      const made = service.createAppPassword(token, { label: `Revoked ${i}` });
      service.revokeAppPassword(token, { appPasswordId: made.appPassword.id });
    }
    const kept = service.database.prepare('SELECT count(*) AS n FROM revoked_app_passwords').get() as { n: number };
    expect(kept.n).toBe(100);
    await identityError(() => service.signInClient({ clientKind: 'messages', appleId, password: revoked.password }));
    expect(failures(service)).toBe(1);

    const recent = await withRevoked('Revoked a year ago');
    recent.clock.advance(366 * DAY);
    await identityError(() => recent.service.signInClient({ clientKind: 'messages', appleId, password: recent.revoked.password }));
    expect(failures(recent.service)).toBe(1);
    expect(clock.now()).toBeGreaterThan(0);
  });

  it('keeps no password: only the keyed hash, in the table of revoked ones, and none in the table of passwords', async () => {
    const { service, revoked } = await withRevoked();
    const dump = JSON.stringify(service.database.prepare('SELECT * FROM revoked_app_passwords').all());
    expect(dump).not.toContain(revoked.password.replace(/-/g, '').slice(0, 8));
    const hashes = service.database.prepare('SELECT lookup_hash FROM revoked_app_passwords').all() as { lookup_hash: Buffer }[];
    expect(hashes).toHaveLength(1);
    const stillInPasswords = service.database.prepare('SELECT count(*) AS n FROM app_passwords WHERE lookup_hash = ?').get(hashes[0]!.lookup_hash) as { n: number };
    expect(stillInPasswords.n).toBe(0);
  });
});
