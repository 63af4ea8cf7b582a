import { z } from 'zod';
import { CLIENT_KINDS, SECURITY_LEVELS } from './models.js';

/**
 * The schemas every boundary checks input with (IPC, HTTP, and the identity service itself).
 * An issue's message is the i18n key the UI shows; `errors.*` keys name an error code.
 */

// Strings no field may carry: C0/C1 controls, bidi overrides, zero-width characters, and lone
// surrogates (not text at all: SQLite would store them as U+FFFD, changing what was typed).
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * An Apple ID: an e-mail address, trimmed, compared case-insensitively. Only printable ASCII
 * (as Apple IDs of the time), checked before lower-casing: Unicode case mapping would fold
 * look-alikes such as the Kelvin sign (U+212A) into plain letters.
 */
export const appleIdSchema = z
  .string({ error: 'errors.APPLE_ID_INVALID' })
  .max(254, { error: 'errors.APPLE_ID_INVALID' })
  .transform((s) => s.trim())
  .pipe(z.string().regex(/^[\x21-\x7e]+$/, { error: 'errors.APPLE_ID_INVALID' }))
  .transform((s) => s.toLowerCase())
  .pipe(z.email({ error: 'errors.APPLE_ID_INVALID', pattern: z.regexes.email }));

/** A password typed to sign in: never told apart from a wrong one by its shape. */
export const signInPasswordSchema = z
  .string({ error: 'errors.INCORRECT' })
  .min(1, { error: 'errors.INCORRECT' })
  .max(256, { error: 'errors.INCORRECT' });

/** The current password, asked for again before a security change: wrong or malformed alike. */
export const currentPasswordSchema = z
  .string({ error: 'errors.CURRENT_PASSWORD_INCORRECT' })
  .min(1, { error: 'errors.CURRENT_PASSWORD_INCORRECT' })
  .max(256, { error: 'errors.CURRENT_PASSWORD_INCORRECT' });

/** A password being set: at least 8 characters (SPEC §3). */
export const newPasswordSchema = z
  .string({ error: 'errors.PASSWORD_TOO_SHORT' })
  .min(8, { error: 'errors.PASSWORD_TOO_SHORT' })
  .max(256, { error: 'fields.password.tooLong' })
  .refine((s) => !FORBIDDEN_CHARACTERS.test(s), { error: 'fields.password.badCharacters' });

export const labelSchema = z
  .string({ error: 'fields.label.required' })
  .transform((s) => s.normalize('NFC').trim())
  .pipe(
    z
      .string()
      .min(1, { error: 'fields.label.required' })
      .max(60, { error: 'fields.label.tooLong' })
      .refine((s) => !FORBIDDEN_CHARACTERS.test(s), { error: 'fields.label.badCharacters' }),
  );

export const fullNameSchema = z
  .string()
  .transform((s) => s.trim())
  .pipe(z.string().min(1).max(80).refine((s) => !FORBIDDEN_CHARACTERS.test(s)));

export const codeSchema = z
  .string({ error: 'errors.CODE_INCORRECT' })
  .transform((s) => s.replace(/\s/g, ''))
  .pipe(z.string().regex(/^(\d{4}|\d{6})$/, { error: 'errors.CODE_INCORRECT' }));

export const recoveryKeySchema = z
  .string({ error: 'errors.RECOVERY_KEY_INCORRECT' })
  .max(40, { error: 'errors.RECOVERY_KEY_INCORRECT' })
  .transform((s) => s.replace(/[\s-]/g, '').toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9]{14}$/, { error: 'errors.RECOVERY_KEY_INCORRECT' }));

export const phoneNumberSchema = z
  .string({ error: 'fields.phone.invalid' })
  .transform((s) => s.trim())
  .pipe(z.string().regex(/^\+?[0-9][0-9 ().-]{5,22}[0-9]$/, { error: 'fields.phone.invalid' }));

export const verificationIdSchema = z.string().regex(/^[0-9a-f]{32}$/, { error: 'errors.VERIFICATION_NOT_FOUND' });
export const deviceIdSchema = z.number({ error: 'errors.TRUSTED_DEVICE_NOT_FOUND' }).int().positive().max(2 ** 31);
export const appPasswordIdSchema = z.number({ error: 'errors.APP_PASSWORD_NOT_FOUND' }).int().positive().max(2 ** 53);
export const clientKindSchema = z.enum(CLIENT_KINDS, { error: 'errors.INVALID_INPUT' });
/** A sign-in request on the trusted iPhone (two-factor): its notification's id. */
export const signInRequestIdSchema = z.string().regex(/^[0-9a-f]{32}$/, { error: 'errors.SIGN_IN_REQUEST_NOT_FOUND' });
export const securityLevelSchema = z.enum(SECURITY_LEVELS, { error: 'errors.INVALID_INPUT' });
export const localeSchema = z.enum(['en', 'ja']).default('en');
export type Locale = z.output<typeof localeSchema>;
