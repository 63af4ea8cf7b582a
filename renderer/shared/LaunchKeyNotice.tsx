import { useTranslation } from 'react-i18next';
import { useLaunchKeyMissing } from './launch-key.js';

/** Shown on a browser-mode page that was opened without this launch's key: how to open it right. */
export function LaunchKeyNotice() {
  const { t } = useTranslation();
  if (!useLaunchKeyMissing()) return null;
  return (
    <p role="alert" className="launch-key-notice">
      {t('errors.LAUNCH_KEY_REQUIRED')}
    </p>
  );
}
