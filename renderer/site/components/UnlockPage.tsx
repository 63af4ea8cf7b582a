import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CodeSent, PasswordChanged, SignInChallenge } from '../../../preload/contract/account-site-types.js';
import type { TrustedDeviceView } from '../../../preload/contract/models.js';
import { site } from '../api.js';
import { useAction } from '../hooks.js';
import { mismatchError } from './ChangePasswordPage.js';
import { DevicePicker } from './DevicePicker.js';
import { AppleIdField, type CodeFields, ErrorAlert, Field, Notice, resolveError, SubmitButton, useFormErrorId } from './form.js';
import { CodeField } from './CodeField.js';
import { Card, useFocusFirstFieldOn } from './Layout.js';
import { Link } from './Link.js';
import { chooseDeviceLead } from '../../shared/choose-device-lead.js';
import { deviceName } from '../../shared/display-name.js';
import { NewPasswordFields } from './NewPasswordFields.js';

const CODE_FIELDS: CodeFields = {
  APPLE_ID_INVALID: 'appleId',
  ACCOUNT_NOT_FOUND: 'appleId',
  RECOVERY_KEY_INCORRECT: 'recoveryKey',
  CODE_INCORRECT: 'code',
  CODE_EXPIRED: 'code',
  CODE_ATTEMPTS_EXCEEDED: 'code',
  PASSWORD_TOO_SHORT: 'newPassword',
};

type Step = 'identify' | 'choose' | 'reset' | 'done';

/**
 * A locked account or a forgotten password: the Apple ID and the recovery key, then a code
 * from a trusted device, then a new password.
 */
export function UnlockPage() {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>('identify');
  const [appleId, setAppleId] = useState('');
  const [recoveryKey, setRecoveryKey] = useState('');
  const [challenge, setChallenge] = useState<SignInChallenge | null>(null);
  const [sent, setSent] = useState<CodeSent | null>(null);
  const [code, setCode] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirmPassword, setConfirmPassword] = useState('');
  const [result, setResult] = useState<PasswordChanged | null>(null);
  const { busy, error, setError, run } = useAction();
  const errorId = useFormErrorId();
  const formError = resolveError(error, CODE_FIELDS, t);
  useFocusFirstFieldOn(step);

  function identify(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      setChallenge(await site.beginUnlock({ appleId, recoveryKey }));
      setRecoveryKey('');
      setStep('choose');
    });
  }

  function send(device: TrustedDeviceView) {
    if (!challenge) return;
    void run(async () => {
      setSent(await site.sendUnlockCode({ verificationId: challenge.verificationId, deviceId: device.id }));
      setStep('reset');
    });
  }

  function reset(event: FormEvent) {
    event.preventDefault();
    if (!challenge) return;
    if (newPassword !== confirmPassword) {
      setError(mismatchError());
      return;
    }
    void run(async () => {
      setResult(await site.completeUnlock({ verificationId: challenge.verificationId, code, newPassword }));
      setNewPassword('');
      setConfirmPassword('');
      setStep('done');
    });
  }

  function back(to: Step) {
    setError(null);
    setStep(to);
  }

  if (step === 'done' && result) {
    return (
      <Card title={t('unlock.doneTitle')} focusOnMount>
        <p role="status">{t('unlock.done', { revoked: result.revokedAppPasswords, apps: result.signedOutApps })}</p>
        <div className="form__actions">
          <Link to="/sign-in" className="button button--primary">
            {t('signIn.submit')}
          </Link>
        </div>
      </Card>
    );
  }

  return (
    <Card title={t('unlock.title')}>
      {step === 'identify' && (
        <form className="form" onSubmit={identify} noValidate>
          <p className="card__lead">{t('unlock.intro')}</p>
          <AppleIdField value={appleId} onValue={setAppleId} error={formError} errorId={errorId} />
          <Field
            name="recoveryKey"
            label={t('verify.recoveryKey')}
            hint={t('unlock.recoveryKeyHint')}
            className="field--mono"
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="characters"
            value={recoveryKey}
            onValue={setRecoveryKey}
            error={formError}
            errorId={errorId}
          />
          <ErrorAlert id={errorId} error={formError} />
          <div className="form__actions">
            <Link to="/sign-in" className="button">
              {t('common.cancel')}
            </Link>
            <SubmitButton busy={busy}>{t('common.continue')}</SubmitButton>
          </div>
          <p className="form__secondary">
            <Link to="/unlock/account-recovery">{t('twoFactorApps.recovery.link')}</Link>
          </p>
        </form>
      )}

      {step === 'choose' && challenge && (
        <>
          <p className="card__lead">{chooseDeviceLead(t, challenge)}</p>
          <DevicePicker devices={challenge.devices} initial={sent?.deviceId ?? null} busy={busy} errorId={errorId} onChoose={send} />
          <ErrorAlert id={errorId} error={formError} />
        </>
      )}

      {step === 'reset' && sent && (
        <form className="form" onSubmit={reset} noValidate>
          <Notice>{t('unlock.codeSent', { device: deviceName(t, challenge?.devices.find((d) => d.id === sent.deviceId)?.maskedName ?? sent.deviceName) })}</Notice>
          <CodeField name="code" label={t('verify.code')} length={sent.codeLength} value={code} onValue={setCode} error={formError} errorId={errorId} />
          <NewPasswordFields
            newPassword={newPassword}
            onNewPassword={setNewPassword}
            confirmPassword={confirmPassword}
            onConfirmPassword={setConfirmPassword}
            error={formError}
            errorId={errorId}
          />
          <ErrorAlert id={errorId} error={formError} />
          <div className="form__actions">
            <SubmitButton busy={busy}>{t('unlock.reset')}</SubmitButton>
          </div>
          <div className="form__secondary">
            <button type="button" className="link-button" onClick={() => back('choose')}>
              {t('verify.chooseAnother')}
            </button>
          </div>
        </form>
      )}
    </Card>
  );
}
