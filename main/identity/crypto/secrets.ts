import { randomBytes, randomInt } from 'node:crypto';

/** Every secret TwoStep makes comes from the CSPRNG (crypto.randomInt / randomBytes). */

export function verificationCode(digits: 4 | 6): string {
  return randomInt(0, 10 ** digits)
    .toString()
    .padStart(digits, '0');
}

const LOWERCASE = 'abcdefghijklmnopqrstuvwxyz';
const RECOVERY_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

function pick(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

/** 16 lowercase letters, as Apple's app-specific passwords: about 75 bits. */
export function appPassword(): string {
  return pick(LOWERCASE, 16);
}

/** 14 characters without look-alikes (no 0/O, 1/I): about 70 bits. */
export function recoveryKey(): string {
  return pick(RECOVERY_ALPHABET, 14);
}

export function token(): string {
  return randomBytes(32).toString('base64url');
}

export function id(): string {
  return randomBytes(16).toString('hex');
}

/** "abcdefghijklmnop" → "abcd-efgh-ijkl-mnop". */
export function formatAppPassword(raw: string): string {
  return raw.match(/.{4}/g)!.join('-');
}

/** "ABCDEFGHJKLMNP" → "ABCD-EFGH-JKLM-NP", the way Apple printed recovery keys. */
export function formatRecoveryKey(raw: string): string {
  return raw.match(/.{1,4}/g)!.join('-');
}

/** Accepts an app-specific password with or without dashes and spaces, in any case. */
// As the account site shows it and clients paste it: one regex, no copies (the IMAP/SMTP hot path).
const AS_SHOWN = /^([a-z]{4})-([a-z]{4})-([a-z]{4})-([a-z]{4})$/;
const COMPACT = /^[a-z]{16}$/;

export function normalizeAppPassword(input: string): string | null {
  const shown = AS_SHOWN.exec(input);
  if (shown) return shown[1]! + shown[2]! + shown[3]! + shown[4]!;
  // Typed by hand: without dashes, with spaces, in capitals.
  const compact = input.replace(/[\s-]/g, '').toLowerCase();
  return COMPACT.test(compact) ? compact : null;
}

export function normalizeRecoveryKey(input: string): string | null {
  const compact = input.replace(/[\s-]/g, '').toUpperCase();
  return /^[A-Z0-9]{14}$/.test(compact) ? compact : null;
}
