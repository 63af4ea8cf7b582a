import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountView } from '../../../preload/contract/models.js';
import type { TrustedBrowserView } from '../../../preload/contract/trusted-browsers-types.js';
import { errorMessage, formatDateTime } from '../../i18n/index.js';
import { trustedBrowserName, trustPlaceName } from '../../shared/trusted-browser-name.js';
import { site } from '../api.js';
import { useAction } from '../hooks.js';

/**
 * Password and Security ▸ Trusted browsers (two-factor authentication only): each browser where Trust
 * was chosen after a code — its name, where, since and until when — with Remove. Removing only
 * takes trust away, so the signed-in session suffices (no password again), as at Apple.
 */
export function TrustedBrowsers({ account }: { account: AccountView }) {
  const { t } = useTranslation();
  const [browsers, setBrowsers] = useState<TrustedBrowserView[] | null>(null);
  const [removed, setRemoved] = useState<string | null>(null);
  const action = useAction();
  const { run } = action;
  const twoFactor = account.securityLevel === 'two-factor';

  useEffect(() => {
    if (twoFactor) void run(async () => setBrowsers(await site.trustedBrowsers({})));
  }, [twoFactor, run]);

  function remove(browser: TrustedBrowserView) {
    void run(async () => {
      setBrowsers(await site.removeTrustedBrowser({ browserId: browser.id }));
      setRemoved(trustedBrowserName(t, browser));
    });
  }

  // 2015's two-step verification had no trusted browsers: its page has no such row.
  if (!twoFactor) return null;
  return (
    <div className="settings__row">
      <h2 className="settings__label">{t('trustedBrowsers.list.label')}</h2>
      <div className="settings__value">
        {browsers?.length === 0 ? (
          <p>{t('trustedBrowsers.list.none')}</p>
        ) : (
          <ul className="trusted-list" aria-label={t('trustedBrowsers.list.label')}>
            {(browsers ?? []).map((browser) => {
              const name = trustedBrowserName(t, browser);
              const place = trustPlaceName(t, browser.place);
              return (
                <li key={browser.id} className="trusted-list__item">
                  <span className="trusted-list__name">
                    {name}
                    <span className="trusted-list__kind">
                      {t('trustedBrowsers.list.item', { place, trusted: formatDateTime(browser.trustedAt), until: formatDateTime(browser.expiresAt) })}
                    </span>
                  </span>
                  <button type="button" className="link-button" aria-label={t('trustedBrowsers.list.removeLabel', { name, place })} onClick={() => remove(browser)}>
                    {t('trustedBrowsers.list.remove')}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
        <p role="status" className="trusted-browsers__status">
          {removed && t('trustedBrowsers.list.removed', { name: removed })}
        </p>
        {action.error && (
          <p role="alert" className="form-error">
            {errorMessage(action.error)}
          </p>
        )}
      </div>
    </div>
  );
}
