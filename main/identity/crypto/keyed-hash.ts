import { createHmac, randomBytes } from 'node:crypto';
import type { Db } from '../store/database.js';

/**
 * HMAC-SHA-256 under a secret made once per install. Used for high-entropy or short-lived
 * secrets (app-specific passwords, recovery keys, codes, session tokens): one HMAC and one
 * indexed lookup instead of a KDF run per stored value.
 */
export class KeyedHash {
  constructor(private readonly secret: Buffer) {}

  /** HMAC(secret, purpose NUL value): one update, one crossing into native code (the hot path). */
  digest(purpose: string, value: string): Buffer {
    return createHmac('sha256', this.secret).update(`${purpose}\0${value}`).digest();
  }

  /** Reads the install's secret, creating it on first use. */
  static forStore(db: Db): KeyedHash {
    const row = db.prepare('SELECT secret FROM install_secret WHERE id = 1').get() as { secret: Buffer } | undefined;
    if (row) return new KeyedHash(row.secret);
    const secret = randomBytes(32);
    db.prepare('INSERT INTO install_secret (id, secret) VALUES (1, ?)').run(secret);
    return new KeyedHash(secret);
  }
}
