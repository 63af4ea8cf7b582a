import { useTranslation } from 'react-i18next';
import { errorMessage } from '../i18n/index.js';
import { useClient } from './context.js';

/**
 * The error of the last call, beside the form, in the user's language (role="alert"), or
 * the third-party app's plain "needs an app-specific password". Present only with a message.
 */
export function FormAlert({ id }: { id: string }) {
  const { t } = useTranslation();
  const error = useClient((s) => s.error);
  const appPasswordRequired = useClient((s) => s.appPasswordRequired);
  const passwordWithCode = useClient((s) => s.passwordWithCode);
  const message = appPasswordRequired
    ? t('clientApps.appPasswordRequired')
    : passwordWithCode
      ? t('twoFactorApps.passwordWithCode')
      : error
        ? errorMessage(error)
        : '';
  if (!message) return null;
  return (
    <p id={id} role="alert" className="client-alert">
      {message}
    </p>
  );
}
