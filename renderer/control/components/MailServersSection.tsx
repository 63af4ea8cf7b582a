import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../../preload/contract/error-codes.js';
import { MAIL_PROFILES, type MailLanguageChoice, type MailServersPanelView, type MailSettings } from '../../../preload/contract/mail-types.js';
import { errorMessage, formatTime } from '../../i18n/index.js';
import { appApi, onServiceEvent } from '../../shared/app-api.js';
import { toPayload } from '../store.js';
import './mail-servers.css';

/**
 * The IMAP and SMTP servers: what to type into a mail client (server, port, security, user
 * name), who is connected, and the settings — the profile the servers answer as, whether a
 * revocation ends open sessions, the notification mails' language (the pages', unless chosen). Its own state: it follows
 * the servers' own pushed changes and is reloaded on every (re)connection.
 */
export function MailServersSection() {
  const { t } = useTranslation();
  const [view, setView] = useState<MailServersPanelView | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);

  useEffect(() => {
    const load = () =>
      appApi.mailServers({}).then(
        (v) => {
          setView(v);
          setError(null);
        },
        (e: unknown) => setError(toPayload(e)),
      );
    return onServiceEvent(
      (event) => {
        if (event.type === 'mail-changed' && event.what === 'servers') void load();
      },
      () => void load(),
    );
  }, []);

  const change = (settings: Partial<Omit<MailSettings, 'language'>> & { language?: MailLanguageChoice }) =>
    appApi.setMailSettings(settings).then(setView, (e: unknown) => setError(toPayload(e)));

  return (
    <section className="panel" aria-labelledby="mail-servers-heading">
      <h2 id="mail-servers-heading" className="panel__title">
        {t('mailServers.title')}
      </h2>
      <p className="panel__intro">{t('mailServers.intro')}</p>
      {/* Without this launch's key the page itself says so (once); the section adds nothing. */}
      {error && error.code !== 'LAUNCH_KEY_REQUIRED' && (
        <p role="alert" className="form-error">
          {error.code === 'NOT_FOUND' ? t('mailServers.unavailable') : errorMessage(error)}
        </p>
      )}
      {view && (
        <>
          <table className="mail-settings table--stack" role="table">
            <caption className="visually-hidden">{t('mailServers.caption')}</caption>
            <thead role="rowgroup">
              <tr role="row">
                {(['protocol', 'server', 'port', 'security', 'userName'] as const).map((column) => (
                  <th key={column} scope="col" role="columnheader">
                    {t(`mailServers.${column}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody role="rowgroup">
              {(['imap', 'imaps', 'smtp', 'smtps'] as const).map((protocol) => (
                <tr key={protocol} role="row">
                  <th scope="row" role="rowheader">
                    {t(`mailServers.${protocol}`)}
                  </th>
                  <td role="cell" data-label={t('mailServers.server')}>
                    <code>{view[protocol].host}</code>
                  </td>
                  <td role="cell" data-label={t('mailServers.port')}>
                    <code>{view[protocol].port}</code>
                  </td>
                  <td role="cell" data-label={t('mailServers.security')}>
                    {t(protocol === 'imaps' || protocol === 'smtps' ? 'mailServers.securityTlsValue' : 'mailServers.securityValue')}
                  </td>
                  <td role="cell" data-label={t('mailServers.userName')}>
                    {t('mailServers.userNameValue')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="panel__note">{t('mailServers.passwordNote')}</p>
          <p className="panel__note mail-settings__fingerprint">{t('mailServers.fingerprint', { fingerprint: view.certificateFingerprint })}</p>
          <div className="mail-settings__controls">
            <label>
              {t('mailServers.profile')}{' '}
              <select value={view.settings.profile} onChange={(e) => void change({ profile: e.target.value as MailSettings['profile'] })}>
                {MAIL_PROFILES.map((p) => (
                  <option key={p} value={p}>
                    {t(`mailServers.profiles.${p}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('mailServers.language')}{' '}
              <select value={view.languageChoice} onChange={(e) => void change({ language: e.target.value as MailLanguageChoice })} aria-describedby="mail-language-help">
                <option value="pages">{t('mailServers.languages.pages', { language: t(`mailServers.languages.${view.settings.language}`) })}</option>
                <option value="en">{t('mailServers.languages.en')}</option>
                <option value="ja">{t('mailServers.languages.ja')}</option>
              </select>
            </label>
            <label>
              <input type="checkbox" checked={view.settings.keepSessionsOnRevoke} onChange={(e) => void change({ keepSessionsOnRevoke: e.target.checked })} />{' '}
              {t('mailServers.keepSessions')}
            </label>
            <p className="panel__note">{t('mailServers.keepSessionsHelp')}</p>
            <p id="mail-language-help" className="panel__note">
              {t('mailServers.languageHelp')}
            </p>
          </div>
          <h3 className="panel__subtitle">{t('mailServers.sessions')}</h3>
          {view.sessions.length === 0 ? (
            <p className="panel__note">{t('mailServers.noSessions')}</p>
          ) : (
            <ul className="mail-sessions" aria-label={t('mailServers.sessions')}>
              {view.sessions.map((s) => (
                <li key={s.id}>
                  {t('mailServers.session', { protocol: s.protocol.toUpperCase(), appleId: s.appleId, client: s.clientName ?? t('mailServers.unknownClient') })}
                  {' · '}
                  {s.appPasswordLabel === null ? t('mailServers.withPassword') : t('mailServers.withLabel', { label: s.appPasswordLabel })}
                  {' · '}
                  {formatTime(s.startedAt)}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
