import { z } from 'zod';
import { MAIL_LANGUAGE_CHOICES, MAIL_PROFILES } from './mail-types.js';

/**
 * What the control center may change of the mail servers' settings: any of them, each checked.
 * The language is a choice: one of the two, or 'pages' (the notification mails follow the
 * language of the pages).
 */
export const mailSettingsInput = z.strictObject({
  profile: z.enum(MAIL_PROFILES).optional(),
  keepSessionsOnRevoke: z.boolean().optional(),
  language: z.enum(MAIL_LANGUAGE_CHOICES).optional(),
});
