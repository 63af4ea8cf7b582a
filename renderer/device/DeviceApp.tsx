import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Footer } from '../shared/Footer.js';
import { LaunchKeyNotice } from '../shared/LaunchKeyNotice.js';
import { usePresenter } from '../shared/presenter.js';
import { connectDevice } from './connect.js';
import { IPhone } from './IPhone.js';
import { DeviceContext, type DeviceStore } from './store.js';

/** The trusted iPhone as a page of its own (browser mode's /iphone, the desktop app's window). */
export function DeviceApp({ store }: { store: DeviceStore }) {
  const { t } = useTranslation();
  const [largeCode, setLargeCode] = useState(false);
  const largeType = usePresenter((s) => s?.largeType ?? false);
  const id = useId();
  useEffect(() => connectDevice(store), [store]);

  return (
    <DeviceContext value={store}>
      <LaunchKeyNotice />
      <main className="device-page">
        <h1 className="visually-hidden">{t('device.title')}</h1>
        <IPhone largeCode={largeCode} largeType={largeType} />
        <p className="device-page__hint">{t('device.hint')}</p>
        <p className="device-page__option">
          <input id={`${id}-large`} type="checkbox" checked={largeCode} onChange={(event) => setLargeCode(event.target.checked)} />
          <label htmlFor={`${id}-large`}>{t('device.largeCode')}</label>
        </p>
      </main>
      <Footer />
    </DeviceContext>
  );
}
