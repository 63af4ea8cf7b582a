import { useTranslation } from 'react-i18next';
import type { AppStoreAppId } from '../../../preload/contract/app-store-catalog.js';
import { Spinner } from '../../client-apps/mac/Spinner.js';
import { useAppStore, useAppStoreApi } from '../store.js';

/**
 * The button of an app, as the Mac App Store of OS X 10.10 drew it: Get (the price of a free
 * app), then Install App once pressed, Installing… while it is got, Installed after. An app this
 * Apple ID got before but not on this Mac says Install.
 */
export function GetButton({ appId, name }: { appId: AppStoreAppId; name: string }) {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const installed = useAppStore((s) => s.view?.installed.includes(appId) ?? false);
  const purchased = useAppStore((s) => s.view?.purchases.some((p) => p.appId === appId) ?? false);
  const armed = useAppStore((s) => s.armed === appId);
  const installing = useAppStore((s) => s.installing === appId);
  const busy = useAppStore((s) => s.busy);

  if (installed) {
    return <span className="store-get store-get--installed">{t('places.appStore.installed')}</span>;
  }
  if (installing) {
    return (
      <span className="store-get store-get--installing" role="status">
        <Spinner />
        {t('places.appStore.installing')}
      </span>
    );
  }
  const install = armed || purchased;
  return (
    <button
      type="button"
      className={`store-get${armed ? ' store-get--armed' : ''}`}
      aria-label={install ? t('places.appStore.installApp', { app: name }) : t('places.appStore.getApp', { app: name })}
      // Install App waits while a sign-in or sign-out is on its way (Get never does: it only arms).
      disabled={install && busy}
      onClick={() => void store.getState().press(appId)}
    >
      {armed ? t('places.appStore.install') : purchased ? t('places.appStore.install') : t('places.appStore.get')}
    </button>
  );
}
