import { z } from 'zod';
import { verificationIdSchema } from './schemas.js';

/**
 * "Trust this browser?" under two-factor authentication (issue 19, part B): after a right code at
 * My Apple ID or iCloud.com the page asks, and a trusted browser signs in there with the password
 * alone for 30 days. What the pages, the control center and the service share of it.
 */

/** The places that ask: the browser places of the account site's origin that take a code every time. */
export const TRUST_PLACES = ['account-site', 'icloud-web'] as const;
export type TrustPlace = (typeof TRUST_PLACES)[number];

/** Apple's three answers: Don't Trust, Not Now, Trust. */
export const TRUST_DECISIONS = ['dont-trust', 'not-now', 'trust'] as const;
export type TrustDecision = (typeof TRUST_DECISIONS)[number];

/** What a list names a browser by ("Chrome on Mac"), as two words of fixed lists, so each page says it in its language. */
export const BROWSER_KINDS = ['chrome', 'edge', 'firefox', 'safari', 'other'] as const;
export type BrowserKind = (typeof BROWSER_KINDS)[number];
export const BROWSER_SYSTEMS = ['mac', 'windows', 'linux', 'iphone', 'android', 'other'] as const;
export type BrowserSystem = (typeof BROWSER_SYSTEMS)[number];

export interface TrustedBrowserView {
  /** Names it without its token. */
  id: string;
  place: TrustPlace;
  browser: BrowserKind;
  os: BrowserSystem;
  trustedAt: number;
  /** 30 days after trustedAt: then the code is asked again. */
  expiresAt: number;
}

/** The control center sees every account's. */
export interface TrustedBrowserAdminView extends TrustedBrowserView {
  appleId: string;
}

/** What a page learns after its code: whether to ask "Trust this browser?" (two-factor authentication only). */
export interface TrustQuestion {
  askTrust: boolean;
}

/** The answer to "Trust this browser?": with Trust, the key half of the trust, for the page to keep. */
export type TrustAnswered = { trusted: true; trustKey: string; browser: TrustedBrowserView } | { trusted: false };

export const trustedBrowserIdSchema = z
  .string({ error: 'errors.TRUSTED_BROWSER_NOT_FOUND' })
  .regex(/^[0-9a-f]{32}$/, { error: 'errors.TRUSTED_BROWSER_NOT_FOUND' });

/** Each input one strict object schema, as inputs.ts. */
export const trustInputs = {
  /** The question belongs to the verification whose code was just accepted in this session. */
  decideTrust: z.strictObject({
    verificationId: verificationIdSchema,
    decision: z.enum(TRUST_DECISIONS, { error: 'errors.INVALID_INPUT' }),
  }),
  trustedBrowser: z.strictObject({ browserId: trustedBrowserIdSchema }),
};

export type TrustInputs = { [K in keyof typeof trustInputs]: z.input<(typeof trustInputs)[K]> };
