import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../i18n/index.js';
import { deviceName } from '../shared/display-name.js';
import { AppIcon, type AppIconKind } from './mac/AppIcon.js';
import { LinkButton } from './mac/PushButton.js';
import { Sheet } from './mac/Sheet.js';
import { TextField } from './mac/TextField.js';
import { useClient, useClientApp } from './context.js';
import { errorField } from './store.js';

/**
 * Messages and FaceTime on OS X 10.11 or later, under two-factor authentication: after the
 * password, the app asks in a sheet for the 6-digit code that went to a trusted device. "Didn't
 * get a code?" offers the trusted devices to send a new one to. Cancel goes back to the password.
 */
export function AppCodeSheet({ icon }: { icon: AppIconKind }) {
  const { t } = useTranslation();
  const { store } = useClientApp();
  const appCode = useClient((s) => s.appCode);
  const code = useClient((s) => s.code);
  const busy = useClient((s) => s.busy);
  const error = useClient((s) => s.error);
  const [choosing, setChoosing] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  const id = useId();
  if (!appCode) return null;
  const sentTo = appCode.devices.find((d) => d.id === appCode.codeSent.deviceId);
  const sentName = deviceName(t, sentTo?.maskedName ?? appCode.codeSent.deviceName);

  function resend(deviceId: number) {
    setChoosing(false);
    void store
      .getState()
      .resendAppCode(deviceId)
      .then(() => field.current?.focus());
  }

  return (
    <Sheet
      title={t('twoFactorApps.codeSheet.title')}
      icon={<AppIcon kind={icon} />}
      cancelLabel={t('clientApps.cancel')}
      defaultLabel={t('clientApps.verify')}
      busy={busy}
      initialFocus={field}
      onCancel={() => store.getState().cancelAppCode()}
      onDefault={() => void store.getState().verifyAppCode()}
    >
      <p>{t('twoFactorApps.codeSheet.text', { device: sentName, length: appCode.codeSent.codeLength })}</p>
      <TextField
        inputRef={field}
        label={t('twoFactorApps.codeSheet.code')}
        className="app-code__field"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={appCode.codeSent.codeLength}
        // Read-only, not disabled, while a call runs: the field keeps its focus (the sheet opens on it).
        readOnly={busy}
        value={code}
        onValue={(value) => store.getState().setField('code', value.replace(/\D/g, ''))}
        invalid={errorField(error) === 'code'}
        errorId={`${id}-error`}
      />
      {error && (
        <p id={`${id}-error`} role="alert" className="client-alert">
          {errorMessage(error)}
        </p>
      )}
      {appCode.resent && !error && (
        <p role="status" className="app-code__status">
          {t('twoFactorApps.codeSheet.resent', { device: sentName })}
        </p>
      )}
      <div className="app-code__help">
        <LinkButton aria-expanded={choosing} aria-controls={`${id}-devices`} disabled={busy} onClick={() => setChoosing(!choosing)}>
          {t('twoFactorApps.codeSheet.noCode')}
        </LinkButton>
        {choosing && (
          <ul id={`${id}-devices`} className="app-code__devices" aria-label={t('twoFactorApps.codeSheet.sendAgain')}>
            {appCode.devices.map((device) => (
              <li key={device.id}>
                <LinkButton onClick={() => resend(device.id)} disabled={busy}>
                  {device.kind === 'phone'
                    ? t('twoFactorApps.codeSheet.textTo', { device: device.maskedName })
                    : t('twoFactorApps.codeSheet.sendTo', { device: deviceName(t, device.maskedName) })}
                </LinkButton>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Sheet>
  );
}
