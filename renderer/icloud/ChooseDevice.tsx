import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useClientApp } from '../client-apps/context.js';
import { FormAlert } from '../client-apps/FormAlert.js';
import { PushButton } from '../client-apps/mac/PushButton.js';
import { Spinner } from '../client-apps/mac/Spinner.js';

/** "Choose a trusted device to receive a verification code": one radio button per device. */
export function ChooseDevice() {
  const { t } = useTranslation();
  const { store } = useClientApp();
  const challenge = useClient((s) => s.challenge);
  const codeSent = useClient((s) => s.codeSent);
  const busy = useClient((s) => s.busy);
  const id = useId();
  const devices = challenge?.devices ?? [];
  const [selected, setSelected] = useState<number | null>(codeSent?.deviceId ?? devices[0]?.id ?? null);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (selected !== null) void store.getState().sendCode(selected);
  }

  return (
    <form className="icloud-step" onSubmit={submit} aria-busy={busy || undefined} aria-describedby={`${id}-intro`}>
      <h2 className="icloud__heading">{t('clientApps.icloud.chooseDevice')}</h2>
      <p id={`${id}-intro`} className="icloud__text">
        {t('clientApps.icloud.twoStep')}
      </p>
      <fieldset className="icloud-devices" disabled={busy}>
        <legend className="visually-hidden">{t('clientApps.icloud.devices')}</legend>
        {devices.map((device) => (
          <div key={device.id} className="icloud-devices__option">
            <input
              type="radio"
              id={`${id}-device-${device.id}`}
              name="device"
              value={device.id}
              checked={selected === device.id}
              onChange={() => setSelected(device.id)}
              aria-describedby={`${id}-via-${device.id}`}
            />
            <label htmlFor={`${id}-device-${device.id}`}>{device.maskedName}</label>
            <span id={`${id}-via-${device.id}`} className="icloud-devices__via">
              {device.kind === 'iphone' ? t('clientApps.icloud.viaFindMyIphone') : t('clientApps.icloud.viaSms')}
            </span>
          </div>
        ))}
      </fieldset>
      <FormAlert id={`${id}-error`} />
      <div className="client-form__actions">
        <Spinner visible={busy} />
        <PushButton busy={busy} onClick={() => store.getState().cancelVerification()}>
          {t('clientApps.cancel')}
        </PushButton>
        <PushButton type="submit" isDefault busy={busy}>
          {t('clientApps.continue')}
        </PushButton>
      </div>
    </form>
  );
}
