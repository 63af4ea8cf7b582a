import { useTranslation } from 'react-i18next';
import { useDevice } from './store.js';

/**
 * The lock screen's status bar, drawn by TwoStep (not Apple's artwork): five signal dots, the
 * carrier and the Wi-Fi fan on the left, a padlock in the middle, the battery on the right. The
 * link to TwoStep is read out, and shown in place of the padlock while it is not live.
 */
export function StatusBar() {
  const { t } = useTranslation();
  const connection = useDevice((s) => s.connection);
  return (
    <div className="status-bar">
      <span className="status-bar__left">
        <svg className="status-bar__signal" viewBox="0 0 34 7" aria-hidden="true" focusable="false">
          {[0, 1, 2, 3, 4].map((i) => (
            <circle key={i} cx={3.5 + i * 6.75} cy="3.5" r="2.9" fill={i < 4 ? '#fff' : 'none'} stroke="#fff" strokeWidth="0.8" />
          ))}
        </svg>
        <span>{t('device.carrier')}</span>
        <svg className={`status-bar__wifi status-bar__wifi--${connection}`} viewBox="0 0 16 12" aria-hidden="true" focusable="false">
          <path d="M8 11.5 5.6 8.9a3.4 3.4 0 0 1 4.8 0z" fill="currentColor" />
          <path d="M3.9 7.1a5.9 5.9 0 0 1 8.2 0l-1.1 1.1a4.4 4.4 0 0 0-6 0z" fill="currentColor" />
          <path d="M1.6 4.8a9.2 9.2 0 0 1 12.8 0l-1.1 1.1a7.7 7.7 0 0 0-10.6 0z" fill="currentColor" />
        </svg>
      </span>
      <span className={`status-bar__middle status-bar__link--${connection}`}>
        {connection === 'live' ? (
          <>
            <svg className="status-bar__lock" viewBox="0 0 10 12" aria-hidden="true" focusable="false">
              <path d="M2.5 5V3.6a2.5 2.5 0 0 1 5 0V5" fill="none" stroke="#fff" strokeWidth="1.3" />
              <rect x="1" y="5" width="8" height="6.5" rx="1" fill="#fff" />
            </svg>
            <span className="visually-hidden">{t('device.connection.live')}</span>
          </>
        ) : (
          t(`device.connection.${connection}`)
        )}
      </span>
      <span className="status-bar__right">
        <svg className="status-bar__battery" viewBox="0 0 26 12" aria-hidden="true" focusable="false">
          <rect x="0.5" y="0.5" width="22" height="11" rx="2.5" fill="none" stroke="#fff" />
          <rect x="2" y="2" width="17" height="8" rx="1.2" fill="#fff" />
          <path d="M23.8 4v4a2 2 0 0 0 0-4z" fill="#fff" />
        </svg>
      </span>
    </div>
  );
}
