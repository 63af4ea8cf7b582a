import { z } from 'zod';
import { APP_STORE_APP_IDS } from './app-store-catalog.js';
import { SUPPORT_TOPICS } from './places-types.js';
import { appleIdSchema, codeSchema, localeSchema, signInPasswordSchema, verificationIdSchema } from './schemas.js';

// Controls, bidi overrides and zero-width characters, as schemas.ts refuses them — but a
// description may have line breaks and tabs.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const keepSignedInSchema = z.boolean({ error: 'errors.INVALID_INPUT' }).default(false);

export const descriptionSchema = z
  .string({ error: 'fields.description.required' })
  .max(4000, { error: 'fields.description.tooLong' })
  .transform((s) => s.normalize('NFC').trim())
  .pipe(
    z
      .string()
      .min(1, { error: 'fields.description.required' })
      .max(1000, { error: 'fields.description.tooLong' })
      .refine((s) => !FORBIDDEN_IN_TEXT.test(s), { error: 'fields.description.badCharacters' }),
  );

export const webSessionIdSchema = z.string({ error: 'errors.WEB_SESSION_NOT_FOUND' }).regex(/^[0-9a-f]{32}$/, { error: 'errors.WEB_SESSION_NOT_FOUND' });

/**
 * The inputs of the places' operations (issue 19), each one strict object schema, as inputs.ts:
 * the browser (iCloud.com, support), the windows (the App Store, the control center) and the
 * service itself parse with these.
 */
export const placesInputs = {
  /** iCloud.com: "Keep me signed in" is chosen with the password, and carried to the code. */
  icloudSignIn: z.strictObject({ appleId: appleIdSchema, password: signInPasswordSchema, keepSignedIn: keepSignedInSchema }),
  icloudVerifyCode: z.strictObject({ verificationId: verificationIdSchema, code: codeSchema, keepSignedIn: keepSignedInSchema }),
  appStoreGet: z.strictObject({ appId: z.enum(APP_STORE_APP_IDS, { error: 'errors.APP_NOT_FOUND' }) }),
  supportCase: z.strictObject({ topic: z.enum(SUPPORT_TOPICS, { error: 'errors.INVALID_INPUT' }), description: descriptionSchema }),
  webSession: z.strictObject({ sessionId: webSessionIdSchema }),
  /** Opens iCloud.com or the support page in the browser (the control center). */
  openPlace: z.strictObject({ place: z.enum(['icloud-web', 'support'], { error: 'errors.INVALID_INPUT' }), lang: localeSchema }),
};

export type PlacesInputs = { [K in keyof typeof placesInputs]: z.input<(typeof placesInputs)[K]> };
