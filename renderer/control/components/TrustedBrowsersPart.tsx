import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../../preload/contract/error-codes.js';
import { errorMessage, formatDateTime } from '../../i18n/index.js';
import { trustedBrowserName, trustPlaceName } from '../../shared/trusted-browser-name.js';
import { connectTrustedBrowsers, useTrustedBrowsers } from '../trusted-browsers-store.js';

/** The control center's list of trusted browsers (two-factor authentication), each with End. */
export function TrustedBrowsersPart() {
  const { t } = useTranslation();
  const browsers = useTrustedBrowsers((s) => s.browsers);
  const loadError = useTrustedBrowsers((s) => s.error);
  const end = useTrustedBrowsers((s) => s.end);
  const [error, setError] = useState<ErrorPayload | null>(null);
  useEffect(() => connectTrustedBrowsers(), []);
  const shown = error ?? loadError;

  return (
    <div className="places__part" data-part="trusted-browsers">
      <h3 className="places__subtitle">{t('trustedBrowsers.control.title')}</h3>
      <p className="muted">{t('trustedBrowsers.control.intro')}</p>
      {!browsers || browsers.length === 0 ? (
        <p className="muted">{browsers === null ? t('control.sessions.loading') : t('trustedBrowsers.control.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('trustedBrowsers.control.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('trustedBrowsers.control.browser')}</th>
                <th scope="col">{t('trustedBrowsers.control.place')}</th>
                <th scope="col">{t('trustedBrowsers.control.appleId')}</th>
                <th scope="col">{t('trustedBrowsers.control.trusted')}</th>
                <th scope="col">{t('trustedBrowsers.control.until')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('trustedBrowsers.control.end')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {browsers.map((b) => {
                const name = trustedBrowserName(t, b);
                const place = trustPlaceName(t, b.place);
                return (
                  <tr key={b.id} data-trusted-browser={b.place}>
                    <th scope="row">{name}</th>
                    <td>{place}</td>
                    <td>{b.appleId}</td>
                    <td>
                      <time dateTime={new Date(b.trustedAt).toISOString()}>{formatDateTime(b.trustedAt)}</time>
                    </td>
                    <td>
                      <time dateTime={new Date(b.expiresAt).toISOString()}>{formatDateTime(b.expiresAt)}</time>
                    </td>
                    <td>
                      <button
                        type="button"
                        className="button button--small"
                        aria-label={t('trustedBrowsers.control.endLabel', { name, place, appleId: b.appleId })}
                        onClick={() => void end(b.id).then(setError)}
                      >
                        {t('trustedBrowsers.control.end')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {shown && (
        <p role="alert" className="form-error">
          {errorMessage(shown)}
        </p>
      )}
    </div>
  );
}
