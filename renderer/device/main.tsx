import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from '../i18n/index.js';
import '../shared/base.css';
import './device.css';
import { connect } from './connect.js';
import { DeviceApp } from './DeviceApp.js';

initI18n('app.deviceTitle');
connect();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <DeviceApp />
  </StrictMode>,
);
