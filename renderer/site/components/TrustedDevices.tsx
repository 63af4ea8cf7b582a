import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountView, TrustedDeviceView } from '../../../preload/contract/models.js';
import { errorMessage } from '../../i18n/index.js';
import { site } from '../api.js';
import { useAction } from '../hooks.js';
import { useSite } from '../store.js';
import { AddTrustedPhone } from './AddTrustedPhone.js';
import { deviceName } from '../../shared/display-name.js';
import { ConfirmDialog } from './ConfirmDialog.js';

/** Trusted devices and phone numbers: add a number (verified by a code sent to it), remove a device. */
export function TrustedDevices({ account }: { account: AccountView }) {
  const { t } = useTranslation();
  const setAccount = useSite((s) => s.setAccount);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<TrustedDeviceView | null>(null);
  const [currentPassword, setCurrentPassword] = useState('');
  const remove = useAction();

  function confirmRemove() {
    if (!removing) return;
    const deviceId = removing.id;
    void remove.run(async () => {
      setAccount(await site.removeTrustedDevice({ deviceId, currentPassword }));
      setRemoving(null);
      setCurrentPassword('');
    });
  }

  return (
    <div className="settings__row">
      <h2 className="settings__label">{t('account.trustedDevices')}</h2>
      <div className="settings__value">
        <ul className="trusted-list">
          {account.devices.map((device) => (
            <li key={device.id} className="trusted-list__item">
              <span className={`device-option__icon device-option__icon--${device.kind}`} aria-hidden="true" />
              <span className="trusted-list__name">
                {deviceName(t, device.name)}
                <span className="trusted-list__kind">{device.kind === 'iphone' ? t('account.kindIphone') : t('account.kindPhone')}</span>
              </span>
              <button
                type="button"
                className="link-button"
                aria-label={t('account.removeDevice', { name: deviceName(t, device.name) })}
                onClick={() => (remove.setError(null), setCurrentPassword(''), setRemoving(device))}
              >
                {t('account.remove')}
              </button>
            </li>
          ))}
        </ul>
        {adding ? (
          <AddTrustedPhone
            onAdded={(updated) => {
              setAccount(updated);
              setAdding(false);
            }}
            onCancel={() => setAdding(false)}
          />
        ) : (
          <button type="button" className="link-button" onClick={() => setAdding(true)}>
            {t('account.addPhone')}
          </button>
        )}
      </div>
      {removing && (
        <ConfirmDialog
          title={t('account.removeTitle', { name: deviceName(t, removing.name) })}
          confirmLabel={t('account.remove')}
          busy={remove.busy}
          error={remove.error ? errorMessage(remove.error) : null}
          password={{ value: currentPassword, onValue: setCurrentPassword, invalid: remove.error?.code === 'CURRENT_PASSWORD_INCORRECT' }}
          onConfirm={confirmRemove}
          onCancel={() => setRemoving(null)}
        >
          <p>{t('account.removeBody')}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
