import { z } from 'zod';
import { appleIdSchema, codeSchema, deviceIdSchema, newPasswordSchema, phoneNumberSchema, verificationIdSchema } from './schemas.js';

/** The apps that ask for a two-factor code themselves (OS X 10.11 or later): Messages and FaceTime. */
export const appWithCodeSchema = z.enum(['messages', 'facetime'], { error: 'errors.INVALID_INPUT' });

/** An account recovery request's id, as the page keeps it. */
export const recoveryIdSchema = z.string().regex(/^[0-9a-f]{32}$/, { error: 'errors.RECOVERY_NOT_FOUND' });

/** Inputs of the two-factor calls of Messages and FaceTime, and of account recovery (issue 19 part B). */
export const twoFactorAppsInputs = {
  requestAccountRecovery: z.strictObject({ appleId: appleIdSchema, phoneNumber: phoneNumberSchema }),
  accountRecovery: z.strictObject({ recoveryId: recoveryIdSchema }),
  completeAccountRecovery: z.strictObject({ recoveryId: recoveryIdSchema, code: codeSchema, newPassword: newPasswordSchema }),
  sendAppCode: z.strictObject({ clientKind: appWithCodeSchema, verificationId: verificationIdSchema, deviceId: deviceIdSchema }),
  verifyAppCode: z.strictObject({ clientKind: appWithCodeSchema, verificationId: verificationIdSchema, code: codeSchema }),
};

export type TwoFactorAppsInputs = { [K in keyof typeof twoFactorAppsInputs]: z.input<(typeof twoFactorAppsInputs)[K]> };
