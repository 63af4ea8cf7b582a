import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { HashingPool } from './hashing-pool.js';
import { TokenBucket } from './token-bucket.js';

/**
 * scrypt parameters. Production uses OWASP's first line for scrypt (N=2^17, r=8, p=1, 128 MiB);
 * they are stored with every hash, so raising them later re-hashes on the next sign-in.
 */
export interface ScryptCost {
  logN: number;
  r: number;
  p: number;
}

export const PRODUCTION_SCRYPT_COST: ScryptCost = { logN: 17, r: 8, p: 1 };
/** Only for tests and test-mode stores: fast, and never written by the desktop app. */
export const TEST_SCRYPT_COST: ScryptCost = { logN: 10, r: 8, p: 1 };

/**
 * Decoy hashes (see burn) for unknown Apple IDs, in all, whoever sends them: a small shared
 * allowance, so such attempts queue behind each other and never in front of real users.
 */
export const DECOY_HASHES_PER_SECOND = 2;

/** The decoys' allowance: `perSecond` on average, two at once after a quiet spell. */
export function decoyAllowance(perSecond: number = DECOY_HASHES_PER_SECOND): TokenBucket {
  return new TokenBucket(perSecond, 2);
}

const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

/** crypto.scrypt on libuv's thread pool: hashing never blocks the event loop. */
export function scryptAsync(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  const N = 2 ** cost.logN;
  const options: ScryptOptions = { N, r: cost.r, p: cost.p, maxmem: 128 * N * cost.r * cost.p + 16 * 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/**
 * Hashes and checks passwords with scrypt, through a pool as wide as the machine has cores
 * (see HashingPool): peak memory is the pool's width × scrypt's 128 MiB, not libuv's four.
 */
export class PasswordHasher {
  constructor(
    readonly cost: ScryptCost = PRODUCTION_SCRYPT_COST,
    private readonly pool: HashingPool = new HashingPool(),
    private readonly decoys: TokenBucket = decoyAllowance(),
  ) {}

  /** `scrypt$logN$r$p$salt$key`, salt and key in base64. */
  async hash(password: string): Promise<string> {
    const salt = randomBytes(SALT_LENGTH);
    const key = await this.pool.run(() => scryptAsync(password, salt, this.cost));
    const { logN, r, p } = this.cost;
    return ['scrypt', logN, r, p, salt.toString('base64'), key.toString('base64')].join('$');
  }

  async verify(password: string, stored: string): Promise<boolean> {
    const parsed = parseHash(stored);
    if (!parsed) return false;
    const key = await this.pool.run(() => scryptAsync(password, parsed.salt, parsed.cost));
    return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
  }

  /** True when a stored hash was made at a lower cost than this hasher's. */
  needsRehash(stored: string): boolean {
    const parsed = parseHash(stored);
    return !parsed || parsed.cost.logN < this.cost.logN || parsed.cost.r < this.cost.r || parsed.cost.p < this.cost.p;
  }

  /**
   * Spends the same time as a real check when there is no account, so the answer's timing
   * does not tell whether an Apple ID exists — at an ordinary pace. These hashes count against
   * no account, so they draw on a shared allowance (DECOY_HASHES_PER_SECOND) and then wait for
   * a slot behind every real user's hash: a flood of unknown Apple IDs slows only itself. Under
   * such a flood its own answers come late, which tells the flooder little it could not learn
   * from a lock's answer already.
   */
  async burn(password: string): Promise<void> {
    await this.decoys.take();
    await this.pool.run(() => scryptAsync(password, DUMMY_SALT, this.cost), 'decoy');
  }
}

const DUMMY_SALT = Buffer.alloc(SALT_LENGTH, 7);

function parseHash(stored: string): { cost: ScryptCost; salt: Buffer; key: Buffer } | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [logN, r, p] = parts.slice(1, 4).map(Number);
  if (!Number.isInteger(logN) || !Number.isInteger(r) || !Number.isInteger(p)) return null;
  return {
    cost: { logN: logN!, r: r!, p: p! },
    salt: Buffer.from(parts[4]!, 'base64'),
    key: Buffer.from(parts[5]!, 'base64'),
  };
}
