import { useId, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useClientApp } from '../client-apps/context.js';
import { FormAlert } from '../client-apps/FormAlert.js';
import { LinkButton, PushButton } from '../client-apps/mac/PushButton.js';
import { Spinner } from '../client-apps/mac/Spinner.js';
import { TextField } from '../client-apps/mac/TextField.js';
import { errorField } from '../client-apps/store.js';

/** "Enter the verification code sent to your trusted device": the code, Verify, or choose again. */
export function EnterCode() {
  const { t } = useTranslation();
  const { store } = useClientApp();
  const challenge = useClient((s) => s.challenge);
  const codeSent = useClient((s) => s.codeSent);
  const code = useClient((s) => s.code);
  const busy = useClient((s) => s.busy);
  const error = useClient((s) => s.error);
  const id = useId();
  const device = challenge?.devices.find((d) => d.id === codeSent?.deviceId)?.maskedName ?? codeSent?.deviceName ?? '';

  function submit(event: FormEvent) {
    event.preventDefault();
    void store.getState().verifyCode();
  }

  return (
    <form className="icloud-step" onSubmit={submit} aria-busy={busy || undefined} noValidate>
      <h2 className="icloud__heading">{t('clientApps.icloud.enterCode')}</h2>
      {codeSent && <p className="icloud__text">{t('clientApps.icloud.codeSentTo', { length: codeSent.codeLength, device })}</p>}
      <fieldset className="client-form__fields" disabled={busy}>
        <TextField
          label={t('clientApps.icloud.code')}
          className="icloud-code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={(codeSent?.codeLength ?? 6) + 2}
          autoFocus
          value={code}
          onValue={(value) => store.getState().setField('code', value)}
          invalid={errorField(error) === 'code'}
          errorId={`${id}-error`}
        />
      </fieldset>
      <FormAlert id={`${id}-error`} />
      <div className="client-form__actions">
        <div className="client-form__links">
          <LinkButton onClick={() => store.getState().chooseAnotherDevice()}>{t('clientApps.icloud.noCode')}</LinkButton>
        </div>
        <Spinner visible={busy} />
        <PushButton busy={busy} onClick={() => store.getState().cancelVerification()}>
          {t('clientApps.cancel')}
        </PushButton>
        <PushButton type="submit" isDefault busy={busy}>
          {t('clientApps.verify')}
        </PushButton>
      </div>
    </form>
  );
}
