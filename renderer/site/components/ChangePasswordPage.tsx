import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PasswordChanged } from '../../../preload/contract/account-site-types.js';
import type { ErrorPayload } from '../../../preload/contract/error-codes.js';
import { site } from '../api.js';
import { useAction } from '../hooks.js';
import { useSite } from '../store.js';
import { ErrorAlert, Field, resolveError, SubmitButton, useFormErrorId, type CodeFields } from './form.js';
import { Card } from './Layout.js';
import { Link } from './Link.js';
import { NewPasswordFields } from './NewPasswordFields.js';

const CODE_FIELDS: CodeFields = {
  CURRENT_PASSWORD_INCORRECT: 'currentPassword',
  INCORRECT: 'currentPassword',
  PASSWORD_TOO_SHORT: 'newPassword',
  PASSWORD_UNCHANGED: 'newPassword',
};

/** The one check the server cannot make: the new password typed twice alike. */
export function mismatchError(): ErrorPayload {
  return { code: 'INVALID_INPUT', messageKey: 'errors.INVALID_INPUT', fields: [{ path: 'confirmPassword', messageKey: 'changePassword.mismatch' }] };
}

/** Change Password: changing it revokes every app-specific password and signs those apps out. */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const clearAppPasswords = useSite((s) => s.clearAppPasswords);
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirmPassword, setConfirmPassword] = useState('');
  const [changed, setChanged] = useState<PasswordChanged | null>(null);
  const { busy, error, setError, run } = useAction();
  const errorId = useFormErrorId();
  const formError = resolveError(error, CODE_FIELDS, t);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (newPassword !== confirmPassword) {
      setError(mismatchError());
      return;
    }
    void run(async () => {
      setChanged(await site.changePassword({ currentPassword, newPassword }));
      setCurrentPassword('');
      setNewPassword('');
      setConfirmPassword('');
      clearAppPasswords();
    });
  }

  if (changed) {
    return (
      <Card title={t('changePassword.doneTitle')} focusOnMount>
        <p role="status">{t('changePassword.done', { revoked: changed.revokedAppPasswords, apps: changed.signedOutApps })}</p>
        <p>{t('changePassword.doneNext')}</p>
        <div className="form__actions">
          <Link to="/account/security" className="button button--primary">
            {t('common.done')}
          </Link>
        </div>
      </Card>
    );
  }

  return (
    <Card title={t('changePassword.title')}>
      <p className="card__lead">{t('changePassword.intro')}</p>
      <form className="form" onSubmit={submit} noValidate>
        <Field
          name="currentPassword"
          label={t('changePassword.current')}
          type="password"
          autoComplete="current-password"
          value={currentPassword}
          onValue={setCurrentPassword}
          error={formError}
          errorId={errorId}
        />
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
          <Link to="/account/security" className="button">
            {t('common.cancel')}
          </Link>
          <SubmitButton busy={busy}>{t('changePassword.submit')}</SubmitButton>
        </div>
      </form>
    </Card>
  );
}
