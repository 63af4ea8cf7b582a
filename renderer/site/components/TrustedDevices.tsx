import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountView, TrustedDeviceView } from '../../../preload/contract/models.js';
import { errorMessage } from '../../i18n/index.js';
import { site } from '../api.js';
import { useAction } from '../hooks.js';
import { useSite } from '../store.js';
import { ConfirmDialog } from './ConfirmDialog.js';
import { ErrorAlert, Field, resolveError, SubmitButton, useFormErrorId, type CodeFields } from './form.js';

const CODE_FIELDS: CodeFields = { INVALID_INPUT: 'phoneNumber' };

/** Trusted devices and phone numbers: add a number, remove a device (after a confirmation). */
export function TrustedDevices({ account }: { account: AccountView }) {
  const { t } = useTranslation();
  const setAccount = useSite((s) => s.setAccount);
  const [adding, setAdding] = useState(false);
  const [phoneNumber, setPhoneNumber] = useState('');
  const [removing, setRemoving] = useState<TrustedDeviceView | null>(null);
  const add = useAction();
  const remove = useAction();
  const errorId = useFormErrorId();
  const formError = resolveError(add.error, CODE_FIELDS, t);

  function submit(event: FormEvent) {
    event.preventDefault();
    void add.run(async () => {
      setAccount(await site.addTrustedPhone({ phoneNumber }));
      setPhoneNumber('');
      setAdding(false);
    });
  }

  function confirmRemove() {
    if (!removing) return;
    void remove.run(async () => {
      setAccount(await site.removeTrustedDevice({ deviceId: removing.id }));
      setRemoving(null);
    });
  }

  return (
    <div className="settings__row">
      <h3 className="settings__label">{t('account.trustedDevices')}</h3>
      <div className="settings__value">
        <ul className="trusted-list">
          {account.devices.map((device) => (
            <li key={device.id} className="trusted-list__item">
              <span className={`device-option__icon device-option__icon--${device.kind}`} aria-hidden="true" />
              <span className="trusted-list__name">
                {device.name}
                <span className="trusted-list__kind">{device.kind === 'iphone' ? t('account.kindIphone') : t('account.kindPhone')}</span>
              </span>
              <button
                type="button"
                className="link-button"
                aria-label={t('account.removeDevice', { name: device.name })}
                onClick={() => (remove.setError(null), setRemoving(device))}
              >
                {t('account.remove')}
              </button>
            </li>
          ))}
        </ul>
        {adding ? (
          <form className="form form--inline" onSubmit={submit} noValidate>
            <Field
              name="phoneNumber"
              label={t('account.phoneNumber')}
              type="tel"
              autoComplete="tel"
              value={phoneNumber}
              onValue={setPhoneNumber}
              error={formError}
              errorId={errorId}
            />
            <ErrorAlert id={errorId} error={formError} />
            <div className="form__actions">
              <button type="button" className="button" onClick={() => (add.setError(null), setAdding(false))}>
                {t('common.cancel')}
              </button>
              <SubmitButton busy={add.busy}>{t('account.add')}</SubmitButton>
            </div>
          </form>
        ) : (
          <button type="button" className="link-button" onClick={() => setAdding(true)}>
            {t('account.addPhone')}
          </button>
        )}
      </div>
      {removing && (
        <ConfirmDialog
          title={t('account.removeTitle', { name: removing.name })}
          confirmLabel={t('account.remove')}
          busy={remove.busy}
          error={remove.error ? errorMessage(remove.error) : null}
          onConfirm={confirmRemove}
          onCancel={() => setRemoving(null)}
        >
          <p>{t('account.removeBody')}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
