import { useTranslation } from 'react-i18next';
import { useClient } from './context.js';

/**
 * Not part of the Mac app: TwoStep's own note after Create, when My Apple ID showed the page in
 * the browser tab already open (no new tab came up, so the presenter switches to it), or when
 * the browser blocked the tab.
 */
export function AccountSiteNotice() {
  const { t } = useTranslation();
  const notice = useClient((s) => s.siteNotice);
  if (!notice) return null;
  return (
    <p role="status" className="client-site-notice">
      {notice === 'reused' ? t('clientApps.siteReused') : t('clientApps.siteBlocked')}
    </p>
  );
}
