import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrustedDeviceView } from '../../../preload/contract/models.js';
import { deviceName } from '../../shared/display-name.js';
import { SubmitButton } from './form.js';

/** The trusted devices as radio buttons: the iPhone gets Find My iPhone, a number gets an SMS. */
export function DevicePicker({
  devices,
  initial,
  busy,
  errorId,
  onChoose,
}: {
  devices: TrustedDeviceView[];
  initial: number | null;
  busy: boolean;
  errorId: string;
  onChoose: (device: TrustedDeviceView) => void;
}) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<number | null>(initial ?? devices[0]?.id ?? null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const device = devices.find((d) => d.id === selected);
    if (device) onChoose(device);
  }

  return (
    <form className="form" onSubmit={submit} aria-describedby={errorId}>
      <fieldset className="device-list">
        <legend className="device-list__legend">{t('verify.devicesLegend')}</legend>
        {devices.map((device) => (
          <label key={device.id} className="device-option">
            <input
              type="radio"
              name="device"
              value={device.id}
              checked={selected === device.id}
              onChange={() => setSelected(device.id)}
            />
            <span className={`device-option__icon device-option__icon--${device.kind}`} aria-hidden="true" />
            <span className="device-option__text">
              <span className="device-option__name">{deviceName(t, device.maskedName)}</span>
              <span className="device-option__via">{device.kind === 'iphone' ? t('verify.viaFindMyIphone') : t('verify.viaSms')}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="form__actions">
        <SubmitButton busy={busy}>{t('common.continue')}</SubmitButton>
      </div>
    </form>
  );
}
