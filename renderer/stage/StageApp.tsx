import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createClientStore, type ClientStore } from '../client-apps/store.js';
import { ControlSections, LoadError } from '../control/ControlApp.js';
import { OpenerContext, WindowStateContext } from '../control/opener.js';
import { useControl } from '../control/store.js';
import type { OpenTarget } from '../control/tour.js';
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
import { onRestart, usePresenter } from '../shared/presenter.js';
import { CoachMarks } from './CoachMarks.js';
import { Dock } from './Dock.js';
import { MenuBar } from './MenuBar.js';
import { stageOpener, stageWindowState } from './stage-opener.js';
import { createStageStore, StageContext, useStage } from './stage-store.js';
import { StageTools } from './StageTools.js';
import { StageWindow } from './StageWindow.js';
import { StageLayoutContext, useSlideFit } from './use-slide-fit.js';
import { STAGE_WINDOWS } from './windows.js';

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
  const [windowState] = useState(() => stageWindowState(stores.stage));
  useEffect(() => connectDevice(stores.device), [stores.device]);
  useEffect(() => onRestart(() => stores.stage.getState().resetWindows()), [stores.stage]);
  // The tour judges "Open Messages" (and where to say "Open") by the windows open here.
  useEffect(() => {
    const tell = () => useControl.getState().windowsChanged(new Set<OpenTarget>(STAGE_WINDOWS.filter((id) => stores.stage.getState().windows[id].open)));
    tell();
    return stores.stage.subscribe((state, previous) => {
      if (state.windows !== previous.windows) tell();
    });
  }, [stores.stage]);

  return (
    <StageContext value={stores.stage}>
      <DeviceContext value={stores.device}>
        <OpenerContext value={opener}>
          <WindowStateContext value={windowState}>
            <Stage stores={stores} />
          </WindowStateContext>
        </OpenerContext>
      </DeviceContext>
    </StageContext>
  );
}

function Stage({ stores }: { stores: Record<'messages' | 'facetime' | 'icloud', ClientStore> & { mail: MailStore; appstore: AppStoreStore } }) {
  const { t } = useTranslation();
  const largeType = usePresenter((s) => s?.largeType ?? false);
  // The Mac's OS X (Scenarios ▸ This Mac runs): its system font differs (stage.css).
  const macOs = usePresenter((s) => s?.macOs ?? '10.11');
  const largeCode = useStage((s) => s.largeCode);
  const panelOpen = useStage((s) => s.panelOpen);
  const panelId = `${useId()}-panel`;
  const menubar = useRef<HTMLElement>(null);
  const footer = useRef<HTMLElement>(null);
  const layout = useSlideFit({ menubar, footer }, largeType, panelOpen);
  const { mode, scale, desktop, column, phoneScale, panelDocked } = layout;

  // Side by side, the page is exactly the screen; stacked, it scrolls (with its scroll bar always there, so its width holds).
  useLayoutEffect(() => {
    const root = document.documentElement;
    root.classList.toggle('stage-page--fit', mode === 'fit');
    root.classList.toggle('stage-page--stacked', mode === 'stacked');
  }, [mode]);

  const classes = ['stage', `stage--${mode}`, largeType && 'stage--large-type', panelOpen && 'stage--panel-open', panelDocked && 'stage--panel-docked'];
  return (
    <StageLayoutContext value={layout}>
      <div className={classes.filter(Boolean).join(' ')} data-mac-os={macOs}>
        <MenuBar ref={menubar} panelId={panelId} />
        <div className="stage__body">
          <div className="stage__screen">
            <div className="stage-slide" style={{ zoom: scale }}>
              <main className="stage__main" style={{ width: desktop.width, height: desktop.height }}>
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
              </main>
              <aside
                className="stage-iphone"
                aria-label={t('stage.iphone')}
                data-coach="iphone"
                tabIndex={-1}
                style={mode === 'fit' ? { width: column, height: desktop.height } : { width: desktop.width }}
              >
                <div className="stage-iphone__phone" style={{ zoom: phoneScale }}>
                  <IPhone largeCode={largeCode} largeType={largeType} />
                </div>
              </aside>
            </div>
          </div>
          {/* Collapsed, it stays mounted (hidden): the tour still follows the activity log. */}
          <aside id={panelId} className="control-panel" aria-label={t('control.title')} hidden={!panelOpen}>
            <LoadError launchKeySaid />
            <ControlSections layout="panel" presenterTools={<StageTools />} />
          </aside>
        </div>
        <footer ref={footer} className="stage__footer">
          {t('control.notice')}
        </footer>
        <CoachMarks />
      </div>
    </StageLayoutContext>
  );
}
