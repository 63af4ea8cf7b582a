import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Window } from '../client-apps/mac/Window.js';
import { onServiceEvent } from '../shared/app-api.js';
import { onRestart } from '../shared/presenter.js';
import { AccountSetup } from './components/AccountSetup.js';
import { Inbox } from './components/Inbox.js';
import { createMailStore, MailStoreContext, useMail, type MailStore } from './store.js';

/**
 * Tern Mail: a made-up third-party mail client of 2015 (its own name and icon), and a real
 * client of TwoStep's IMAP server — main connects for it, so this window shows what any mail
 * client gets: the refusal of a normal password, the INBOX with Apple's notification mails, and
 * the connection closed when its app-specific password is revoked. Each MailApp has a store of
 * its own unless one is given, so a page may hold several; a Reset & restart puts it back as it
 * first was (the language comes from the presenter state, as for every page).
 */
export function MailApp({ store: given }: { store?: MailStore }) {
  const [store] = useState(() => given ?? createMailStore());
  useEffect(
    () =>
      onServiceEvent(
        (event) => {
          if (event.type === 'mail-changed' && event.what === 'window') void store.getState().load();
        },
        () => void store.getState().load(),
      ),
    [store],
  );
  useEffect(
    () =>
      onRestart(() => {
        // The teaching hint is the trainer's setting, not part of a run: it stays.
        store.setState({ ...store.getInitialState(), teachingHint: store.getState().teachingHint }, true);
        void store.getState().load();
      }),
    [store],
  );
  return (
    <MailStoreContext value={store}>
      <MailWindow />
    </MailStoreContext>
  );
}

function MailWindow() {
  const { t } = useTranslation();
  const view = useMail((s) => s.view);
  const appleId = useMail((s) => s.appleId);
  const hint = useMail((s) => s.teachingHint);
  const setHint = useMail((s) => s.setTeachingHint);
  const hintId = useId();
  return (
    <Window title={t('mailApp.name')} className="mail">
      <div className="mail__layout">
        <nav className="mail-sidebar" aria-label={t('mailApp.mailboxes')}>
          <p className="mail-sidebar__heading">{t('mailApp.mailboxes')}</p>
          <p className="mail-sidebar__item">{view === 'inbox' ? `${t('mailApp.inbox')} — ${appleId}` : t('mailApp.noAccount')}</p>
          <div className="mail-sidebar__hint">
            <input id={hintId} type="checkbox" checked={hint} onChange={(e) => setHint(e.target.checked)} />
            <label htmlFor={hintId}>{t('mailApp.hint.setting')}</label>
          </div>
        </nav>
        <div className="mail__main">{view === 'loading' ? null : view === 'inbox' ? <Inbox /> : <AccountSetup />}</div>
      </div>
    </Window>
  );
}
