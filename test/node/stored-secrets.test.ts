import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IdentityService } from '../../main/identity/identity-service.js';
import { PasswordHasher, PRODUCTION_SCRYPT_COST, TEST_SCRYPT_COST } from '../../main/identity/crypto/password-hasher.js';
import { ManualClock } from '../../main/identity/clock.js';
import { DEMO_ACCOUNT, openService, signInApp, signInSite } from './helpers/identity.js';
import { tempStorePath } from './helpers/temp-store.js';

const { appleId, password } = DEMO_ACCOUNT;

function storeBytes(path: string): Buffer {
  const parts = [readFileSync(path)];
  if (existsSync(`${path}-wal`)) parts.push(readFileSync(`${path}-wal`));
  return Buffer.concat(parts);
}

function passwordHash(service: IdentityService): string {
  return (service.database.prepare('SELECT password_hash FROM accounts WHERE apple_id = ?').get(appleId) as { password_hash: string }).password_hash;
}

describe('secrets in the store file', () => {
  it('neither an app-specific password nor the account password nor a session token appears in the file', async () => {
    const path = tempStorePath();
    const { service } = await openService({ path });
    const token = await signInSite(service);
    const created = [service.createAppPassword(token, { label: 'iMessage and FaceTime' }), service.createAppPassword(token, { label: 'Mail' })];
    await signInApp(service, 'messages', created[0]!.password);
    await signInApp(service, 'third-party', created[1]!.password);
    await service.changePassword(token, { currentPassword: password, newPassword: 'Second-Password-99' });
    const afterChange = service.createAppPassword(token, { label: 'Chat' });

    const secrets = [password, 'Second-Password-99', token, DEMO_ACCOUNT.recoveryKey, DEMO_ACCOUNT.recoveryKey.replaceAll('-', '')];
    for (const { password: p } of [...created, afterChange]) secrets.push(p, p.replaceAll('-', ''));

    const beforeCheckpoint = storeBytes(path);
    service.database.pragma('wal_checkpoint(TRUNCATE)');
    const afterCheckpoint = storeBytes(path);
    // The file does hold the data: a label is found, so the search would find a secret too.
    expect(afterCheckpoint.includes('iMessage and FaceTime')).toBe(true);
    expect(beforeCheckpoint.includes('Mail')).toBe(true);
    for (const secret of secrets) {
      expect(beforeCheckpoint.includes(secret), secret).toBe(false);
      expect(afterCheckpoint.includes(secret), secret).toBe(false);
      expect(beforeCheckpoint.includes(Buffer.from(secret, 'utf16le')), secret).toBe(false);
    }
  });

  it('the password is stored as a scrypt hash with its parameters', async () => {
    const { service } = await openService();
    const hash = passwordHash(service);
    expect(hash).toMatch(/^scrypt\$10\$8\$1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(hash).not.toContain(password);
  });

  it('at production cost the hash says scrypt N=2^17, r=8, p=1', async () => {
    expect(PRODUCTION_SCRYPT_COST).toEqual({ logN: 17, r: 8, p: 1 });
    // One production-cost hash only (about half a second): the demo account's seed.
    const service = await IdentityService.open({ path: ':memory:', clock: new ManualClock(), scryptCost: PRODUCTION_SCRYPT_COST });
    try {
      expect(passwordHash(service).startsWith('scrypt$17$8$1$')).toBe(true);
    } finally {
      service.close();
    }
  });

  it('a hash made at a lower cost is upgraded on the next right sign-in', async () => {
    const path = tempStorePath();
    const first = await openService({ path });
    expect(passwordHash(first.service).startsWith('scrypt$10$')).toBe(true);
    first.service.close();

    const higher = { ...TEST_SCRYPT_COST, logN: TEST_SCRYPT_COST.logN + 1 };
    const service = await IdentityService.open({ path, clock: new ManualClock(), scryptCost: higher });
    try {
      await service.signInClient({ clientKind: 'messages', appleId, password: 'wrong-password' }).catch(() => undefined);
      expect(passwordHash(service).startsWith('scrypt$10$')).toBe(true);
      await service.signInClient({ clientKind: 'messages', appleId, password });
      expect(passwordHash(service).startsWith('scrypt$11$8$1$')).toBe(true);
      // Still the same password.
      expect((await service.signInClient({ clientKind: 'messages', appleId, password })).status).toBe('APP_SPECIFIC_PASSWORD_REQUIRED');
    } finally {
      service.close();
    }
  });
});

describe('the password hasher', () => {
  const hasher = new PasswordHasher(TEST_SCRYPT_COST);

  it('verifies the right password and refuses others', async () => {
    const stored = await hasher.hash('correct horse');
    expect(await hasher.verify('correct horse', stored)).toBe(true);
    expect(await hasher.verify('correct horsE', stored)).toBe(false);
    expect(await hasher.verify('', stored)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hasher.hash('same password')).not.toBe(await hasher.hash('same password'));
  });

  it('treats the composed and decomposed forms of a character as the same password', async () => {
    const stored = await hasher.hash('caf\u00e9-password');
    expect(await hasher.verify('cafe\u0301-password', stored)).toBe(true);
  });

  it('refuses a damaged hash instead of crashing', async () => {
    for (const damaged of ['', 'bcrypt$10$8$1$a$b', 'scrypt$x$8$1$a$b', 'scrypt$10$8$1$only']) {
      expect(await hasher.verify('anything', damaged)).toBe(false);
    }
  });
});
