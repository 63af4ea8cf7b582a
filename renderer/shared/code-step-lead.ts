import type { TFunction } from 'i18next';
import type { CodeSent } from '../../preload/contract/account-site-types.js';
import type { SignInDecisionState } from './use-sign-in-decision.js';

/** A place's words (catalog keys) for its code step; each is given `device` and `length`. */
export interface CodeStepWords {
  /** The code was sent: type it (two-step verification, or an SMS). */
  enterCode: string;
  /** Two-factor, at the trusted iPhone: it asks Allow / Don't Allow first. */
  askAllow: string;
  /** Allowed there: the code is on the iPhone now. */
  allowed: string;
  /** Don't Allow, or the attempt ended otherwise: nothing to tap any more (the alert says why). */
  refused: string;
}

/** The web pages' words for the iPhone's question (My Apple ID, iCloud.com, support): one sentence for all. */
export const WEB_APPROVAL_WORDS = {
  askAllow: 'twoFactor.site.askAllow',
  allowed: 'twoFactor.site.allowed',
  refused: 'twoFactor.requestEnded',
} as const;

/** Which words say where the iPhone's answer stands. */
const APPROVAL_KEY = { pending: 'askAllow', allowed: 'allowed', refused: 'refused' } as const satisfies Record<SignInDecisionState, keyof CodeStepWords>;

/**
 * The lead of a code step: the code sent — or, when the iPhone asks first (`awaitsApproval`), that
 * it is asking, then (`decision`, from useSignInDecision) that it allowed and shows the code, or
 * that the request is over (no more "tap Allow" beside the alert that says Don't Allow).
 */
export function codeStepLead(t: TFunction, words: CodeStepWords, sent: CodeSent, decision: SignInDecisionState, device: string): string {
  const key = sent.awaitsApproval ? words[APPROVAL_KEY[decision]] : words.enterCode;
  return t(key, { device, length: sent.codeLength });
}
