import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceNotification } from '../../preload/contract/models.js';
import { currentLanguage, formatTime } from '../i18n/index.js';
import { deviceName } from '../shared/display-name.js';
import { presenterNow, usePresenter } from '../shared/presenter.js';
import { SignInRequestAlert, VerificationCodeAlert } from './SignInRequestAlert.js';
import { StatusBar } from './StatusBar.js';
import { replacedIds, useDevice } from './store.js';

/** Real time, ticking. */
function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** The lock screen's clock as iOS 8 and 9 drew it: the hour and minutes only, no AM or PM, whatever the locale's habit. */
export function lockScreenTime(ms: number): string {
  const parts = new Intl.DateTimeFormat(currentLanguage(), { hour: 'numeric', minute: '2-digit' }).formatToParts(ms);
  return parts
    .filter((part) => part.type !== 'dayPeriod')
    .map((part) => part.value)
    .join('')
    .trim();
}

type BannerState = 'valid' | 'used' | 'expired' | 'replaced';

/**
 * Taro's iPhone: a lock screen where verification codes arrive live. Its clock is the identity
 * service's — real time plus what the presenter skipped — so a code skipped past its ten minutes
 * is greyed as expired. A code that was used, or that a newer one replaced ("Send a new code"),
 * is greyed too and says so: typing it would only cost a try. `largeCode` shows the codes big
 * enough for the back of a room; `largeType` draws every text of the lock screen larger, as iOS's
 * Larger Text does (the presenter's Large type).
 */
export function IPhone({ largeCode = false, largeType = false }: { largeCode?: boolean; largeType?: boolean }) {
  const { t } = useTranslation();
  const notifications = useDevice((s) => s.notifications);
  // Re-rendered when the presenter skips ahead, not only on the next tick.
  usePresenter((s) => s?.skippedMs ?? 0);
  const now = presenterNow(useNow(1000));
  const date = new Intl.DateTimeFormat(currentLanguage(), { weekday: 'long', month: 'long', day: 'numeric' }).format(now);
  const replaced = replacedIds(notifications);
  const codes = notifications.filter((n) => n.request === null);
  const live = (n: DeviceNotification) => n.expiresAt > now && !replaced.has(n.id);
  // Two-factor: the newest request still waiting, or — once allowed here or on the other iPhone
  // view — the code it brought, until OK or until it is used.
  const pending = notifications.find((n) => n.request?.decision === 'pending' && live(n));
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(() => new Set());
  const allowed = notifications.find((n) => n.request?.decision === 'allowed');
  const allowedCode = allowed && codes.find((c) => c.deviceId === allowed.deviceId && c.sentAt >= allowed.sentAt && c.usedAt === null && live(c) && !dismissed.has(c.id));

  return (
    <div className={`iphone${largeCode ? ' iphone--large-code' : ''}${largeType ? ' iphone--large-type' : ''}`}>
      <div className="iphone__speaker" aria-hidden="true" />
      <div className="screen">
        <StatusBar />
        <div className="clock">
          <p className="clock__time">{lockScreenTime(now)}</p>
          <p className="clock__date">{date}</p>
        </div>
        <ol className="banners" aria-live="polite" aria-relevant="additions" aria-label={t('device.notifications')}>
          {codes.map((n) => (
            <Banner key={n.id} notification={n} state={n.usedAt !== null ? 'used' : replaced.has(n.id) ? 'replaced' : n.expiresAt <= now ? 'expired' : 'valid'} />
          ))}
        </ol>
        {codes.length === 0 && <p className="banners__empty">{t('device.empty')}</p>}
        <p className="slide-to-unlock" aria-hidden="true">
          {t('device.slideToUnlock')}
        </p>
        {pending ? (
          <SignInRequestAlert request={pending} />
        ) : (
          allowedCode && <VerificationCodeAlert notification={allowedCode} onDone={() => setDismissed(new Set(dismissed).add(allowedCode.id))} />
        )}
      </div>
      <div className="iphone__home" aria-hidden="true" />
    </div>
  );
}

function Banner({ notification: n, state }: { notification: DeviceNotification; state: BannerState }) {
  const { t } = useTranslation();
  const device = deviceName(t, n.deviceName);
  const findMy = n.deviceKind === 'iphone';
  // Read in this order: "Find My iPhone — Your Apple ID Verification Code is: 1234".
  return (
    <li className={`banner${state === 'valid' ? '' : ` banner--${state} banner--void`}`}>
      <span className={`banner__icon banner__icon--${findMy ? 'findmy' : 'messages'}`} aria-hidden="true" />
      <p className="banner__text">
        <span className="banner__app">{findMy ? t('device.findMyIphone') : t('device.messages')}</span>
        <span className="visually-hidden"> — </span>
        <span className="banner__body">
          {t('device.codeMessage')} <span className="banner__code">{n.code}</span>
        </span>
        {state !== 'valid' && <span className="banner__state"> {t(`device.${state}`)}</span>}
      </p>
      <time className="banner__time" dateTime={new Date(n.sentAt).toISOString()}>
        {formatTime(n.sentAt)}
      </time>
      <p className="banner__meta">
        {findMy ? t('device.onIphone', { device, appleId: n.appleId }) : t('device.smsTo', { phone: n.deviceName, appleId: n.appleId })}
      </p>
    </li>
  );
}
