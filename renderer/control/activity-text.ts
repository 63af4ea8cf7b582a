import type { TFunction } from 'i18next';
import { CLIENT_KINDS, type ActivityEntry, type ClientKind } from '../../preload/contract/models.js';
import { deviceName } from '../shared/display-name.js';
import { formatDateTime } from '../i18n/index.js';

const A = 'control.activity';
const PLACES = 'places.activity';
const TWO_FACTOR = 'twoFactor.activity';
const TRUSTED = 'trustedBrowsers.activity';
const TWO_FACTOR_APPS = 'twoFactorApps.activity';
const PLACE_SOURCES = ['icloud-web', 'app-store', 'support'];

function isClientKind(value: unknown): value is ClientKind {
  return typeof value === 'string' && (CLIENT_KINDS as readonly string[]).includes(value);
}

/** A named value of the detail, translated when the catalog knows it, else the generic fallback. */
function known(t: TFunction, group: string, value: unknown): string | null {
  if (typeof value !== 'string') return null;
  // The places of issue 19 and two-factor authentication keep their names in their own catalog areas.
  return [A, PLACES, TWO_FACTOR, TRUSTED, TWO_FACTOR_APPS].map((area) => t(`${area}.${group}.${value}`, { defaultValue: '' })).find((s) => s !== '') ?? null;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/** Where it happened: an app, a mail client (by protocol), My Apple ID, the control center, or a trusted device by name. */
export function sourceName(t: TFunction, source: string): string {
  if (isClientKind(source)) return t(`control.apps.${source}`);
  if (source === 'account-site' || source === 'control-center' || source === 'imap' || source === 'smtp') return t(`${A}.sources.${source}`);
  if (PLACE_SOURCES.includes(source)) return t(`${PLACES}.sources.${source}`);
  return deviceName(t, source);
}

/** What happened, as one readable sentence. The entry never carries a code or password. */
export function describeActivity(t: TFunction, entry: ActivityEntry): string {
  const d = entry.detail;
  const generic = known(t, 'events', entry.event) ?? entry.event;
  const label = text(d.label);
  switch (entry.event) {
    case 'sign-in':
      if (d.with === 'app-specific-password' && label) return t(`${A}.detail.signInAppPassword`, { label });
      if (d.with === 'password') return t(`${A}.detail.signInPassword`);
      return generic;
    case 'sign-in-refused':
      if (d.reason === 'incorrect') return t(`${A}.detail.refusedIncorrect`);
      if (d.reason === 'locked') return t(`${A}.detail.refusedLocked`);
      if (d.reason === 'busy') return t(`${A}.detail.refusedBusy`);
      return generic;
    case 'code-sent': {
      const device = deviceName(t, entry.source);
      const sentence =
        d.via === 'find-my-iphone'
          ? t(`${A}.detail.codeSentFindMy`, { device })
          : d.via === 'sms'
            ? t(`${A}.detail.codeSentSms`, { device })
            : generic;
      const purpose = known(t, 'purposes', d.for);
      return purpose ? t(`${A}.detail.codeFor`, { sentence, purpose }) : sentence;
    }
    case 'code-refused': {
      const reason = known(t, 'codeReasons', d.reason);
      return reason ? t(`${A}.detail.codeRefused`, { reason }) : generic;
    }
    case 'account-locked':
      return typeof d.until === 'number' ? t(`${A}.detail.lockedUntil`, { time: formatDateTime(d.until) }) : generic;
    case 'app-password-created':
      return label ? t(`${A}.detail.appPasswordCreated`, { label }) : generic;
    case 'app-password-used':
      return label ? t(`${A}.detail.appPasswordUsed`, { label }) : generic;
    case 'app-password-revoked':
      return label ? t(`${A}.detail.appPasswordRevoked`, { label }) : generic;
    case 'app-password-used-after-revocation': {
      const client = text(d.client);
      return label && client ? t(`${A}.detail.appPasswordUsedAfterRevocation`, { label, client: isClientKind(client) ? t(`control.apps.${client}`) : client }) : generic;
    }
    case 'app-passwords-revoked-all': {
      if (typeof d.count !== 'number') return generic;
      const reason = d.reason === 'app-password-revoked' ? null : known(t, 'revokeReasons', d.reason);
      return reason ? t(`${A}.detail.revokedAllBecause`, { count: d.count, reason }) : t(`${A}.detail.revokedAll`, { count: d.count });
    }
    case 'password-changed':
      return typeof d.revokedAppPasswords === 'number' && d.revokedAppPasswords > 0
        ? t(`${A}.detail.passwordChangedRevoked`, { count: d.revokedAppPasswords })
        : generic;
    case 'security-level-changed': {
      const from = known(t, 'levels', d.from);
      const to = known(t, 'levels', d.to);
      return from && to ? t(`${A}.detail.securityChanged`, { from, to }) : generic;
    }
    case 'trusted-device-added':
      return d.kind === 'phone' ? t(`${A}.detail.phoneAdded`) : generic;
    case 'trusted-device-removed':
      return d.kind === 'phone' ? t(`${A}.detail.phoneRemoved`) : d.kind === 'iphone' ? t(`${A}.detail.iphoneRemoved`) : generic;
    case 'session-ended': {
      const reason = known(t, 'endReasons', d.reason);
      return reason ? t(`${A}.detail.sessionEnded`, { reason }) : generic;
    }
    case 'scenario': {
      if (d.scenario === 'sign-out' && isClientKind(d.client)) return t(`${A}.detail.scenarioSignOut`, { app: t(`control.apps.${d.client}`) });
      const scenario = known(t, 'scenarioNames', d.scenario);
      return scenario ? t(`${A}.detail.scenarioOther`, { scenario }) : generic;
    }
    case 'app-purchased': {
      const app = typeof d.app === 'string' ? t(`places.appStore.apps.${d.app}.name`, { defaultValue: d.app }) : null;
      return app ? t(`${PLACES}.detail.appPurchased`, { app }) : generic;
    }
    case 'support-case-opened':
      return text(d.case) ? t(`${PLACES}.detail.caseOpened`, { case: d.case }) : generic;
    case 'browser-trusted':
    case 'trusted-browser-ended':
    case 'mac-trusted':
    case 'sign-in-requested':
    case 'sign-in-allowed':
    case 'sign-in-denied':
    case 'account-created':
    case 'app-password-required':
    case 'verification-required':
    case 'code-accepted':
    case 'recovery-key-accepted':
    case 'recovery-key-refused':
    case 'account-hard-locked':
    case 'account-disabled':
    case 'account-unlocked':
    case 'recovery-key-replaced':
    case 'portal-signed-out':
    case 'demo-reset':
    case 'account-recovery-requested':
    case 'account-recovery-cancelled':
    case 'account-recovered':
      return generic;
  }
  // An event this page does not know yet (a newer main): its name, untranslated.
  return generic;
}
