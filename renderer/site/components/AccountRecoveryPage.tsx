import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountRecoveryView, CodeSent, PasswordChanged } from '../../../preload/contract/account-site-types.js';
import { formatDateTime } from '../../i18n/index.js';
import { site } from '../api.js';
import { useAction } from '../hooks.js';
import { mismatchError } from './ChangePasswordPage.js';
import { CodeField } from './CodeField.js';
import { AppleIdField, type CodeFields, ErrorAlert, Field, Notice, resolveError, SubmitButton, useFormErrorId } from './form.js';
import { Card, useFocusFirstFieldOn } from './Layout.js';
import { Link } from './Link.js';
import { NewPasswordFields } from './NewPasswordFields.js';

const CODE_FIELDS: CodeFields = {
  APPLE_ID_INVALID: 'appleId',
  RECOVERY_NOT_POSSIBLE: 'phoneNumber',
  CODE_INCORRECT: 'code',
  CODE_EXPIRED: 'code',
  CODE_ATTEMPTS_EXCEEDED: 'code',
  PASSWORD_TOO_SHORT: 'newPassword',
};

/** This browser's request, so the page finds it again after a reload or another visit. */
const STORAGE_KEY = 'twostep.accountRecovery';

function storedRecovery(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function storeRecovery(id: string | null): void {
  try {
    if (id) window.localStorage.setItem(STORAGE_KEY, id);
    else window.localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Not kept: the page still shows the request until it is left.
  }
}

/**
 * Account recovery (two-factor authentication, which has no recovery key): the Apple ID and a
 * trusted phone number start a request; the page shows its waiting period with its dates; once
 * it is over, a code to that number and a new password recover the account. A sign-in with the
 * account meanwhile cancels the request (the service says so when the page asks).
 */
export function AccountRecoveryPage() {
  const { t } = useTranslation();
  const [recovery, setRecovery] = useState<AccountRecoveryView | null>(null);
  const [appleId, setAppleId] = useState('');
  const [phoneNumber, setPhoneNumber] = useState('');
  const [sent, setSent] = useState<CodeSent | null>(null);
  const [code, setCode] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirmPassword, setConfirmPassword] = useState('');
  const [result, setResult] = useState<PasswordChanged | null>(null);
  const { busy, error, setError, run } = useAction();
  const errorId = useFormErrorId();
  const formError = resolveError(error, CODE_FIELDS, t);
  useFocusFirstFieldOn(result ? 'done' : sent ? 'reset' : (recovery?.state ?? 'request'));

  useEffect(() => {
    const id = storedRecovery();
    if (!id) return;
    site.accountRecovery({ recoveryId: id }).then(setRecovery, () => storeRecovery(null));
  }, []);

  function request(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      const made = await site.requestAccountRecovery({ appleId, phoneNumber });
      storeRecovery(made.recoveryId);
      setRecovery(made);
    });
  }

  function check() {
    if (!recovery) return;
    void run(async () => setRecovery(await site.accountRecovery({ recoveryId: recovery.recoveryId })));
  }

  function sendCode() {
    if (!recovery) return;
    void run(async () => {
      setSent(await site.sendRecoveryCode({ recoveryId: recovery.recoveryId }));
    });
  }

  function reset(event: FormEvent) {
    event.preventDefault();
    if (!recovery) return;
    if (newPassword !== confirmPassword) {
      setError(mismatchError());
      return;
    }
    void run(async () => {
      setResult(await site.completeAccountRecovery({ recoveryId: recovery.recoveryId, code, newPassword }));
      storeRecovery(null);
      setNewPassword('');
      setConfirmPassword('');
    });
  }

  function startOver() {
    storeRecovery(null);
    setRecovery(null);
    setSent(null);
    setError(null);
  }

  if (result) {
    return (
      <Card title={t('twoFactorApps.recovery.doneTitle')} focusOnMount>
        <p role="status">{t('unlock.done', { revoked: result.revokedAppPasswords, apps: result.signedOutApps })}</p>
        <div className="form__actions">
          <Link to="/sign-in" className="button button--primary">
            {t('signIn.submit')}
          </Link>
        </div>
      </Card>
    );
  }

  if (!recovery) {
    return (
      <Card title={t('twoFactorApps.recovery.title')}>
        <form className="form" onSubmit={request} noValidate>
          <p className="card__lead">{t('twoFactorApps.recovery.intro')}</p>
          <AppleIdField value={appleId} onValue={setAppleId} error={formError} errorId={errorId} />
          <Field
            name="phoneNumber"
            label={t('twoFactorApps.recovery.phone')}
            hint={t('twoFactorApps.recovery.phoneHint')}
            type="tel"
            autoComplete="tel"
            value={phoneNumber}
            onValue={setPhoneNumber}
            error={formError}
            errorId={errorId}
          />
          <ErrorAlert id={errorId} error={formError} />
          <div className="form__actions">
            <Link to="/unlock" className="button">
              {t('common.cancel')}
            </Link>
            <SubmitButton busy={busy}>{t('twoFactorApps.recovery.request')}</SubmitButton>
          </div>
        </form>
      </Card>
    );
  }

  if (recovery.state === 'cancelled' || recovery.state === 'completed') {
    return (
      <Card title={t('twoFactorApps.recovery.title')} focusOnMount>
        <p role="status">{t(`twoFactorApps.recovery.${recovery.state}`)}</p>
        <div className="form__actions">
          <button type="button" className="button" onClick={startOver}>
            {t('twoFactorApps.recovery.startOver')}
          </button>
          <Link to="/sign-in" className="button button--primary">
            {t('signIn.submit')}
          </Link>
        </div>
      </Card>
    );
  }

  const dates = (
    <dl className="recovery-dates">
      <dt>{t('twoFactorApps.recovery.requestedAt')}</dt>
      <dd>{formatDateTime(recovery.requestedAt)}</dd>
      <dt>{t('twoFactorApps.recovery.readyAt')}</dt>
      <dd>{formatDateTime(recovery.readyAt)}</dd>
      <dt>{t('twoFactorApps.recovery.contactAt', { phone: recovery.phone })}</dt>
      <dd>{formatDateTime(recovery.contactAt)}</dd>
    </dl>
  );

  if (recovery.state === 'waiting') {
    return (
      <Card title={t('twoFactorApps.recovery.waitingTitle')} focusOnMount>
        <p className="card__lead" role="status">
          {t('twoFactorApps.recovery.waiting', { date: formatDateTime(recovery.readyAt) })}
        </p>
        {dates}
        <p>{t('twoFactorApps.recovery.cancelNote')}</p>
        <ErrorAlert id={errorId} error={formError} />
        <div className="form__actions">
          <button type="button" className="button button--primary" aria-disabled={busy || undefined} onClick={() => !busy && check()}>
            {t('twoFactorApps.recovery.check')}
          </button>
        </div>
      </Card>
    );
  }

  return (
    <Card title={t('twoFactorApps.recovery.readyTitle')} focusOnMount>
      {!sent ? (
        <>
          <p className="card__lead" role="status">
            {t('twoFactorApps.recovery.ready', { phone: recovery.phone })}
          </p>
          {dates}
          <ErrorAlert id={errorId} error={formError} />
          <div className="form__actions">
            <button type="button" className="button button--primary" aria-disabled={busy || undefined} onClick={() => !busy && sendCode()}>
              {t('twoFactorApps.recovery.sendCode')}
            </button>
          </div>
        </>
      ) : (
        <form className="form" onSubmit={reset} noValidate>
          <Notice>{t('unlock.codeSent', { device: sent.deviceName })}</Notice>
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
        </form>
      )}
    </Card>
  );
}
