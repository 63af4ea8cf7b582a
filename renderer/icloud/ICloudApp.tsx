import { useTranslation } from 'react-i18next';
import { ClientAppRoot } from '../client-apps/ClientAppRoot.js';
import { ClientView } from '../client-apps/ClientView.js';
import { useClient } from '../client-apps/context.js';
import { ForgotLink } from '../client-apps/ForgotLink.js';
import { AppIcon } from '../client-apps/mac/AppIcon.js';
import { Window } from '../client-apps/mac/Window.js';
import { SessionEndedNotice } from '../client-apps/SessionEndedNotice.js';
import { SignedInStatus } from '../client-apps/SignedInStatus.js';
import { SignInForm } from '../client-apps/SignInForm.js';
import { ChooseDevice } from './ChooseDevice.js';
import { EnterCode } from './EnterCode.js';
import type { ClientStore } from '../client-apps/store.js';
import { displayName } from '../shared/display-name.js';

/** System Preferences ▸ iCloud on a new Mac: the password, then a code from a trusted device. `store` is this window's own. */
export function ICloudApp({ store }: { store: ClientStore }) {
  return (
    <ClientAppRoot store={store} keyPrefix="clientApps.icloud">
      <ICloudPane />
    </ClientAppRoot>
  );
}

function Toolbar() {
  // Back, forward, Show All and the search field of System Preferences: decoration only.
  return (
    <div className="syspref-toolbar" aria-hidden="true">
      <span className="syspref-toolbar__nav">
        <span className="syspref-toolbar__button">‹</span>
        <span className="syspref-toolbar__button">›</span>
      </span>
      <span className="syspref-toolbar__grid" />
      <span className="syspref-toolbar__search" />
    </div>
  );
}

function ICloudPane() {
  const { t } = useTranslation();
  const session = useClient((s) => s.session);
  return (
    <Window title={t('clientApps.icloud.name')} toolbar={<Toolbar />} className="icloud">
      <div className="icloud__layout">
        <div className="icloud__side">
          <AppIcon kind="icloud" />
          {session ? (
            <>
              <p className="icloud__side-name">{displayName(t, session)}</p>
              <p className="icloud__side-id">{session.appleId}</p>
            </>
          ) : (
            <p className="icloud__side-name">iCloud</p>
          )}
        </div>
        <div className="icloud__main">
          <ClientView
            views={{
              'sign-in': (
                <div className="icloud-sign-in">
                  <h2 className="icloud__heading">{t('clientApps.icloud.intro')}</h2>
                  <p className="icloud__text">{t('clientApps.icloud.introText')}</p>
                  <SessionEndedNotice />
                  <SignInForm labelStyle="hidden" links={<ForgotLink />} />
                </div>
              ),
              'choose-device': <ChooseDevice />,
              'enter-code': <EnterCode />,
              'signed-in': (
                <div className="icloud-signed-in">
                  <ul className="icloud-services" aria-label={t('clientApps.icloud.servicesList')}>
                    {(['drive', 'photos', 'mail', 'contacts', 'findMyMac'] as const).map((service) => (
                      <li key={service} className="icloud-services__item">
                        <span className={`icloud-services__icon icloud-services__icon--${service}`} aria-hidden="true" />
                        {t(`clientApps.icloud.${service}`)}
                      </li>
                    ))}
                  </ul>
                  <SignedInStatus />
                </div>
              ),
            }}
          />
        </div>
      </div>
    </Window>
  );
}
