import { useTranslation } from 'react-i18next';
import { AppCodeSheet } from '../client-apps/AppCodeSheet.js';
import { AppSpecificPasswordSheet } from '../client-apps/AppSpecificPasswordSheet.js';
import { ClientAppRoot } from '../client-apps/ClientAppRoot.js';
import { ClientView } from '../client-apps/ClientView.js';
import { ForgotLink } from '../client-apps/ForgotLink.js';
import { Window } from '../client-apps/mac/Window.js';
import { SessionEndedNotice } from '../client-apps/SessionEndedNotice.js';
import { SignedInStatus } from '../client-apps/SignedInStatus.js';
import { SignInForm } from '../client-apps/SignInForm.js';
import type { ClientStore } from '../client-apps/store.js';

/** FaceTime's first screen: the camera's picture on the left, the sign-in on the right. `store` is this window's own. */
export function FaceTimeApp({ store }: { store: ClientStore }) {
  return (
    <ClientAppRoot store={store} keyPrefix="clientApps.facetime">
      <FaceTimeWindow />
    </ClientAppRoot>
  );
}

function FaceTimeWindow() {
  const { t } = useTranslation();
  return (
    <Window title={t('clientApps.facetime.name')} className="facetime">
      <div className="facetime__layout">
        <div className="facetime-video" aria-hidden="true">
          <span className="facetime-video__person" />
        </div>
        <div className="facetime-panel">
          <p className="facetime-panel__title">FaceTime</p>
          <ClientView
            views={{
              'sign-in': (
                <>
                  <p className="facetime-panel__intro">{t('clientApps.facetime.intro')}</p>
                  <SessionEndedNotice />
                  <SignInForm labelStyle="hidden" className="facetime-panel__form" />
                  <p className="facetime-panel__links">
                    <ForgotLink />
                  </p>
                </>
              ),
              'signed-in': <SignedInStatus />,
            }}
          />
        </div>
      </div>
      <AppSpecificPasswordSheet icon="facetime" />
      <AppCodeSheet icon="facetime" />
    </Window>
  );
}
