import { useTranslation } from 'react-i18next';
import { useLocation } from '../router.js';
import { Link } from './Link.js';

/**
 * The left column of the 2015 Manage pages: the account's sections. Password and Security is a
 * page of its own, as it was (and as the seed's author went to it: 「パスワードとセキュリティ」).
 */
export function ManageNav() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const item = (to: string, label: string) => (
    <li>
      <Link to={to} className="manage-nav__link" aria-current={pathname === to ? 'page' : undefined}>
        {label}
      </Link>
    </li>
  );
  return (
    <nav className="manage-nav" aria-label={t('account.sections')}>
      <ul>
        {item('/account', t('account.nameAndId'))}
        {item('/account/security', t('account.security'))}
      </ul>
    </nav>
  );
}
