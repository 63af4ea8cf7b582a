import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from '../i18n/index.js';
import { scaleLargeTypeMyself } from '../shared/large-type.js';
import { connectPresenter } from '../shared/presenter.js';
import '../shared/base.css';
import './device.css';
import './device-page.css';
import { DeviceApp } from './DeviceApp.js';
import { createDeviceStore } from './store.js';

initI18n('app.deviceTitle');
// Large type draws the lock screen's text larger inside the phone (IPhone's largeType), not the page.
scaleLargeTypeMyself();
// One language for every page, the presenter clock, and Reset & restart.
connectPresenter();
const store = createDeviceStore();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <DeviceApp store={store} />
  </StrictMode>,
);
