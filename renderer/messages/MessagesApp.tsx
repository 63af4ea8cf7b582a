import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AppCodeSheet } from '../client-apps/AppCodeSheet.js';
import { AppSpecificPasswordSheet } from '../client-apps/AppSpecificPasswordSheet.js';
import { ClientAppRoot } from '../client-apps/ClientAppRoot.js';
import { ClientView } from '../client-apps/ClientView.js';
import { useClient } from '../client-apps/context.js';
import { ForgotLink } from '../client-apps/ForgotLink.js';
import { AppIcon } from '../client-apps/mac/AppIcon.js';
import { Window } from '../client-apps/mac/Window.js';
import { SessionEndedNotice } from '../client-apps/SessionEndedNotice.js';
import { SignedInStatus } from '../client-apps/SignedInStatus.js';
import { SignInForm } from '../client-apps/SignInForm.js';
import type { ClientStore } from '../client-apps/store.js';

const TABS = ['general', 'accounts'] as const;
type Tab = (typeof TABS)[number];

/**
 * Messages ▸ Preferences ▸ Accounts ▸ iMessage: where the seed's author met the sheet. `store`
 * is this window's own (createClientStore('messages')).
 */
export function MessagesApp({ store }: { store: ClientStore }) {
  return (
    <ClientAppRoot store={store} keyPrefix="clientApps.messages">
      <MessagesPreferences />
    </ClientAppRoot>
  );
}

function MessagesPreferences() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('accounts');
  const id = useId();
  const tabRefs = useRef<Partial<Record<Tab, HTMLButtonElement | null>>>({});

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const next = TABS[(TABS.indexOf(tab) + (event.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!;
    setTab(next);
    tabRefs.current[next]?.focus();
  }

  const toolbar = (
    <div className="prefs-toolbar" role="tablist" aria-label={t('clientApps.messages.preferences')} onKeyDown={onKeyDown}>
      {TABS.map((name) => (
        <button
          key={name}
          ref={(element) => {
            tabRefs.current[name] = element;
          }}
          type="button"
          role="tab"
          id={`${id}-tab-${name}`}
          aria-selected={tab === name}
          aria-controls={`${id}-panel-${name}`}
          tabIndex={tab === name ? 0 : -1}
          className="prefs-toolbar__item"
          onClick={() => setTab(name)}
        >
          <span className={`prefs-toolbar__icon prefs-toolbar__icon--${name}`} aria-hidden="true" />
          {t(`clientApps.messages.${name}`)}
        </button>
      ))}
    </div>
  );

  return (
    <Window title={t(`clientApps.messages.${tab}`)} heading={t('clientApps.messages.name')} toolbar={toolbar} className="messages">
      <div role="tabpanel" id={`${id}-panel-${tab}`} aria-labelledby={`${id}-tab-${tab}`} className="messages__panel">
        {tab === 'accounts' ? <AccountsPane /> : <GeneralPane />}
      </div>
      <AppSpecificPasswordSheet icon="messages" />
      <AppCodeSheet icon="messages" />
    </Window>
  );
}

function GeneralPane() {
  const { t } = useTranslation();
  return (
    <div className="messages-general">
      <p>{t('clientApps.messages.generalIntro')}</p>
      <label className="mac-checkbox">
        <input type="checkbox" defaultChecked /> {t('clientApps.messages.saveHistory')}
      </label>
      <label className="mac-checkbox">
        <input type="checkbox" defaultChecked /> {t('clientApps.messages.playSounds')}
      </label>
    </div>
  );
}

function AccountsPane() {
  const { t } = useTranslation();
  const session = useClient((s) => s.session);
  return (
    <div className="messages-accounts">
      <ul className="account-list" aria-label={t('clientApps.messages.accountList')}>
        <li className="account-list__row account-list__row--selected" aria-current="true">
          <AppIcon kind="messages" size="small" />
          <span className="account-list__text">
            <span className="account-list__name">iMessage</span>
            <span className="account-list__detail">{session ? session.appleId : t('clientApps.messages.offline')}</span>
          </span>
        </li>
      </ul>
      <div className="messages-accounts__detail">
        <ClientView
          views={{
            'sign-in': <IMessageSignIn />,
            'signed-in': (
              <SignedInStatus className="mac-box">
                <label className="mac-checkbox">
                  <input type="checkbox" checked readOnly /> {t('clientApps.messages.enableAccount')}
                </label>
                <p className="messages-accounts__reach">
                  {t('clientApps.messages.reachAt')} <span>{session?.appleId}</span>
                </p>
              </SignedInStatus>
            ),
          }}
        />
      </div>
    </div>
  );
}

function IMessageSignIn() {
  const { t } = useTranslation();
  return (
    <div className="imessage-sign-in">
      <div className="imessage-sign-in__head">
        <AppIcon kind="messages" />
        <div>
          <p className="imessage-sign-in__title">iMessage</p>
          <p className="imessage-sign-in__prompt">{t('clientApps.messages.signInPrompt')}</p>
        </div>
      </div>
      <SessionEndedNotice />
      <SignInForm links={<ForgotLink />} />
    </div>
  );
}
