import { useTranslation } from 'react-i18next';
import { ClientAppRoot } from '../client-apps/ClientAppRoot.js';
import { ClientView } from '../client-apps/ClientView.js';
import { useClient } from '../client-apps/context.js';
import { AppIcon } from '../client-apps/mac/AppIcon.js';
import { Window } from '../client-apps/mac/Window.js';
import { SessionEndedNotice } from '../client-apps/SessionEndedNotice.js';
import { SignedInStatus } from '../client-apps/SignedInStatus.js';
import { SignInForm } from '../client-apps/SignInForm.js';
import type { ClientStore } from '../client-apps/store.js';
import { mailStore } from './store.js';

/**
 * A third-party mail app that knows nothing of two-step verification: its "Add Account"
 * panel only says an app-specific password is needed — no Create button (SPEC §2 step 8).
 * The stage gives each of its windows a store of its own (`store`).
 */
export function MailApp({ store = mailStore }: { store?: ClientStore }) {
  return (
    <ClientAppRoot store={store} keyPrefix="clientApps.mail">
      <MailWindow />
    </ClientAppRoot>
  );
}

function MailWindow() {
  const { t } = useTranslation();
  const session = useClient((s) => s.session);
  return (
    <Window title={t('clientApps.mail.name')} className="mail">
      <div className="mail__layout">
        <div className="mail-sidebar">
          <p className="mail-sidebar__heading">{t('clientApps.mail.mailboxes')}</p>
          <p className="mail-sidebar__item">{session ? `${t('clientApps.mail.inbox')} — ${session.appleId}` : t('clientApps.mail.noAccount')}</p>
        </div>
        <div className="mail__main">
          <ClientView
            views={{
              'sign-in': (
                <section className="mail-panel mac-box" aria-labelledby="mail-add-account">
                  <div className="mail-panel__head">
                    <AppIcon kind="mail" />
                    <div>
                      <h2 id="mail-add-account" className="mail-panel__title">
                        {t('clientApps.mail.addAccount')}
                      </h2>
                      <p className="mail-panel__intro">{t('clientApps.mail.intro')}</p>
                    </div>
                  </div>
                  <SessionEndedNotice />
                  <SignInForm />
                </section>
              ),
              'signed-in': <SignedInStatus className="mail-panel mac-box" />,
            }}
          />
        </div>
      </div>
    </Window>
  );
}
