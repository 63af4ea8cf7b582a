import { useTranslation } from 'react-i18next';
import { CLIENT_KINDS } from '../../../preload/contract/models.js';
import { formatDateTime } from '../../i18n/index.js';
import { sessionsByApp, useControl } from '../store.js';

/** Section 2: which Apple ID each app is signed in with, and with which password. */
export function SessionsSection() {
  const { t } = useTranslation();
  const sessions = useControl((s) => s.sessions);
  const byApp = sessionsByApp(sessions ?? []);

  return (
    <section className="panel" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading" className="panel__title">
        {t('control.sessions.heading')}
      </h2>
      <p className="panel__intro">{t('control.sessions.intro')}</p>
      <div className="table-wrap">
        <table className="table" aria-busy={sessions === null || undefined}>
          <caption className="visually-hidden">{t('control.sessions.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('control.sessions.app')}</th>
              <th scope="col">{t('control.sessions.appleId')}</th>
              <th scope="col">{t('control.sessions.with')}</th>
              <th scope="col">{t('control.sessions.since')}</th>
            </tr>
          </thead>
          <tbody>
            {CLIENT_KINDS.map((kind) => {
              const session = byApp.get(kind);
              return (
                <tr key={kind} data-client={kind} className={session ? 'is-signed-in' : undefined}>
                  <th scope="row">
                    <span className={`app-dot${session ? ' app-dot--on' : ''}`} aria-hidden="true" />
                    {t(`control.apps.${kind}`)}
                  </th>
                  {session ? (
                    <>
                      <td>{session.appleId}</td>
                      <td>
                        {session.appPasswordLabel === null
                          ? t('control.sessions.password')
                          : t('control.sessions.appPassword', { label: session.appPasswordLabel })}
                      </td>
                      <td>
                        <time dateTime={new Date(session.startedAt).toISOString()}>{formatDateTime(session.startedAt)}</time>
                      </td>
                    </>
                  ) : (
                    <td colSpan={3} className="muted">
                      {sessions === null ? t('control.sessions.loading') : t('control.sessions.notSignedIn')}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
