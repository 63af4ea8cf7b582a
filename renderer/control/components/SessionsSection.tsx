import { useTranslation } from 'react-i18next';
import type { ClientKind, SignedInClient } from '../../../preload/contract/models.js';
import { formatDateTime } from '../../i18n/index.js';
import { useControl } from '../store.js';

/** The Mac apps of the stage, always listed (signed in or not); the old drawn mail app only while signed in. */
const MAC_APPS: readonly ClientKind[] = ['messages', 'facetime', 'icloud'];

type App = Extract<SignedInClient, { kind: 'app' }>;

/**
 * Section 2: every client signed in now — the Mac apps (each listed, signed in or not) and
 * every mail client holding IMAP or SMTP connections, named as View History names it (Tern
 * Mail, Thunderbird, or the protocol when a client gave no name) — with its Apple ID and the
 * password it signed in with.
 */
export function SessionsSection() {
  const { t } = useTranslation();
  const sessions = useControl((s) => s.sessions);
  const apps = new Map<ClientKind, App>();
  for (const c of sessions ?? []) if (c.kind === 'app' && (apps.get(c.clientKind)?.startedAt ?? -1) < c.startedAt) apps.set(c.clientKind, c);
  const mailClients = (sessions ?? []).filter((c) => c.kind === 'mail');
  const kinds = [...MAC_APPS, ...(apps.has('third-party') ? (['third-party'] as const) : [])];
  const nobody = sessions === null ? t('control.sessions.loading') : t('control.sessions.notSignedIn');

  const signedIn = (c: SignedInClient) => (
    <>
      <td role="cell" className="table__cell--apple-id">
        {c.appleId}
      </td>
      <td role="cell">{c.appPasswordLabel === null ? t('control.sessions.password') : t('control.sessions.appPassword', { label: c.appPasswordLabel })}</td>
      <td role="cell" className="nowrap">
        <time dateTime={new Date(c.startedAt).toISOString()}>{formatDateTime(c.startedAt)}</time>
      </td>
    </>
  );

  return (
    <section className="panel" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading" className="panel__title">
        {t('control.sessions.heading')}
      </h2>
      <p className="panel__intro">{t('control.sessions.intro')}</p>
      <div className="table-wrap">
        <table className="table table--stack table--sessions" role="table" aria-busy={sessions === null || undefined}>
          <caption className="visually-hidden">{t('control.sessions.caption')}</caption>
          <thead role="rowgroup">
            <tr role="row">
              <th scope="col" role="columnheader">
                {t('control.sessions.app')}
              </th>
              <th scope="col" role="columnheader">
                {t('control.sessions.appleId')}
              </th>
              <th scope="col" role="columnheader">
                {t('control.sessions.with')}
              </th>
              <th scope="col" role="columnheader">
                {t('control.sessions.since')}
              </th>
            </tr>
          </thead>
          <tbody role="rowgroup">
            {kinds.map((kind) => {
              const session = apps.get(kind);
              return (
                <tr key={kind} role="row" data-client={kind} className={session ? 'is-signed-in' : undefined}>
                  <th scope="row" role="rowheader">
                    <span className={`app-dot${session ? ' app-dot--on' : ''}`} aria-hidden="true" />
                    {t(`control.apps.${kind}`)}
                  </th>
                  {session ? (
                    signedIn(session)
                  ) : (
                    <td role="cell" colSpan={3} className="muted">
                      {nobody}
                    </td>
                  )}
                </tr>
              );
            })}
            {mailClients.map((c) => (
              <tr key={`${c.name}\n${c.appleId}\n${c.appPasswordLabel ?? ''}`} role="row" data-client="mail" className="is-signed-in">
                <th scope="row" role="rowheader">
                  <span className="app-dot app-dot--on" aria-hidden="true" />
                  {c.name} <span className="table__via">{t('control.sessions.via', { protocols: c.protocols.map((p) => p.toUpperCase()).join(' + ') })}</span>
                </th>
                {signedIn(c)}
              </tr>
            ))}
            {sessions !== null && mailClients.length === 0 && (
              <tr role="row" data-client="mail">
                <th scope="row" role="rowheader">
                  <span className="app-dot" aria-hidden="true" />
                  {t('control.sessions.mailClients')}
                </th>
                <td role="cell" colSpan={3} className="muted">
                  {t('control.sessions.noMailClients')}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
