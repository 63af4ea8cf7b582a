import { z } from 'zod';
import { codeSchema, deviceIdSchema, verificationIdSchema } from './schemas.js';

/** The apps that ask for a two-factor code themselves (OS X 10.11 or later): Messages and FaceTime. */
export const appWithCodeSchema = z.enum(['messages', 'facetime'], { error: 'errors.INVALID_INPUT' });

/** Inputs of the two-factor calls of Messages and FaceTime (issue 19 part B). */
export const twoFactorAppsInputs = {
  sendAppCode: z.strictObject({ clientKind: appWithCodeSchema, verificationId: verificationIdSchema, deviceId: deviceIdSchema }),
  verifyAppCode: z.strictObject({ clientKind: appWithCodeSchema, verificationId: verificationIdSchema, code: codeSchema }),
};

export type TwoFactorAppsInputs = { [K in keyof typeof twoFactorAppsInputs]: z.input<(typeof twoFactorAppsInputs)[K]> };
