import type { SignInChallenge } from './account-site-types.js';
import type { AppStoreAppId } from './app-store-catalog.js';
import type { AccountView, SecurityLevel } from './models.js';

/**
 * What the seed's remaining places hand out (issue 19): iCloud.com and Apple ID support in the
 * browser (the account site's origin), the App Store on the Mac, and what the control center
 * shows of them. Never a secret, except where a field says "shown once".
 */

/** The five places of Apple's FAQ where two-step verification asks who you are. */
export const FAQ_PLACES = ['my-apple-id', 'icloud', 'messages-facetime', 'app-store', 'support'] as const;
export type FaqPlace = (typeof FAQ_PLACES)[number];

/** Browser sessions of the account site's origin other than My Apple ID's own. */
export const WEB_SESSION_PLACES = ['icloud-web', 'support'] as const;
export type WebSessionPlace = (typeof WEB_SESSION_PLACES)[number];

/** This browser's session at iCloud.com, as iCloud.com's Settings shows it. */
export interface ICloudWebSessionInfo {
  startedAt: number;
  /** "Keep me signed in": no idle timeout, until `expiresAt` (30 days after signing in). */
  keepSignedIn: boolean;
  /** The absolute end; without "Keep me signed in" it ends sooner after 15 idle minutes. */
  expiresAt: number;
}

/** iCloud.com signed in: the account's own data its apps show (read only). */
export interface ICloudWebHome {
  appleId: string;
  fullName: string;
  securityLevel: SecurityLevel;
  /** Find My iPhone: the account's iPhones (the trusted iPhone receives the codes too). */
  iphones: { id: number; name: string }[];
  /** Contacts' "My Card": the trusted phone numbers, in full (the owner signed in). */
  phoneNumbers: string[];
  session: ICloudWebSessionInfo;
}

/** A session opened: `sessionKey` is the half of it the page keeps and sends in a header. */
export interface ICloudWebOpened {
  home: ICloudWebHome;
  sessionKey: string;
}

export type ICloudWebSignInResult = ({ status: 'SIGNED_IN' } & ICloudWebOpened) | SignInChallenge;

export const SUPPORT_TOPICS = ['password', 'two-step', 'app-passwords', 'purchases', 'other'] as const;
export type SupportTopic = (typeof SUPPORT_TOPICS)[number];

export interface SupportCaseView {
  /** The case number the user quotes: not a secret. */
  number: string;
  topic: SupportTopic;
  description: string;
  createdAt: number;
}

/** Apple ID support, once the user verified who they are: what support may discuss, and their cases. */
export interface SupportView {
  account: AccountView;
  cases: SupportCaseView[];
}

export interface SupportOpened {
  support: SupportView;
  sessionKey: string;
}

export type SupportSignInResult = ({ status: 'SIGNED_IN' } & SupportOpened) | SignInChallenge;

/** The App Store window on this Mac. */
export interface AppStoreView {
  /** Who is signed in to the store on this Mac. */
  signedIn: { appleId: string; fullName: string; since: number } | null;
  /** The signed-in account trusts this Mac for purchases (a code was typed on it). */
  macTrusted: boolean;
  /** The signed-in account's purchases (free), newest first. */
  purchases: { appId: AppStoreAppId; purchasedAt: number }[];
  /** Installed on this Mac, whoever got them. */
  installed: AppStoreAppId[];
}

export type AppStoreSignInResult = { status: 'SIGNED_IN'; store: AppStoreView } | SignInChallenge;

/** An open browser session of iCloud.com or support, as the control center lists it (never its token). */
export interface WebSessionView {
  id: string;
  place: WebSessionPlace;
  appleId: string;
  startedAt: number;
  lastSeenAt: number;
  keepSignedIn: boolean;
  /** When it ends at the latest (idle sessions end sooner). */
  expiresAt: number;
}

/** The control center's view of the places. */
export interface PlacesView {
  webSessions: WebSessionView[];
  appStore: {
    /** Since when this Mac is this Mac ("New Mac" makes another). */
    macSince: number;
    signedIn: { appleId: string; since: number } | null;
    /** Accounts that trust this Mac for purchases. */
    trustedFor: { appleId: string; since: number }[];
  };
}

export type OpenPlaceTarget = 'icloud-web' | 'support';
