import type { AppContract } from './app-contract.js';

/**
 * The names of the windows' contract methods, without their schemas, so the sandboxed preload
 * stays small (no zod). The type below fails to compile if a name is missing or misspelled.
 */
export const APP_METHODS = [
  'info',
  'clientSignIn',
  'sendICloudCode',
  'completeICloudSignIn',
  'clientSession',
  'clientSessions',
  'signOutClient',
  'signedIn',
  'openAccountSite',
  'openWindow',
  'runScenario',
  'securityLevel',
  'activity',
  'deviceNotifications',
  'answerSignInRequest',
  'resetDemo',
  'presenter',
  'setLanguage',
  'setTour',
  'setLargeType',
  'skipClock',
  'mailServers',
  'setMailSettings',
  'mailWindow',
  'mailWindowSignIn',
  'mailWindowSignOut',
  'mailWindowMessage',
  'appStore',
  'appStoreSignIn',
  'appStoreSendCode',
  'appStoreSignInDecision',
  'appStoreVerifyCode',
  'appStoreGet',
  'appStoreSignOut',
  'places',
  'endWebSession',
  'trustedBrowsers',
  'endTrustedBrowser',
  'openPlace',
  // Messages and FaceTime under two-factor authentication; the stage's Mac's OS version.
  'sendAppCode',
  'completeAppCodeSignIn',
  'setMacOs',
] as const satisfies readonly (keyof AppContract)[];

type Missing = Exclude<keyof AppContract, (typeof APP_METHODS)[number]>;
// If this errors, a contract method is missing from APP_METHODS.
const everyMethodListed: Missing extends never ? true : Missing = true;
void everyMethodListed;
