import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceNotification } from '../../preload/contract/models.js';
import { currentLanguage, formatTime } from '../i18n/index.js';
import { Footer } from '../shared/Footer.js';
import { LaunchKeyNotice } from '../shared/LaunchKeyNotice.js';
import { useDevice } from './store.js';

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** The simulated trusted iPhone: a lock screen where verification codes arrive live. */
export function DeviceApp() {
  const { t } = useTranslation();
  const notifications = useDevice((s) => s.notifications);
  const connection = useDevice((s) => s.connection);
  const now = useNow(1000);
  const date = new Intl.DateTimeFormat(currentLanguage(), { weekday: 'long', month: 'long', day: 'numeric' }).format(now);

  return (
    <>
      <LaunchKeyNotice />
      <main className="stage">
        <h1 className="visually-hidden">{t('device.title')}</h1>
        <div className="iphone">
          <div className="iphone__speaker" aria-hidden="true" />
          <div className="screen">
            <div className="status-bar">
              <span>{t('device.carrier')}</span>
              <span className={`status-bar__link status-bar__link--${connection}`}>{t(`device.connection.${connection}`)}</span>
            </div>
            <div className="clock">
              <p className="clock__time">{formatTime(now)}</p>
              <p className="clock__date">{date}</p>
            </div>
            <ol className="banners" aria-live="polite" aria-relevant="additions" aria-label={t('device.notifications')}>
              {notifications.map((n) => (
                <Banner key={n.id} notification={n} expired={n.expiresAt <= now} />
              ))}
            </ol>
            {notifications.length === 0 && <p className="banners__empty">{t('device.empty')}</p>}
            <p className="slide-to-unlock" aria-hidden="true">
              {t('device.slideToUnlock')}
            </p>
          </div>
          <div className="iphone__home" aria-hidden="true" />
        </div>
        <p className="stage__hint">{t('device.hint')}</p>
      </main>
      <Footer />
    </>
  );
}

function Banner({ notification: n, expired }: { notification: DeviceNotification; expired: boolean }) {
  const { t } = useTranslation();
  const findMy = n.deviceKind === 'iphone';
  // Read in this order: "Find My iPhone — Your Apple ID Verification Code is: 1234".
  return (
    <li className={`banner${expired ? ' banner--expired' : ''}`}>
      <span className={`banner__icon banner__icon--${findMy ? 'findmy' : 'messages'}`} aria-hidden="true" />
      <p className="banner__text">
        <span className="banner__app">{findMy ? t('device.findMyIphone') : t('device.messages')}</span>
        <span className="visually-hidden"> — </span>
        <span className="banner__body">{t('device.codeMessage', { code: n.code })}</span>
        {expired && <span className="banner__expired"> {t('device.expired')}</span>}
      </p>
      <time className="banner__time" dateTime={new Date(n.sentAt).toISOString()}>
        {formatTime(n.sentAt)}
      </time>
      <p className="banner__meta">
        {findMy ? t('device.onIphone', { device: n.deviceName, appleId: n.appleId }) : t('device.smsTo', { phone: n.deviceName, appleId: n.appleId })}
      </p>
    </li>
  );
}
