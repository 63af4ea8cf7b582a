import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { PRODUCTION_SCRYPT_COST, scryptAsync } from '../main/identity/crypto/password-hasher.js';
import { IdentityService } from '../main/identity/identity-service.js';
import { round, summarize } from './stats.js';

/**
 * A sign-in with the normal password at the production scrypt cost, through the whole service
 * (validation, lookup, KDF, the session's transaction), beside a bare crypto.scrypt call of
 * the same cost in the same run. Alternated, so both see the same machine state.
 */
export async function passwordSignIn(rounds: number) {
  const service = await IdentityService.open({ path: ':memory:', seedDemo: false });
  await service.createAccount({ appleId: 'bench@twostep.example', password: 'Bench-Password-1', fullName: 'Bench' });
  const salt = randomBytes(16);
  const viaService: number[] = [];
  const bare: number[] = [];
  // One warm-up of each.
  await service.signInClient({ clientKind: 'messages', appleId: 'bench@twostep.example', password: 'Bench-Password-1' });
  await scryptAsync('Bench-Password-1', salt, PRODUCTION_SCRYPT_COST);
  for (let i = 0; i < rounds; i++) {
    let start = performance.now();
    await service.signInClient({ clientKind: 'messages', appleId: 'bench@twostep.example', password: 'Bench-Password-1' });
    viaService.push(performance.now() - start);
    start = performance.now();
    await scryptAsync('Bench-Password-1', salt, PRODUCTION_SCRYPT_COST);
    bare.push(performance.now() - start);
  }
  service.close();
  const s = summarize(viaService);
  const b = summarize(bare);
  return {
    cost: `N=2^${PRODUCTION_SCRYPT_COST.logN}, r=${PRODUCTION_SCRYPT_COST.r}, p=${PRODUCTION_SCRYPT_COST.p}`,
    rounds,
    serviceMs: { p50: round(s.p50), p99: round(s.p99) },
    bareScryptMs: { p50: round(b.p50), p99: round(b.p99) },
    ratioP50: round(s.p50 / b.p50, 3),
    ratioP99: round(s.p99 / b.p99, 3),
    goal: 'service adds at most 10% (ratio <= 1.10)',
    met: s.p50 / b.p50 <= 1.1,
  };
}
