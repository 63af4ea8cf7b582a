import type { TFunction } from 'i18next';
import type { SignInChallenge } from '../../preload/contract/account-site-types.js';

/**
 * The first words of "Verify your identity", where the user picks the device for the code: they
 * name what protects the account — 2015's two-step verification or today's two-factor
 * authentication — as Apple's pages of each period did. One sentence for every place that asks.
 */
export function chooseDeviceLead(t: TFunction, challenge: Pick<SignInChallenge, 'securityLevel'>): string {
  return t(`verify.chooseDevice.${challenge.securityLevel}`);
}
