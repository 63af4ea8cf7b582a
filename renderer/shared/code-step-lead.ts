import type { TFunction } from 'i18next';
import type { CodeSent } from '../../preload/contract/account-site-types.js';

/** A place's words (catalog keys) for its code step; each is given `device` and `length`. */
export interface CodeStepWords {
  /** The code was sent: type it (two-step verification, or an SMS). */
  enterCode: string;
  /** Two-factor, at the trusted iPhone: it asks Allow / Don't Allow first. */
  askAllow: string;
  /** Allowed there: the code is on the iPhone now. */
  allowed: string;
}

/** The web pages' words for the iPhone's question (My Apple ID, iCloud.com, support): one sentence for all. */
export const WEB_APPROVAL_WORDS = { askAllow: 'twoFactor.site.askAllow', allowed: 'twoFactor.site.allowed' } as const;

/**
 * The lead of a code step: the code sent — or, when the iPhone asks first (`awaitsApproval`), that
 * it is asking, then (`decision`, from useSignInDecision) that it allowed and shows the code.
 */
export function codeStepLead(t: TFunction, words: CodeStepWords, sent: CodeSent, decision: 'allowed' | 'pending', device: string): string {
  const key = !sent.awaitsApproval ? words.enterCode : decision === 'allowed' ? words.allowed : words.askAllow;
  return t(key, { device, length: sent.codeLength });
}
