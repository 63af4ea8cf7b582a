import { z } from 'zod';
import { MAIL_PROFILES } from './mail-types.js';

/** What the control center may change of the mail servers' settings: any of them, each checked. */
export const mailSettingsInput = z.strictObject({
  profile: z.enum(MAIL_PROFILES).optional(),
  keepSessionsOnRevoke: z.boolean().optional(),
  language: z.enum(['en', 'ja']).optional(),
});
