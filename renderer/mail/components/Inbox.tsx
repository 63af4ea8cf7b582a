import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/index.js';
import { PushButton } from '../../client-apps/mac/PushButton.js';
import { useMail } from '../store.js';

/** The INBOX as the IMAP server gives it (newest first), and the message open, read with BODY.PEEK[]. */
export function Inbox() {
  const { t } = useTranslation();
  const appleId = useMail((s) => s.appleId);
  const messages = useMail((s) => s.messages);
  const open = useMail((s) => s.open);
  const busy = useMail((s) => s.busy);
  const openMessage = useMail((s) => s.openMessage);
  const signOut = useMail((s) => s.signOut);
  return (
    <section className="mail-inbox" aria-labelledby="mail-inbox-title">
      <div className="mail-inbox__head">
        <h2 id="mail-inbox-title" className="mail-panel__title">
          {t('mailApp.inbox')}
        </h2>
        <p role="status" className="mail-inbox__status">
          {t('mailApp.connected', { appleId, count: messages.length })}
        </p>
        <PushButton busy={busy} onClick={() => void signOut()}>
          {t('mailApp.signOut')}
        </PushButton>
      </div>
      {messages.length === 0 ? (
        <p className="mail-inbox__empty">{t('mailApp.empty')}</p>
      ) : (
        <ul className="mail-list" aria-label={t('mailApp.messages')}>
          {messages.map((m) => (
            <li key={m.uid}>
              <button
                type="button"
                className={`mail-list__item${m.seen ? '' : ' mail-list__item--unread'}${open?.uid === m.uid ? ' mail-list__item--open' : ''}`}
                aria-current={open?.uid === m.uid || undefined}
                onClick={() => void openMessage(m.uid)}
              >
                <span className="mail-list__from">{m.from}</span>
                <span className="mail-list__subject">
                  {m.seen ? '' : <span className="visually-hidden">{t('mailApp.unread')} </span>}
                  {m.subject}
                </span>
                <span className="mail-list__date">{formatDateTime(m.date)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {open && (
        <article className="mail-message" aria-labelledby="mail-message-subject">
          <h3 id="mail-message-subject" className="mail-message__subject">
            {open.subject}
          </h3>
          <p className="mail-message__meta">
            {t('mailApp.from')} {open.from} · {t('mailApp.to')} {open.to} · {formatDateTime(open.date)}
          </p>
          <pre className="mail-message__text">{open.text}</pre>
        </article>
      )}
    </section>
  );
}
