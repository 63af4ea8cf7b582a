import { useTranslation } from 'react-i18next';
import { Field, type FormError } from './form.js';

/** "New password" and "Confirm new password", as Change Password and the unlock page ask them. */
export function NewPasswordFields({
  newPassword,
  onNewPassword,
  confirmPassword,
  onConfirmPassword,
  error,
  errorId,
}: {
  newPassword: string;
  onNewPassword: (value: string) => void;
  confirmPassword: string;
  onConfirmPassword: (value: string) => void;
  error: FormError | null;
  errorId: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Field
        name="newPassword"
        label={t('changePassword.new')}
        hint={t('changePassword.rules')}
        type="password"
        autoComplete="new-password"
        value={newPassword}
        onValue={onNewPassword}
        error={error}
        errorId={errorId}
      />
      <Field
        name="confirmPassword"
        label={t('changePassword.confirm')}
        type="password"
        autoComplete="new-password"
        value={confirmPassword}
        onValue={onConfirmPassword}
        error={error}
        errorId={errorId}
      />
    </>
  );
}
