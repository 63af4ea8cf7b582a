import { useTranslation } from 'react-i18next';
import { LinkButton } from './mac/PushButton.js';
import { openAccountSiteTab } from '../shared/account-site-tab.js';

/** "Forgot Apple ID or password?": the account site's Manage page, in the default browser. */
export function ForgotLink() {
  const { t } = useTranslation();
  return (
    <LinkButton
      onClick={() => {
        // An unreachable service leaves nothing to open; the next sign-in shows the error.
        openAccountSiteTab({ page: 'manage' }).catch(() => undefined);
      }}
    >
      {t('clientApps.forgot')}
    </LinkButton>
  );
}
