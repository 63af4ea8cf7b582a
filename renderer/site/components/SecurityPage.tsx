import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/index.js';
import { AccountHead } from './AccountPage.js';
import { useFreshAccount } from '../hooks.js';
import { Card } from './Layout.js';
import { Link } from './Link.js';
import { ManageNav } from './ManageNav.js';
import { RecoveryKeySetting } from './RecoveryKeySetting.js';
import { TrustedBrowsers } from './TrustedBrowsers.js';
import { TrustedDevices } from './TrustedDevices.js';
import { TwoStepSetting } from './TwoStepSetting.js';

/**
 * Password and Security: the password, two-step verification, the trusted devices (and, under
 * two-factor authentication, the trusted browsers), the
 * recovery key (Replace Lost Key) and the app-specific passwords (Generate, View History).
 */
export function SecurityPage() {
  const { t } = useTranslation();
  const account = useFreshAccount();

  if (!account) return null;
  const appPasswordsAvailable = account.securityLevel !== 'none';

  return (
    <Card title={t('account.security')} wide>
      <AccountHead />
      <div className="manage">
        <ManageNav />
        <section className="settings manage__content" aria-label={t('account.security')}>
          <div className="settings__row">
            <h2 className="settings__label">{t('account.password')}</h2>
            <div className="settings__value">
              <p>{t('account.passwordChangedAt', { date: formatDateTime(account.passwordChangedAt) })}</p>
              <Link to="/account/password">{t('account.changePassword')}</Link>
            </div>
          </div>

          <TwoStepSetting account={account} />

          <TrustedDevices account={account} />

          <TrustedBrowsers account={account} />

          <RecoveryKeySetting account={account} />

          <div className="settings__row">
            <h2 className="settings__label">{t('account.appPasswords')}</h2>
            <div className="settings__value">
              {appPasswordsAvailable ? (
                <>
                  <p>{t('account.appPasswordsActive', { active: account.activeAppPasswords })}</p>
                  <ul className="settings__links">
                    <li>
                      <Link to="/account/app-passwords/new">{t('account.generate')}</Link>
                    </li>
                    <li>
                      <Link to="/account/app-passwords">{t('account.viewHistory')}</Link>
                    </li>
                  </ul>
                </>
              ) : (
                <p>{t('account.appPasswordsNeedTwoStep')}</p>
              )}
            </div>
          </div>
        </section>
      </div>
    </Card>
  );
}
