import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PhoneVerification } from '../../../preload/contract/account-site-types.js';
import type { AccountView } from '../../../preload/contract/models.js';
import { site } from '../api.js';
import { useAction } from '../hooks.js';
import { ErrorAlert, Field, Notice, resolveError, SubmitButton, useFormErrorId, type CodeFields } from './form.js';

const NUMBER_FIELDS: CodeFields = { INVALID_INPUT: 'phoneNumber', PHONE_ALREADY_TRUSTED: 'phoneNumber', CURRENT_PASSWORD_INCORRECT: 'currentPassword' };
const CODE_FIELDS: CodeFields = { CODE_INCORRECT: 'code', CODE_EXPIRED: 'code', CODE_ATTEMPTS_EXCEEDED: 'code' };

/**
 * Adding a trusted phone number, in two steps: the number and the current password; then the
 * code sent to that number by SMS. Until that code is typed, the number is not trusted.
 */
export function AddTrustedPhone({ onAdded, onCancel }: { onAdded: (account: AccountView) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [phoneNumber, setPhoneNumber] = useState('');
  const [currentPassword, setCurrentPassword] = useState('');
  const [pending, setPending] = useState<PhoneVerification | null>(null);
  const [resent, setResent] = useState(false);
  const [code, setCode] = useState('');
  const { busy, error, setError, run } = useAction();
  const errorId = useFormErrorId();
  const formError = resolveError(error, pending ? CODE_FIELDS : NUMBER_FIELDS, t);

  function submitNumber(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      setPending(await site.addTrustedPhone({ phoneNumber, currentPassword }));
      setCurrentPassword('');
    });
  }

  function submitCode(event: FormEvent) {
    event.preventDefault();
    if (!pending) return;
    void run(async () => onAdded(await site.confirmTrustedPhone({ verificationId: pending.verificationId, code })));
  }

  function resend() {
    if (!pending) return;
    void run(async () => {
      setPending(await site.resendTrustedPhoneCode({ verificationId: pending.verificationId }));
      setResent(true);
      setCode('');
    });
  }

  const cancel = (
    <button type="button" className="button" onClick={() => (setError(null), onCancel())}>
      {t('common.cancel')}
    </button>
  );

  if (pending) {
    return (
      <form className="form form--inline" onSubmit={submitCode} noValidate>
        <p>{t('account.phoneCodeSent', { phone: pending.phoneNumber })}</p>
        {resent && <Notice>{t('account.phoneCodeResent')}</Notice>}
        <Field
          name="code"
          label={t('verify.code')}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={pending.codeLength + 2}
          value={code}
          onValue={setCode}
          error={formError}
          errorId={errorId}
          autoFocus
        />
        <ErrorAlert id={errorId} error={formError} />
        <div className="form__actions">
          <button type="button" className="link-button" onClick={resend}>
            {t('verify.sendNew')}
          </button>
          {cancel}
          <SubmitButton busy={busy}>{t('account.verifyPhone')}</SubmitButton>
        </div>
      </form>
    );
  }

  return (
    <form className="form form--inline" onSubmit={submitNumber} noValidate>
      <Field
        name="phoneNumber"
        label={t('account.phoneNumber')}
        type="tel"
        autoComplete="tel"
        value={phoneNumber}
        onValue={setPhoneNumber}
        error={formError}
        errorId={errorId}
        autoFocus
      />
      <Field
        name="currentPassword"
        label={t('stepUp.password')}
        hint={t('stepUp.hint')}
        type="password"
        autoComplete="current-password"
        value={currentPassword}
        onValue={setCurrentPassword}
        error={formError}
        errorId={errorId}
      />
      <ErrorAlert id={errorId} error={formError} />
      <div className="form__actions">
        {cancel}
        <SubmitButton busy={busy}>{t('account.sendPhoneCode')}</SubmitButton>
      </div>
    </form>
  );
}
