import { useTranslation } from 'react-i18next';
import { displayName } from '../../shared/display-name.js';
import { useSite } from '../store.js';
import { useFreshAccount } from '../hooks.js';
import { Card } from './Layout.js';
import { Link } from './Link.js';
import { ManageNav } from './ManageNav.js';

/** Manage your Apple ID: who the account is, and the way to Password and Security. */
export function AccountPage() {
  const { t } = useTranslation();
  const account = useFreshAccount();

  if (!account) return null;
  return (
    <Card title={t('account.title')} wide>
      <AccountHead withDetails={false} />
      <div className="manage">
        <ManageNav />
        <div className="manage__content">
          <section className="settings" aria-labelledby="name-heading">
            <h2 id="name-heading" className="settings__title">
              {t('account.nameAndId')}
            </h2>
            <div className="settings__row">
              <h3 className="settings__label">{t('account.name')}</h3>
              <div className="settings__value">
                <p>{displayName(t, account)}</p>
              </div>
            </div>
            <div className="settings__row">
              <h3 className="settings__label">{t('account.appleIdLabel')}</h3>
              <div className="settings__value">
                <p>{account.appleId}</p>
              </div>
            </div>
          </section>
          <section className="settings" aria-labelledby="security-heading">
            <h2 id="security-heading" className="settings__title">
              {t('account.security')}
            </h2>
            <p>{t('account.securityIntro')}</p>
            <p>
              <Link to="/account/security">{t('account.openSecurity')}</Link>
            </p>
          </section>
        </div>
      </div>
    </Card>
  );
}

/**
 * Sign Out at the top of every Manage page, beside the account's name and Apple ID — but on the
 * page that lists them anyway (`withDetails={false}`).
 */
export function AccountHead({ withDetails = true }: { withDetails?: boolean }) {
  const { t } = useTranslation();
  const account = useSite((s) => s.account);
  const signOut = useSite((s) => s.signOut);
  if (!account) return null;
  return (
    <div className="account-head">
      {withDetails ? (
        <div>
          <p className="account-head__name">{displayName(t, account)}</p>
          <p className="account-head__id">{account.appleId}</p>
        </div>
      ) : (
        <span />
      )}
      <button type="button" className="button" onClick={() => void signOut()}>
        {t('account.signOut')}
      </button>
    </div>
  );
}
