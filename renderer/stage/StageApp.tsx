import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createClientStore, type ClientStore } from '../client-apps/store.js';
import { ControlSections, LoadError } from '../control/ControlApp.js';
import { OpenerContext } from '../control/opener.js';
import { connectDevice } from '../device/connect.js';
import { IPhone } from '../device/IPhone.js';
import { createDeviceStore, DeviceContext } from '../device/store.js';
import { FaceTimeApp } from '../facetime/FaceTimeApp.js';
import { ICloudApp } from '../icloud/ICloudApp.js';
import { MailApp } from '../mail/MailApp.js';
import { createMailStore, type MailStore } from '../mail/store.js';
import { MessagesApp } from '../messages/MessagesApp.js';
import { AppStoreApp } from '../appstore/AppStoreApp.js';
import { createAppStoreStore, type AppStoreStore } from '../appstore/store.js';
import { onRestart } from '../shared/presenter.js';
import { CoachMarks } from './CoachMarks.js';
import { Dock } from './Dock.js';
import { MenuBar } from './MenuBar.js';
import { stageOpener } from './stage-opener.js';
import { createStageStore, StageContext, useStage } from './stage-store.js';
import { StageTools } from './StageTools.js';
import { StageWindow } from './StageWindow.js';

/**
 * The stage: the whole demo on one page, as a Mac desktop — the menu bar, the Dock, Messages,
 * FaceTime, iCloud (System Preferences) and Tern Mail as windows, Taro's iPhone beside the
 * desktop and the control center as a panel. My Apple ID stays in the real browser, as in the
 * seed. Every window has its own app state (a store each), as the desktop app's windows do.
 */
export function StageApp() {
  const [stores] = useState(() => ({
    stage: createStageStore(),
    device: createDeviceStore(),
    messages: createClientStore('messages'),
    facetime: createClientStore('facetime'),
    icloud: createClientStore('icloud'),
    mail: createMailStore(),
    appstore: createAppStoreStore(),
  }));
  const [opener] = useState(() => stageOpener(stores.stage));
  useEffect(() => connectDevice(stores.device), [stores.device]);
  useEffect(() => onRestart(() => stores.stage.getState().resetWindows()), [stores.stage]);

  return (
    <StageContext value={stores.stage}>
      <DeviceContext value={stores.device}>
        <OpenerContext value={opener}>
          <Stage stores={stores} />
        </OpenerContext>
      </DeviceContext>
    </StageContext>
  );
}

function Stage({ stores }: { stores: Record<'messages' | 'facetime' | 'icloud', ClientStore> & { mail: MailStore; appstore: AppStoreStore } }) {
  const { t } = useTranslation();
  const largeType = useStage((s) => s.largeType);
  const largeCode = useStage((s) => s.largeCode);
  const panelOpen = useStage((s) => s.panelOpen);
  const panelId = `${useId()}-panel`;

  return (
    <div className={`stage${largeType ? ' stage--large-type' : ''}${panelOpen ? ' stage--panel-open' : ''}`}>
      <MenuBar panelId={panelId} />
      <div className="stage__body">
        <main className="stage__main">
          <h1 className="visually-hidden">{t('stage.title')}</h1>
          <div className="stage-desktop">
            <StageWindow id="messages">
              <MessagesApp store={stores.messages} />
            </StageWindow>
            <StageWindow id="facetime">
              <FaceTimeApp store={stores.facetime} />
            </StageWindow>
            <StageWindow id="icloud">
              <ICloudApp store={stores.icloud} />
            </StageWindow>
            <StageWindow id="mail">
              <MailApp store={stores.mail} />
            </StageWindow>
            <StageWindow id="appstore">
              <AppStoreApp store={stores.appstore} />
            </StageWindow>
            <Dock />
          </div>
          <CoachMarks />
        </main>
        <aside className="stage-iphone" aria-label={t('stage.iphone')} data-coach="iphone" tabIndex={-1}>
          <IPhone largeCode={largeCode} />
        </aside>
        {/* Collapsed, it stays mounted (hidden): the tour still follows the activity log. */}
        <aside id={panelId} className="control-panel" aria-label={t('control.title')} hidden={!panelOpen}>
          <LoadError launchKeySaid />
          <ControlSections layout="panel" presenterTools={<StageTools />} />
        </aside>
      </div>
      <footer className="stage__footer">{t('control.notice')}</footer>
    </div>
  );
}
