import { z } from 'zod';
import {
  appleIdSchema,
  appPasswordIdSchema,
  clientKindSchema,
  codeSchema,
  currentPasswordSchema,
  deviceIdSchema,
  fullNameSchema,
  labelSchema,
  newPasswordSchema,
  phoneNumberSchema,
  recoveryKeySchema,
  securityLevelSchema,
  signInPasswordSchema,
  signInRequestIdSchema,
  verificationIdSchema,
} from './schemas.js';

/**
 * The input of every identity-service operation, as one strict object schema each: unknown
 * fields are refused, not ignored. IPC, HTTP and the service itself parse with these.
 */
export const inputs = {
  createAccount: z.strictObject({ appleId: appleIdSchema, password: newPasswordSchema, fullName: fullNameSchema }),
  signIn: z.strictObject({ appleId: appleIdSchema, password: signInPasswordSchema }),
  clientSignIn: z.strictObject({ clientKind: clientKindSchema, appleId: appleIdSchema, password: signInPasswordSchema }),
  client: z.strictObject({ clientKind: clientKindSchema }),
  sendCode: z.strictObject({ verificationId: verificationIdSchema, deviceId: deviceIdSchema }),
  verifyCode: z.strictObject({ verificationId: verificationIdSchema, code: codeSchema }),
  // Two-factor: the asking page waits for the trusted iPhone's Allow / Don't Allow.
  signInDecision: z.strictObject({ verificationId: verificationIdSchema }),
  // The trusted iPhone's answer to "Apple ID Sign In Requested".
  answerSignInRequest: z.strictObject({ requestId: signInRequestIdSchema, allow: z.boolean({ error: 'errors.INVALID_INPUT' }) }),
  verifyRecoveryKey: z.strictObject({ verificationId: verificationIdSchema, recoveryKey: recoveryKeySchema }),
  beginUnlock: z.strictObject({ appleId: appleIdSchema, recoveryKey: recoveryKeySchema }),
  completeUnlock: z.strictObject({ verificationId: verificationIdSchema, code: codeSchema, newPassword: newPasswordSchema }),
  createAppPassword: z.strictObject({ label: labelSchema }),
  appPassword: z.strictObject({ appPasswordId: appPasswordIdSchema }),
  // Security changes ask for the current password again (step-up, SPEC §3).
  changePassword: z.strictObject({ currentPassword: currentPasswordSchema, newPassword: newPasswordSchema }),
  setSecurityLevel: z.strictObject({ level: securityLevelSchema, currentPassword: currentPasswordSchema }),
  addTrustedPhone: z.strictObject({ phoneNumber: phoneNumberSchema, currentPassword: currentPasswordSchema }),
  phoneVerification: z.strictObject({ verificationId: verificationIdSchema }),
  confirmTrustedPhone: z.strictObject({ verificationId: verificationIdSchema, code: codeSchema }),
  removeTrustedDevice: z.strictObject({ deviceId: deviceIdSchema, currentPassword: currentPasswordSchema }),
  replaceRecoveryKey: z.strictObject({ currentPassword: currentPasswordSchema }),
  // A real mail client's sign-in over IMAP or SMTP (main/mail); the name is its IMAP ID name.
  mailSignIn: z.strictObject({
    protocol: z.enum(['imap', 'smtp']),
    appleId: appleIdSchema,
    password: signInPasswordSchema,
    clientName: z.string().max(64).nullable().default(null),
  }),
  activity: z.strictObject({ limit: z.number().int().min(1).max(500).default(100) }),
  scenario: z.discriminatedUnion(
    'event',
    [
      z.strictObject({ event: z.literal('sign-out'), clientKind: clientKindSchema }),
      z.strictObject({ event: z.literal('software-update') }),
      z.strictObject({ event: z.literal('sim-swap') }),
      z.strictObject({ event: z.literal('unexpected-re-sign-in') }),
      z.strictObject({ event: z.literal('change-password'), appleId: appleIdSchema, newPassword: newPasswordSchema }),
      // The App Store: this Mac becomes a new one, which no account trusts for purchases yet.
      z.strictObject({ event: z.literal('new-mac') }),
      // Then and now: the presenter moves an account between the security levels (no password:
      // the operator's own switch, like the other scenarios).
      z.strictObject({ event: z.literal('security-level'), appleId: appleIdSchema, level: securityLevelSchema }),
    ],
    { error: 'errors.INVALID_INPUT' },
  ),
};

export type Inputs = { [K in keyof typeof inputs]: z.input<(typeof inputs)[K]> };
