import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useICloud } from '../store.js';
import { AppView } from './AppView.js';
import { deviceName } from '../../shared/display-name.js';

/** Find My iPhone: the account's iPhones — the same that receive two-step verification's codes. */
export function FindView() {
  const { t } = useTranslation();
  const home = useICloud((s) => s.home);
  const [selected, setSelected] = useState<number | null>(home?.iphones[0]?.id ?? null);
  if (!home) return null;
  const device = home.iphones.find((d) => d.id === selected);
  return (
    <AppView title={t('places.icloudWeb.apps.find')} className="icw-find">
      <div className="icw-split">
        <div className="icw-split__side">
          <h2 className="icw-split__heading">{t('places.icloudWeb.find.allDevices')}</h2>
          {home.iphones.length === 0 ? (
            <p className="icw-muted">{t('places.icloudWeb.find.none')}</p>
          ) : (
            <ul className="icw-list">
              {home.iphones.map((d) => (
                <li key={d.id}>
                  <button type="button" className="icw-device" aria-pressed={selected === d.id} onClick={() => setSelected(d.id)}>
                    <span className="icw-device__dot" aria-hidden="true" />
                    <span className="icw-device__name">{deviceName(t, d.name)}</span>
                    <span className="icw-device__status">{t('places.icloudWeb.find.online')}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className="icw-split__main">
          {device && (
            <article className="icw-device-card" aria-label={deviceName(t, device.name)}>
              <p className="icw-card-view__name">{deviceName(t, device.name)}</p>
              <p className="icw-device-card__status">{t('places.icloudWeb.find.online')}</p>
              <p>{t('places.icloudWeb.find.trusted', { device: deviceName(t, device.name), appleId: home.appleId })}</p>
            </article>
          )}
        </div>
      </div>
    </AppView>
  );
}
