import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/index.js';
import { useSite } from '../store.js';
import { Card } from './Layout.js';
import { Link } from './Link.js';
import { RecoveryKeySetting } from './RecoveryKeySetting.js';
import { TrustedDevices } from './TrustedDevices.js';
import { TwoStepSetting } from './TwoStepSetting.js';

/** The Manage page: the account, and Password and Security with everything under it. */
export function AccountPage() {
  const { t } = useTranslation();
  const account = useSite((s) => s.account);
  const signOut = useSite((s) => s.signOut);
  const refreshAccount = useSite((s) => s.refreshAccount);

  useEffect(() => {
    void refreshAccount();
  }, [refreshAccount]);

  if (!account) return null;
  const appPasswordsAvailable = account.securityLevel !== 'none';

  return (
    <Card title={t('account.title')} wide>
      <div className="account-head">
        <div>
          <p className="account-head__name">{account.fullName}</p>
          <p className="account-head__id">{account.appleId}</p>
        </div>
        <button type="button" className="button" onClick={() => void signOut()}>
          {t('account.signOut')}
        </button>
      </div>

      <section className="settings">
        <h2 className="settings__title">
          {t('account.security')}
        </h2>

        <div className="settings__row">
          <h3 className="settings__label">{t('account.password')}</h3>
          <div className="settings__value">
            <p>{t('account.passwordChangedAt', { date: formatDateTime(account.passwordChangedAt) })}</p>
            <Link to="/account/password">{t('account.changePassword')}</Link>
          </div>
        </div>

        <TwoStepSetting account={account} />

        <TrustedDevices account={account} />

        <RecoveryKeySetting account={account} />

        <div className="settings__row">
          <h3 className="settings__label">{t('account.appPasswords')}</h3>
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
    </Card>
  );
}
